/**
 * Opens a receiver's signing secrets: the current one, and the previous one while it overlaps.
 * Opened secrets are kept by their sealed text (which changes with any rotation), so a burst of
 * deliveries to one receiver decrypts its secret once, not once per attempt.
 */
import type { Keyring } from '../crypto/keyring'
import type { ReceiverRow } from '../db/rows'
import { secretContext } from './secrets'
import type { SigningSecrets } from './signer'

// Per keyring: a value is only ever served to the keyring that opened it.
const openedBy = new WeakMap<Keyring, Map<string, string>>()

function openSecret(keyring: Keyring, sealed: string, context: string): string {
  let opened = openedBy.get(keyring)
  if (!opened) {
    opened = new Map()
    openedBy.set(keyring, opened)
  }
  const cacheKey = `${context}\n${sealed}`
  let secret = opened.get(cacheKey)
  if (secret === undefined) {
    secret = keyring.open(sealed, context)
    if (opened.size > 1000) opened.clear()
    opened.set(cacheKey, secret)
  }
  return secret
}

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
    current: openSecret(keyring, receiver.secretSealed, context),
    previous:
      overlapping && receiver.previousSecretSealed
        ? openSecret(keyring, receiver.previousSecretSealed, context)
        : null,
  }
}
