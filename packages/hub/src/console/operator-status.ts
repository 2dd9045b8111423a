/**
 * The operator sets a report's status from the console (for example after talking to the
 * reporter): the status goes on the timeline with the note for the reporter (sealed), becomes
 * the report's status, and the receivers that got the report hear `report.status_changed`
 * with `changedBy: operator`. Unlike a receiver's update, it does not count as a receiver's
 * first action in the statistics.
 */
import {
  ReceiverProfile,
  type ReportStatusChangedEvent,
  type StatusUpdate,
} from '@safe-place/schemas'
import { eq } from 'drizzle-orm'
import type { Keyring } from '../crypto/keyring'
import type { Database } from '../db/client'
import { reports, timelineEvents } from '../db/schema'
import { enqueueMessages } from '../delivery/outbox'
import { receiversThatGotReport } from '../delivery/recipients'
import { HubError } from '../http/hub-error'
import { newId } from '../ids'
import { noteContext } from '../reports/status-view'

export async function applyOperatorStatus(
  db: Database,
  keyring: Keyring,
  reference: string,
  update: StatusUpdate,
  now: Date,
): Promise<{ reference: string; status: StatusUpdate['status']; messageIds: string[] }> {
  return db.transaction(async (tx) => {
    const [report] = await tx
      .select()
      .from(reports)
      .where(eq(reports.reference, reference.trim().toUpperCase()))
      .limit(1)
    if (!report) throw new HubError('not_found', 'No such report.')
    if (report.status === 'withdrawn' || report.withdrawnAt) {
      throw new HubError('report_withdrawn', 'The reporter withdrew this report.')
    }
    const eventId = newId('evt')
    await tx.insert(timelineEvents).values({
      id: eventId,
      reportId: report.id,
      at: now,
      kind: 'status_changed',
      status: update.status,
      receiverId: null,
      actions: update.actions ?? null,
      noteSealed: update.noteForReporter
        ? keyring.seal(update.noteForReporter, noteContext(eventId))
        : null,
    })
    await tx
      .update(reports)
      .set({ status: update.status, updatedAt: now })
      .where(eq(reports.id, report.id))
    const changedAt = now.toISOString()
    const messageIds = await enqueueMessages(
      tx,
      keyring,
      (await receiversThatGotReport(tx, report.id)).map((receiver) => {
        const event: ReportStatusChangedEvent = {
          type: 'report.status_changed',
          timestamp: changedAt,
          data: {
            profile: ReceiverProfile.parse(receiver.profile),
            reference: report.reference,
            status: update.status,
            ...(update.actions?.length && { actions: update.actions }),
            changedBy: 'operator',
            changedAt,
          },
        }
        return { receiverId: receiver.id, reportId: report.id, event, urgent: false }
      }),
      now,
    )
    return { reference: report.reference, status: update.status, messageIds }
  })
}
