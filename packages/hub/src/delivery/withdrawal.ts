/**
 * When a reporter withdraws: what has not left yet never will, and every receiver that got the
 * report is told to erase it (`report.withdrawn`, urgent). Runs in the withdrawal's write unit,
 * after the erasure: the payloads are already gone, so nothing can be replayed afterwards.
 */
import { ReceiverProfile, type ReportWithdrawnEvent } from '@safe-place/schemas'
import type { Keyring } from '../crypto/keyring'
import type { WriteTx } from '../db/types'
import { enqueueMessages } from './outbox'
import { receiversThatGotReport } from './recipients'
import { cancelUnsent } from './transitions'

export interface WithdrawalInput {
  reportId: string
  reference: string
  now: Date
  /** The withdrawal's position in the report's evidence chain: it goes out after the rest. */
  reportSeq?: number | undefined
}

export async function propagateWithdrawal(
  tx: WriteTx,
  keyring: Keyring,
  input: WithdrawalInput,
): Promise<string[]> {
  // Read before cancelling: a message tried once may have reached its receiver.
  const recipients = await receiversThatGotReport(tx, input.reportId)
  await cancelUnsent(tx, input.reportId)
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
      return {
        receiverId: receiver.id,
        reportId: input.reportId,
        event,
        urgent: true,
        reportSeq: input.reportSeq,
      }
    }),
    input.now,
  )
}
