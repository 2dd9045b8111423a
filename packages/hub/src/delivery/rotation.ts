/**
 * Secret rotation with an overlap: the new secret signs at once, the previous one keeps
 * signing beside it (two signatures, space-separated) for 24 hours, so a receiver can switch
 * whenever it likes during that day without a failed verification.
 */
import { eq } from 'drizzle-orm'
import type { Keyring } from '../crypto/keyring'
import { receivers } from '../db/schema'
import type { WriteTx } from '../db/types'
import { generateWebhookSecret, secretContext } from './secrets'

const ROTATION_OVERLAP_MS = 24 * 3600 * 1000

export async function rotateReceiverSecret(
  tx: WriteTx,
  keyring: Keyring,
  receiverId: string,
  now: Date,
  options: { secret?: string | undefined; overlapMs?: number | undefined } = {},
): Promise<{ secret: string; previousSecretExpiresAt: string } | null> {
  const [row] = await tx.select().from(receivers).where(eq(receivers.id, receiverId))
  if (!row) return null
  const secret = options.secret ?? generateWebhookSecret()
  const expires = new Date(now.getTime() + (options.overlapMs ?? ROTATION_OVERLAP_MS))
  await tx
    .update(receivers)
    .set({
      secretSealed: keyring.seal(secret, secretContext(receiverId)),
      previousSecretSealed: row.secretSealed,
      previousSecretExpiresAt: expires,
      updatedAt: now,
    })
    .where(eq(receivers.id, receiverId))
  return { secret, previousSecretExpiresAt: expires.toISOString() }
}
