/**
 * What every case operation shares: finding a case by id or reference, refusing one that was
 * merged away, writing a timeline entry, and recomputing a case's figures from its reports
 * after its membership changed (a merge, a split).
 */
import type { CaseEventKind } from '@safe-place/schemas'
import { eq, or } from 'drizzle-orm'
import type { CaseRow } from '../db/rows'
import { caseEvents, caseMembers, cases, reports } from '../db/schema'
import type { ReadDb, WriteTx } from '../db/types'
import { HubError } from '../hub-error'
import { newId } from '../ids'
import { dueAtOf } from './service-level'
import type { ServiceLevels } from './settings'

/** A case by its id (`cas_…`) or its reference (`CS-…`); `not_found` otherwise. */
export async function findCase(db: ReadDb, idOrReference: string): Promise<CaseRow> {
  const key = idOrReference.trim()
  const [row] = await db
    .select()
    .from(cases)
    .where(or(eq(cases.id, key), eq(cases.reference, key.toUpperCase())))
    .limit(1)
  if (!row) throw new HubError('not_found', 'No such case.')
  return row
}

/** A merged case holds no reports any more: changes go to the case it was merged into. */
export function assertNotMerged(row: CaseRow): void {
  if (row.status === 'merged') {
    throw new HubError(
      'conflict',
      `Case ${row.reference} was merged into another case: work on that one.`,
    )
  }
}

export interface CaseEventInput {
  caseId: string
  kind: CaseEventKind
  at: Date
  reportId?: string | null
  matched?: string[] | null
  otherCaseId?: string | null
  actorKeyId?: string | null
  assigneeKeyId?: string | null
  count?: number | null
  status?: string | null
}

export async function recordCaseEvent(tx: WriteTx, event: CaseEventInput): Promise<void> {
  await tx.insert(caseEvents).values({ id: newId('evt'), ...event })
}

/** Recomputes a case's counts, dates, urgency and due time from the reports it now holds. */
export async function recomputeCase(
  tx: WriteTx,
  caseId: string,
  levels: ServiceLevels,
  now: Date,
): Promise<CaseRow> {
  const members = await tx
    .select({
      urgent: reports.urgent,
      category: reports.category,
      minorInvolved: reports.minorInvolved,
      submittedAt: reports.submittedAt,
    })
    .from(caseMembers)
    .innerJoin(reports, eq(reports.id, caseMembers.reportId))
    .where(eq(caseMembers.caseId, caseId))
  if (members.length === 0) throw new Error(`case ${caseId} has no reports`)
  let strictest = members[0]!
  let due = dueAtOf(levels, strictest)
  for (const m of members) {
    const d = dueAtOf(levels, m)
    if (d < due) {
      due = d
      strictest = m
    }
  }
  const times = members.map((m) => m.submittedAt.getTime())
  const [row] = await tx
    .update(cases)
    .set({
      reportCount: members.length,
      urgent: members.some((m) => m.urgent),
      firstReportAt: new Date(Math.min(...times)),
      lastReportAt: new Date(Math.max(...times)),
      dueAt: due,
      category: strictest.category,
      updatedAt: now,
    })
    .where(eq(cases.id, caseId))
    .returning()
  return row!
}
