/**
 * Splitting reports off a case that are about something else: the listed reports (and the
 * internal notes about them) move to a new case of the same partner, both cases are
 * recomputed, and both timelines say so. A report not in the case answers `422
 * report_not_in_case`, and at least one report must stay; otherwise nothing changes. The new
 * case starts unassigned and not a raid (the grouper flags it if its own reports make one).
 */
import { and, eq, inArray } from 'drizzle-orm'
import { caseMembers, caseNotes, cases, reports } from '../db/schema'
import type { WriteTx } from '../db/types'
import { HubError } from '../hub-error'
import { newId } from '../ids'
import { newCaseReference } from './reference'
import type { CaseSettings } from './settings'
import { assertNotMerged, findCase, recomputeCase, recordCaseEvent } from './store'

export async function splitCase(
  tx: WriteTx,
  settings: Pick<CaseSettings, 'serviceLevels'>,
  idOrReference: string,
  references: readonly string[],
  actorKeyId: string | null,
  now: Date,
) {
  const source = await findCase(tx, idOrReference)
  assertNotMerged(source)
  const wanted = [...new Set(references.map((r) => r.trim().toUpperCase()))]
  const found = await tx
    .select({ id: reports.id, reference: reports.reference })
    .from(reports)
    .innerJoin(caseMembers, eq(caseMembers.reportId, reports.id))
    .where(and(inArray(reports.reference, wanted), eq(caseMembers.caseId, source.id)))
  const missing = wanted.filter((ref) => !found.some((f) => f.reference === ref))
  if (missing.length) {
    throw new HubError(
      'report_not_in_case',
      `Not in case ${source.reference}: ${missing.slice(0, 5).join(', ')}.`,
      {
        details: missing
          .slice(0, 20)
          .map((ref) => ({ path: 'reports', message: `${ref} is not in this case` })),
      },
    )
  }
  if (found.length >= source.reportCount) {
    throw new HubError('validation_failed', 'Leave at least one report in the case.', {
      details: [{ path: 'reports', message: 'Lists every report of the case' }],
    })
  }
  const ids = found.map((f) => f.id)
  const [created] = await tx
    .insert(cases)
    .values({
      id: newId('cas'),
      reference: newCaseReference(),
      partnerId: source.partnerId,
      status: 'open',
      urgent: false,
      category: source.category,
      firstReportAt: source.firstReportAt,
      lastReportAt: source.lastReportAt,
      dueAt: source.dueAt,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
  const target = created!
  await tx.update(caseMembers).set({ caseId: target.id }).where(inArray(caseMembers.reportId, ids))
  await tx
    .update(caseNotes)
    .set({ caseId: target.id })
    .where(and(eq(caseNotes.caseId, source.id), inArray(caseNotes.reportId, ids)))
  await recordCaseEvent(tx, {
    caseId: source.id,
    at: now,
    kind: 'split',
    otherCaseId: target.id,
    actorKeyId,
    count: ids.length,
  })
  await recordCaseEvent(tx, {
    caseId: target.id,
    at: now,
    kind: 'split_from',
    otherCaseId: source.id,
    actorKeyId,
    count: ids.length,
  })
  await recomputeCase(tx, source.id, settings.serviceLevels, now)
  return recomputeCase(tx, target.id, settings.serviceLevels, now)
}
