/**
 * Writes webhook messages to the outbox, sealed, inside the caller's transaction: a report is
 * acknowledged only once its messages are durably queued with it.
 */
import type { WebhookEvent } from '@safe-place/schemas'
import type { Keyring } from '../crypto/keyring'
import { messages } from '../db/schema'
import type { WriteTx } from '../db/types'
import { newId } from '../ids'

export interface OutboxMessage {
  receiverId: string
  reportId: string | null
  event: WebhookEvent
  urgent: boolean
  /**
   * The position in the report's evidence chain of the event that queued it: one receiver
   * gets a report's messages in this order (`claimDue`).
   */
  reportSeq?: number | undefined
}

/** The sealing context of a message payload: a payload copied to another row does not open. */
export const payloadContext = (messageId: string) => `message:${messageId}`

/** The outbox rows for `outgoing`, sealed, ready to insert (here or in a group commit). */
export function messageRows(
  keyring: Keyring,
  outgoing: readonly OutboxMessage[],
  now: Date,
): (typeof messages.$inferInsert & { id: string })[] {
  return outgoing.map((m) => {
    const id = newId('msg')
    return {
      id,
      receiverId: m.receiverId,
      reportId: m.reportId,
      eventType: m.event.type,
      payloadSealed: keyring.sealJson(m.event, payloadContext(id)),
      urgent: m.urgent,
      state: 'pending',
      nextAttemptAt: now,
      createdAt: now,
      reportSeq: m.reportSeq ?? null,
    }
  })
}

export async function enqueueMessages(
  tx: WriteTx,
  keyring: Keyring,
  outgoing: readonly OutboxMessage[],
  now: Date,
): Promise<string[]> {
  if (outgoing.length === 0) return []
  const rows = messageRows(keyring, outgoing, now)
  await tx.insert(messages).values(rows)
  return rows.map((r) => r.id)
}
