/**
 * The Standard Webhooks signature: HMAC-SHA256 of `${id}.${timestamp}.${body}` under the
 * base64 secret after `whsec_`, compared in constant time against every `v1,` signature sent.
 * The HMAC comes from the `standardwebhooks` library (pure JS): synchronous, and the same in
 * browsers, Node and edge runtimes.
 */
import { Webhook } from 'standardwebhooks'

function constantTimeEqual(a: string, b: string): boolean {
  const left = new TextEncoder().encode(a)
  const right = new TextEncoder().encode(b)
  if (left.length !== right.length) return false
  let diff = 0
  for (let i = 0; i < left.length; i++) diff |= left[i]! ^ right[i]!
  return diff === 0
}

/** `v1,<base64>` for one secret; throws a `TypeError` for a secret that is not base64. */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  let webhook: Webhook
  try {
    webhook = new Webhook(secret)
  } catch (cause) {
    throw new TypeError('The webhook secret must be a Standard Webhooks secret (whsec_…).', {
      cause,
    })
  }
  return webhook.sign(id, new Date(timestamp * 1000), body)
}

/** True when one of the sent `v1,` signatures matches one of the secrets. */
export function signatureMatches(
  secrets: readonly string[],
  id: string,
  timestamp: number,
  body: string,
  signatureHeader: string,
): boolean {
  const sent = signatureHeader
    .split(' ')
    .filter((s) => s.startsWith('v1,'))
    .map((s) => s.slice(3))
  let match = false
  for (const secret of secrets) {
    const expected = signWebhook(secret, id, timestamp, body).slice(3)
    // No early exit: every comparison runs, whichever matches.
    for (const signature of sent) match = constantTimeEqual(signature, expected) || match
  }
  return match
}
