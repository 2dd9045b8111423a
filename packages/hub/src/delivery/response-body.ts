/**
 * A receiver's answer, its first 2 KB kept for operators to diagnose failures. It may echo
 * what it was sent (the report, the contact), so it is sealed at rest like the report itself,
 * bound to its message, and erased with the report.
 */
import type { Keyring } from '../crypto/keyring'

const responseContext = (messageId: string) => `response:${messageId}`

export function sealResponseBody(
  keyring: Keyring,
  messageId: string,
  body: string | null | undefined,
): string | null {
  return body ? keyring.seal(body, responseContext(messageId)) : null
}

/** `null` when there was none, or when it cannot be opened (a retired key). */
export function openResponseBody(
  keyring: Keyring,
  messageId: string,
  sealed: string | null,
): string | null {
  if (!sealed) return null
  try {
    return keyring.open(sealed, responseContext(messageId))
  } catch {
    return null
  }
}
