/**
 * One case as its page shows it (operator only): its summary, its reports newest first with
 * what each shared when it joined, the merged timeline, the internal notes, and the other open
 * cases its reports also matched — candidates for a merge.
 */
import type { CaseDetail, CaseMatch, CaseReport } from '@safe-place/schemas'
import { and, count, desc, eq, inArray, isNotNull, ne } from 'drizzle-orm'
import { toListItem } from '../admin/reports'
import type { Keyring } from '../crypto/keyring'
import { caseEvents, caseMembers, cases, reports } from '../db/schema'
import type { ReadDb } from '../db/types'
import { listInternalNotes } from './notes'
import { findCase } from './store'
import { toCaseSummaries } from './summary'
import { caseTimeline } from './timeline'

const REPORTS_SHOWN = 200

export async function caseDetail(
  db: ReadDb,
  keyring: Keyring,
  idOrReference: string,
  now: Date,
): Promise<CaseDetail> {
  const row = await findCase(db, idOrReference)
  const [members, [total], notes, hints] = await Promise.all([
    db
      .select({ report: reports, joinedAt: caseMembers.joinedAt, matched: caseMembers.matched })
      .from(caseMembers)
      .innerJoin(reports, eq(reports.id, caseMembers.reportId))
      .where(eq(caseMembers.caseId, row.id))
      .orderBy(desc(reports.submittedAt), desc(reports.id))
      .limit(REPORTS_SHOWN),
    db.select({ n: count() }).from(caseMembers).where(eq(caseMembers.caseId, row.id)),
    listInternalNotes(db, keyring, row.id),
    db
      .selectDistinct({ id: caseEvents.otherCaseId })
      .from(caseEvents)
      .where(
        and(
          eq(caseEvents.caseId, row.id),
          eq(caseEvents.kind, 'joined'),
          isNotNull(caseEvents.otherCaseId),
        ),
      )
      .limit(50),
  ])
  const hinted = hints.map((h) => h.id).filter((id): id is string => id !== null && id !== row.id)
  const related = hinted.length
    ? await db
        .select({ id: cases.id, reference: cases.reference })
        .from(cases)
        .where(and(inArray(cases.id, hinted), eq(cases.status, 'open'), ne(cases.id, row.id)))
    : []
  const [summary] = await toCaseSummaries(db, [row], now)
  return {
    summary: summary!,
    reports: members.map(
      (m): CaseReport => ({
        ...toListItem(m.report),
        joinedAt: m.joinedAt.toISOString(),
        matched: m.matched as CaseMatch[],
      }),
    ),
    reportsTotal: total?.n ?? 0,
    timeline: await caseTimeline(db, keyring, row, notes),
    notes,
    related,
  }
}
