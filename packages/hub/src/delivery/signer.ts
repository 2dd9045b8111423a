/**
 * Standard Webhooks signing through svix's `Webhook`: `v1,<base64 HMAC-SHA256 of
 * id.timestamp.body>`. During a secret rotation both the new and the previous secret sign, the
 * two signatures space-separated, so a receiver that has not switched yet still verifies.
 */
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

const cache = new Map<string, Webhook>()

function webhookFor(secret: string): Webhook {
  let webhook = cache.get(secret)
  if (!webhook) {
    if (cache.size > 1000) cache.clear()
    webhook = new Webhook(secret)
    cache.set(secret, webhook)
  }
  return webhook
}

export function signWebhook(
  secrets: SigningSecrets,
  messageId: string,
  at: Date,
  body: string,
): SignedHeaders {
  const signatures = [webhookFor(secrets.current).sign(messageId, at, body)]
  if (secrets.previous) signatures.push(webhookFor(secrets.previous).sign(messageId, at, body))
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  }
}
