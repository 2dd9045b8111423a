/**
 * Raid detection: many reports about one target in a short time. When the reports of one case
 * submitted within `raidWindowMs` up to a new report reach `raidReports`, the case is flagged,
 * once, and the decision goes on its timeline with the count. The count reads at most
 * `raidReports` index entries and is skipped once the case is a raid, so a raid of thousands
 * costs no more per report than its first reports did.
 */
import { and, eq, gt, lte, sql } from 'drizzle-orm'
import type { CaseRow } from '../db/rows'
import { caseEvents, caseMembers, cases } from '../db/schema'
import type { WriteTx } from '../db/types'
import { newId } from '../ids'
import type { CaseSettings } from './settings'

/**
 * Called once when a case becomes a raid, in the grouping unit. Issue 16 raises the operator
 * alert ("raid detected") from here; nothing else happens yet.
 */
async function onRaidDetected(_tx: WriteTx, _raid: CaseRow): Promise<void> {}

/** Flags the case as a raid if the window up to `at` holds enough of its reports. */
export async function detectRaid(
  tx: WriteTx,
  row: CaseRow,
  at: Date,
  settings: Pick<CaseSettings, 'raidReports' | 'raidWindowMs'>,
  now: Date,
): Promise<CaseRow> {
  if (row.raid) return row
  const since = new Date(at.getTime() - settings.raidWindowMs)
  const window = tx
    .select({ one: sql`1` })
    .from(caseMembers)
    .where(
      and(
        eq(caseMembers.caseId, row.id),
        gt(caseMembers.submittedAt, since),
        lte(caseMembers.submittedAt, at),
      ),
    )
    .limit(settings.raidReports)
    .as('window')
  const [counted] = await tx.select({ n: sql<number>`count(*)` }).from(window)
  const n = Number(counted?.n ?? 0)
  if (n < settings.raidReports) return row
  const [raid] = await tx
    .update(cases)
    .set({ raid: true, raidDetectedAt: now, updatedAt: now })
    .where(eq(cases.id, row.id))
    .returning()
  await tx.insert(caseEvents).values({
    id: newId('evt'),
    caseId: row.id,
    at: now,
    kind: 'raid_detected',
    count: n,
  })
  await onRaidDetected(tx, raid!)
  return raid!
}
