/**
 * The operator sets a report's status from the console (for example after talking to the
 * reporter): the status goes on the timeline with the note for the reporter (sealed), becomes
 * the report's status, and the receivers that got the report hear `report.status_changed`
 * with `changedBy: operator`. Unlike a receiver's update, it does not count as a receiver's
 * first action in the statistics.
 */
import type { StatusUpdate } from '@safe-place/schemas'
import { eq } from 'drizzle-orm'
import type { Keyring } from '../crypto/keyring'
import { reports } from '../db/schema'
import type { WriteTx } from '../db/types'
import { recordStatusChange } from '../delivery/status-update'
import { HubError } from '../hub-error'

export async function applyOperatorStatus(
  tx: WriteTx,
  keyring: Keyring,
  reference: string,
  update: StatusUpdate,
  now: Date,
): Promise<{ reference: string; status: StatusUpdate['status']; messageIds: string[] }> {
  const [report] = await tx
    .select()
    .from(reports)
    .where(eq(reports.reference, reference.trim().toUpperCase()))
    .limit(1)
  if (!report) throw new HubError('not_found', 'No such report.')
  if (report.status === 'withdrawn' || report.withdrawnAt) {
    throw new HubError('report_withdrawn', 'The reporter withdrew this report.')
  }
  const messageIds = await recordStatusChange(tx, keyring, report, update, now, {
    receiverId: null,
  })
  return { reference: report.reference, status: update.status, messageIds }
}
