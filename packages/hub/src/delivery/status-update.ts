/**
 * A receiver tells what it did (`POST /v1/reports/{reference}/status`): only about a report
 * that was routed to it. The status goes on the timeline (with the note for the reporter,
 * sealed), becomes the report's status (the first one also sets `first_action_at`), and the
 * other receivers that got the report hear `report.status_changed` — no note, nothing personal,
 * and `changedBy: receiver`: not which receiver, nor its kind.
 */
import {
  ReceiverProfile,
  type ReportStatusChangedEvent,
  type StatusUpdate,
} from '@safe-place/schemas'
import { and, eq, isNull } from 'drizzle-orm'
import type { Keyring } from '../crypto/keyring'
import { receivers, reports, timelineEvents } from '../db/schema'
import type { WriteTx } from '../db/types'
import { appendToChain } from '../evidence/chain'
import { statusEntry } from '../evidence/chain-content'
import { HubError } from '../hub-error'
import { newId } from '../ids'
import { notifyReportMoved } from '../notifications/subscriptions'
import { actionsOf, recordDecision } from '../reports/decisions'
import { noteContext } from '../reports/status-view'
import { enqueueMessages } from './outbox'
import { receiversThatGotReport, wasRoutedTo } from './recipients'

export interface StatusUpdateInput {
  reference: string
  receiverId: string
  update: StatusUpdate
  now: Date
}

export interface StatusUpdateResult {
  reference: string
  status: StatusUpdate['status']
  /** Messages queued to the other receivers: wake the engine after the commit. */
  messageIds: string[]
}

/**
 * What every status change does, whoever makes it: the timeline entry (note sealed), the
 * report's new status, and `report.status_changed` to every receiver that got the report but
 * the one that made the change. Returns the queued message ids (wake the engine after commit).
 */
export async function recordStatusChange(
  tx: WriteTx,
  keyring: Keyring,
  report: { id: string; reference: string },
  update: StatusUpdate,
  now: Date,
  /** The receiver that made the change, or `null` for the operator. */
  by: { receiverId: string | null },
): Promise<string[]> {
  const eventId = newId('evt')
  // A decision says what was done: its actions stand in for `actions` when none were given.
  const actions = update.actions?.length
    ? update.actions
    : update.decision
      ? actionsOf(update.decision)
      : undefined
  await tx.insert(timelineEvents).values({
    id: eventId,
    reportId: report.id,
    at: now,
    kind: 'status_changed',
    status: update.status,
    receiverId: by.receiverId,
    actions: actions?.length ? actions : null,
    noteSealed: update.noteForReporter
      ? keyring.seal(update.noteForReporter, noteContext(eventId))
      : null,
  })
  if (update.decision) {
    await recordDecision(tx, keyring, {
      eventId,
      reportId: report.id,
      receiverId: by.receiverId,
      at: now,
      decision: update.decision,
    })
  }
  await tx
    .update(reports)
    .set({ status: update.status, updatedAt: now })
    .where(eq(reports.id, report.id))
  // If she asked to be told, one neutral mail for this change, queued with it.
  await notifyReportMoved(tx, report.id, eventId, now)
  const [reportSeq] =
    (await appendToChain(
      tx,
      keyring,
      report.id,
      [
        statusEntry(
          {
            status: update.status,
            actions: update.actions,
            receiverId: by.receiverId,
            noteForReporter: update.noteForReporter,
          },
          now,
        ),
      ],
      now,
    )) ?? []
  const others = (await receiversThatGotReport(tx, report.id)).filter((r) => r.id !== by.receiverId)
  const changedAt = now.toISOString()
  return enqueueMessages(
    tx,
    keyring,
    others.map((receiver) => {
      const event: ReportStatusChangedEvent = {
        type: 'report.status_changed',
        timestamp: changedAt,
        data: {
          profile: ReceiverProfile.parse(receiver.profile),
          reference: report.reference,
          status: update.status,
          ...(actions?.length && { actions }),
          // Who, in one word: the others learn no receiver's id or kind.
          changedBy: by.receiverId === null ? 'operator' : 'receiver',
          changedAt,
        },
      }
      return { receiverId: receiver.id, reportId: report.id, event, urgent: false, reportSeq }
    }),
    now,
  )
}

/** A receiver's update, in its write unit: only about a report routed to it. */
export async function applyStatusUpdate(
  tx: WriteTx,
  keyring: Keyring,
  input: StatusUpdateInput,
): Promise<StatusUpdateResult> {
  const { update, now } = input
  const [report] = await tx
    .select()
    .from(reports)
    .where(eq(reports.reference, input.reference))
    .limit(1)
  // Same answer for "no such report" and "not yours": a receiver learns nothing of others'.
  if (!report || !(await wasRoutedTo(tx, report.id, input.receiverId))) {
    throw new HubError('not_found', 'No report with this reference was sent to you.')
  }
  if (report.status === 'withdrawn' || report.withdrawnAt) {
    throw new HubError('report_withdrawn', 'The reporter withdrew this report.')
  }
  const [sender] = await tx.select().from(receivers).where(eq(receivers.id, input.receiverId))
  if (!sender) throw new HubError('forbidden', 'This key has no receiver.')

  await tx
    .update(reports)
    .set({ firstActionAt: now })
    .where(and(eq(reports.id, report.id), isNull(reports.firstActionAt)))
  const messageIds = await recordStatusChange(tx, keyring, report, update, now, {
    receiverId: sender.id,
  })
  return { reference: report.reference, status: update.status, messageIds }
}
