/**
 * One status for the reports of a case at once — a raid's hundreds of reports `in_review` with
 * one click. Each report changes as if the operator had set it alone (timeline entry, the note
 * for the reporter sealed, `report.status_changed` to the receivers that got it), in write
 * units of `CHUNK` reports so the write turn is never held long. Reports withdrawn, erased,
 * already at that status or at a final status (action taken, no action, referred) are left as
 * they are and counted as skipped. One `bulk_status` entry on the case's timeline says how many.
 */
import type { CaseBulkStatus, CaseBulkStatusResult } from '@safe-place/schemas'
import { and, eq, inArray, isNull } from 'drizzle-orm'
import type { Keyring } from '../crypto/keyring'
import { caseMembers, reports } from '../db/schema'
import type { DbAccess } from '../db/types'
import { recordStatusChange } from '../delivery/status-update'
import { assertNotMerged, findCase, recordCaseEvent } from './store'

const CHUNK = 100
const FINAL = new Set(['action_taken', 'no_action', 'referred_to_authorities', 'withdrawn'])

export async function setCaseReportsStatus(
  database: DbAccess,
  keyring: Keyring,
  idOrReference: string,
  update: CaseBulkStatus,
  actorKeyId: string | null,
  now: () => Date,
): Promise<CaseBulkStatusResult & { messages: number }> {
  const row = await findCase(database.db, idOrReference)
  assertNotMerged(row)
  const members = await database.db
    .select({ id: reports.id, status: reports.status })
    .from(caseMembers)
    .innerJoin(reports, eq(reports.id, caseMembers.reportId))
    .where(
      and(eq(caseMembers.caseId, row.id), isNull(reports.erasedAt), isNull(reports.withdrawnAt)),
    )
  const eligible = members
    .filter((m) => m.status !== update.status && !FINAL.has(m.status))
    .map((m) => m.id)
  let updated = 0
  let messages = 0
  for (let i = 0; i < eligible.length; i += CHUNK) {
    const ids = eligible.slice(i, i + CHUNK)
    const done = await database.write(async (tx) => {
      // Read again in the unit: a report may have been withdrawn or changed since.
      const current = await tx
        .select()
        .from(reports)
        .where(and(inArray(reports.id, ids), isNull(reports.erasedAt), isNull(reports.withdrawnAt)))
      let n = 0
      let queued = 0
      const at = now()
      for (const report of current) {
        if (report.status === update.status || FINAL.has(report.status)) continue
        const ids = await recordStatusChange(tx, keyring, report, update, at, { receiverId: null })
        queued += ids.length
        n++
      }
      return { n, queued }
    })
    updated += done.n
    messages += done.queued
  }
  await database.write((tx) =>
    recordCaseEvent(tx, {
      caseId: row.id,
      at: now(),
      kind: 'bulk_status',
      status: update.status,
      count: updated,
      actorKeyId,
    }),
  )
  return { updated, skipped: row.reportCount - updated, messages }
}
