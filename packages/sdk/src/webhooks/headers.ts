/**
 * Reads the three Standard Webhooks headers from a Fetch `Headers` or a plain object
 * (node:http's `IncomingHttpHeaders`, Express's `req.headers`), whatever the case of the keys.
 */

export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>

export interface SignatureHeaders {
  id: string
  timestamp: string
  /** Space-separated `v1,<base64>` signatures (several during a secret rotation). */
  signature: string
}

function lookup(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') {
    return (headers as Headers).get(name) ?? undefined
  }
  for (const [key, value] of Object.entries(headers as Record<string, unknown>)) {
    if (key.toLowerCase() !== name) continue
    if (Array.isArray(value)) return value.join(' ')
    if (typeof value === 'string') return value
  }
  return undefined
}

/** The three headers, or `undefined` when one is missing or empty. */
export function readSignatureHeaders(headers: WebhookHeaders): SignatureHeaders | undefined {
  const id = lookup(headers, 'webhook-id')?.trim()
  const timestamp = lookup(headers, 'webhook-timestamp')?.trim()
  const signature = lookup(headers, 'webhook-signature')?.trim()
  if (!id || !timestamp || !signature) return undefined
  return { id, timestamp, signature }
}
