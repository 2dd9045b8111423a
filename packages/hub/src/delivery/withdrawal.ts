/**
 * When a reporter withdraws: cancel what has not left yet (erasing its payload) and tell every
 * receiver that got the report to erase it (`report.withdrawn`). Runs in the withdrawal's
 * transaction. Every payload of the report is erased, so nothing can be replayed afterwards.
 */
import { ReceiverProfile, type ReportWithdrawnEvent } from '@safe-place/schemas'
import { and, eq, inArray, ne } from 'drizzle-orm'
import type { Keyring } from '../crypto/keyring'
import { messages } from '../db/schema'
import type { Executor } from '../db/transaction'
import { enqueueMessages } from './outbox'
import { receiversThatGotReport } from './recipients'

export interface WithdrawalInput {
  reportId: string
  reference: string
  now: Date
}

export async function propagateWithdrawal(
  tx: Executor,
  keyring: Keyring,
  input: WithdrawalInput,
): Promise<string[]> {
  // Read before cancelling: a message tried once may have reached its receiver.
  const recipients = await receiversThatGotReport(tx, input.reportId)
  await tx
    .update(messages)
    .set({
      state: 'cancelled',
      payloadSealed: null,
      leaseOwner: null,
      leaseExpiresAt: null,
      nextAttemptAt: null,
    })
    .where(
      and(
        eq(messages.reportId, input.reportId),
        inArray(messages.state, ['pending', 'failed', 'dead']),
      ),
    )
  // In flight or done: keep the state, drop the payload (a retry finds nothing to send).
  await tx
    .update(messages)
    .set({ payloadSealed: null })
    .where(and(eq(messages.reportId, input.reportId), ne(messages.eventType, 'report.withdrawn')))
  const timestamp = input.now.toISOString()
  return enqueueMessages(
    tx,
    keyring,
    recipients.map((receiver) => {
      const event: ReportWithdrawnEvent = {
        type: 'report.withdrawn',
        timestamp,
        data: {
          profile: ReceiverProfile.parse(receiver.profile),
          reference: input.reference,
          withdrawnAt: timestamp,
          erase: true,
        },
      }
      return { receiverId: receiver.id, reportId: input.reportId, event, urgent: true }
    }),
    input.now,
  )
}
