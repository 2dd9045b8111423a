/**
 * Merging cases an operator knows are one situation: every report, internal note and earlier
 * merge of the listed cases moves to the target, which is recomputed; each listed case stays as
 * `merged` with a pointer, and both sides' timelines say so. All cases must be of the target's
 * partner (`409 case_tenant_mismatch`), none merged already; otherwise nothing changes.
 */
import { eq, inArray } from 'drizzle-orm'
import type { CaseRow } from '../db/rows'
import { caseMembers, caseNotes, cases } from '../db/schema'
import type { WriteTx } from '../db/types'
import { HubError } from '../hub-error'
import type { CaseSettings } from './settings'
import { assertNotMerged, findCase, recomputeCase, recordCaseEvent } from './store'

export async function mergeCases(
  tx: WriteTx,
  settings: Pick<CaseSettings, 'serviceLevels'>,
  targetRef: string,
  fromRefs: readonly string[],
  actorKeyId: string | null,
  now: Date,
) {
  const target = await findCase(tx, targetRef)
  assertNotMerged(target)
  const from: CaseRow[] = []
  for (const ref of new Set(fromRefs)) {
    const row = await findCase(tx, ref)
    if (row.id === target.id) {
      throw new HubError('validation_failed', 'A case cannot be merged into itself.', {
        details: [{ path: 'from', message: 'Lists the target case' }],
      })
    }
    if (row.partnerId !== target.partnerId) {
      throw new HubError(
        'case_tenant_mismatch',
        `Case ${row.reference} belongs to another partner than ${target.reference}: they cannot be merged.`,
      )
    }
    assertNotMerged(row)
    if (!from.some((f) => f.id === row.id)) from.push(row)
  }
  const ids = from.map((f) => f.id)
  await tx.update(caseMembers).set({ caseId: target.id }).where(inArray(caseMembers.caseId, ids))
  await tx.update(caseNotes).set({ caseId: target.id }).where(inArray(caseNotes.caseId, ids))
  // Cases merged into these earlier now point at the target, so its timeline finds them.
  await tx.update(cases).set({ mergedInto: target.id }).where(inArray(cases.mergedInto, ids))
  const raidSince = [target, ...from]
    .map((c) => c.raidDetectedAt)
    .filter((d): d is Date => d !== null)
    .sort((a, b) => a.getTime() - b.getTime())[0]
  for (const f of from) {
    await tx
      .update(cases)
      .set({ status: 'merged', mergedInto: target.id, assigneeKeyId: null, updatedAt: now })
      .where(eq(cases.id, f.id))
    await recordCaseEvent(tx, {
      caseId: f.id,
      at: now,
      kind: 'merged_into',
      otherCaseId: target.id,
      actorKeyId,
      count: f.reportCount,
    })
    await recordCaseEvent(tx, {
      caseId: target.id,
      at: now,
      kind: 'merged',
      otherCaseId: f.id,
      actorKeyId,
      count: f.reportCount,
    })
  }
  const merged = await recomputeCase(tx, target.id, settings.serviceLevels, now)
  if (!raidSince) return merged
  // A raid stays a raid once merged: the flag and its first detection carry over.
  const [raid] = await tx
    .update(cases)
    .set({ raid: true, raidDetectedAt: raidSince })
    .where(eq(cases.id, target.id))
    .returning()
  return raid!
}
