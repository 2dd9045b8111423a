/**
 * Overdue cases: an open case whose due time passed is an operator alert, once per due time (a
 * case whose due time moves, because a more urgent report joined, is a new occurrence). The case
 * loop (`grouper.ts`) checks every minute for open, overdue cases not yet alerted: no cursor to
 * lose at a restart, and a case that fell due while no hub ran is told at the next start.
 */
import { and, asc, eq, lte, notExists, sql } from 'drizzle-orm'
import { type AlertContext, raiseAlert } from '../alerts/raise'
import { cases, operatorAlerts } from '../db/schema'
import type { WriteTx } from '../db/types'

/** Cases told per write unit: a backlog of overdue cases is told over several units. */
export const OVERDUE_BATCH = 200

const occurrenceKey = (caseId: string, dueAt: Date) => `case_overdue:${caseId}:${dueAt.getTime()}`

/** Raises `case_overdue` for up to `OVERDUE_BATCH` cases; resolves with how many. */
export async function alertOverdueCases(
  tx: WriteTx,
  alerts: AlertContext,
  now: Date,
): Promise<number> {
  // The same key as `occurrenceKey`, built in SQL: `due_at` is stored in milliseconds.
  const keyOfCase = sql`'case_overdue:' || ${cases.id} || ':' || ${cases.dueAt}`
  const due = await tx
    .select({ id: cases.id, reference: cases.reference, dueAt: cases.dueAt })
    .from(cases)
    .where(
      and(
        eq(cases.status, 'open'),
        lte(cases.dueAt, now),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(operatorAlerts)
            .where(eq(operatorAlerts.occurrenceKey, keyOfCase)),
        ),
      ),
    )
    .orderBy(asc(cases.dueAt))
    .limit(OVERDUE_BATCH)
  for (const c of due) {
    await raiseAlert(tx, alerts, {
      kind: 'case_overdue',
      occurrenceKey: occurrenceKey(c.id, c.dueAt),
      consolePath: `#/cases/${c.id}`,
      data: { caseId: c.id, reference: c.reference, dueAt: c.dueAt.toISOString() },
      now,
    })
  }
  return due.length
}
