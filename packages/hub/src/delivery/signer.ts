/**
 * Standard Webhooks signing: `v1,<base64 HMAC-SHA256 of id.timestamp.body>` under the secret's
 * bytes (`whsec_` and base64), exactly what svix's `Webhook.sign` computes — but with
 * `node:crypto`'s native HMAC, where svix hashes in JavaScript (`fast-sha256`), which showed
 * in delivery profiles. A secret that is not valid base64 is left to svix (which refuses it).
 * During a secret rotation both the new and the previous secret sign, the two signatures
 * space-separated, so a receiver that has not switched yet still verifies.
 */
import { createHmac } from 'node:crypto'
import { Webhook } from 'svix'

export interface SigningSecrets {
  current: string
  /** The previous secret while its overlap lasts. */
  previous?: string | null | undefined
}

export interface SignedHeaders {
  'webhook-id': string
  'webhook-timestamp': string
  'webhook-signature': string
}

const keys = new Map<string, Buffer | Webhook>()
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

/** The HMAC key of a secret, or svix's `Webhook` for a secret that is not plain base64. */
function keyFor(secret: string): Buffer | Webhook {
  let key = keys.get(secret)
  if (!key) {
    if (keys.size > 1000) keys.clear()
    const encoded = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret
    key = BASE64.test(encoded) ? Buffer.from(encoded, 'base64') : new Webhook(secret)
    keys.set(secret, key)
  }
  return key
}

function sign(secret: string, messageId: string, at: Date, body: string): string {
  const key = keyFor(secret)
  if (key instanceof Webhook) return key.sign(messageId, at, body)
  const mac = createHmac('sha256', key)
    .update(`${messageId}.${Math.floor(at.getTime() / 1000)}.`)
    .update(body)
    .digest('base64')
  return `v1,${mac}`
}

export function signWebhook(
  secrets: SigningSecrets,
  messageId: string,
  at: Date,
  body: string,
): SignedHeaders {
  const signatures = [sign(secrets.current, messageId, at, body)]
  if (secrets.previous) signatures.push(sign(secrets.previous, messageId, at, body))
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  }
}
