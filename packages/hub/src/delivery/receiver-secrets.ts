/** Opens a receiver's signing secrets: the current one, and the previous one while it overlaps. */
import type { Keyring } from '../crypto/keyring'
import type { receivers } from '../db/schema'
import { secretContext } from './secrets'
import type { SigningSecrets } from './signer'

type ReceiverRow = typeof receivers.$inferSelect

export function signingSecrets(
  keyring: Keyring,
  receiver: ReceiverRow,
  now: number,
): SigningSecrets {
  const context = secretContext(receiver.id)
  const overlapping =
    receiver.previousSecretSealed !== null &&
    receiver.previousSecretExpiresAt !== null &&
    receiver.previousSecretExpiresAt.getTime() > now
  return {
    current: keyring.open(receiver.secretSealed, context),
    previous:
      overlapping && receiver.previousSecretSealed
        ? keyring.open(receiver.previousSecretSealed, context)
        : null,
  }
}
