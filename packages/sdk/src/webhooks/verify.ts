/**
 * `verifyWebhook`: from a raw delivery to a typed, schema-validated Safe Place event, or a
 * `WebhookVerificationError` with the reason. Checks the signature first (so a forged message
 * is never told anything else), then the timestamp, then the event.
 */
import { WebhookEvent, webhookEventTypes } from '@safe-place/schemas'
import { readSignatureHeaders, type WebhookHeaders } from './headers'
import { signatureMatches } from './signature'
import { WebhookVerificationError } from './verification-error'

export interface VerifyWebhookOptions {
  /** How far the `webhook-timestamp` may be from now, either way; default 300 s. */
  toleranceSeconds?: number | undefined
  /** The current time (ms since epoch or a `Date`); default `Date.now()`. */
  now?: number | Date | undefined
}

export interface VerifiedWebhook {
  /** `webhook-id`: stable across retries, so a receiver can deduplicate. */
  id: string
  /** `webhook-timestamp`, in seconds. */
  timestamp: number
  event: WebhookEvent
}

function decodeBody(rawBody: string | Uint8Array): string {
  if (typeof rawBody === 'string') return rawBody
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(rawBody)
  } catch (cause) {
    throw new WebhookVerificationError('invalid_payload', 'The body is not valid UTF-8.', { cause })
  }
}

function parseEvent(body: string): WebhookEvent {
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch (cause) {
    throw new WebhookVerificationError('invalid_payload', 'The body is not JSON.', { cause })
  }
  const type = (json as { type?: unknown } | null)?.type
  if (typeof type === 'string' && !(webhookEventTypes as readonly string[]).includes(type)) {
    throw new WebhookVerificationError(
      'unknown_event_type',
      `Unknown event type "${type.slice(0, 100)}".`,
    )
  }
  const parsed = WebhookEvent.safeParse(json)
  if (!parsed.success) {
    throw new WebhookVerificationError('invalid_payload', undefined, {
      details: parsed.error.issues.slice(0, 100).map((issue) => ({
        path: issue.path.map(String).join('.') || '(root)',
        message: issue.message,
      })),
      cause: parsed.error,
    })
  }
  return parsed.data
}

/**
 * Like `verifyWebhook`, with the message id and timestamp beside the event.
 *
 * @example
 * const { id, event } = verifyWebhookMessage(body, req.headers, secret)
 * if (seen.has(id)) return // a retry of a message already handled
 */
export function verifyWebhookMessage(
  rawBody: string | Uint8Array,
  headers: WebhookHeaders,
  secret: string | readonly string[],
  options: VerifyWebhookOptions = {},
): VerifiedWebhook {
  const found = readSignatureHeaders(headers)
  if (!found) throw new WebhookVerificationError('missing_headers')
  if (!/^\d{1,12}$/.test(found.timestamp)) {
    throw new WebhookVerificationError(
      'invalid_signature',
      'The webhook-timestamp header is not a Unix time in seconds.',
    )
  }
  const timestamp = Number(found.timestamp)
  const body = decodeBody(rawBody)
  const secrets = typeof secret === 'string' ? [secret] : secret
  if (secrets.length === 0) throw new TypeError('Give at least one webhook secret.')
  if (!signatureMatches(secrets, found.id, timestamp, body, found.signature)) {
    throw new WebhookVerificationError('invalid_signature')
  }
  const tolerance = options.toleranceSeconds ?? 300
  const now = Math.floor(Number(options.now ?? Date.now()) / 1000)
  if (now - timestamp > tolerance) throw new WebhookVerificationError('timestamp_too_old')
  if (timestamp - now > tolerance) throw new WebhookVerificationError('timestamp_too_new')
  return { id: found.id, timestamp, event: parseEvent(body) }
}

/**
 * Verifies a Standard Webhooks delivery from the hub and returns the typed event.
 * Pass the raw body exactly as received (not re-serialised JSON), and one secret or several
 * during a rotation.
 *
 * @example
 * const event = verifyWebhook(await rawBodyFromHono(c), c.req.raw.headers, process.env.SECRET!)
 * switch (event.type) {
 *   case 'report.created': console.log(event.data.profile); break
 *   case 'report.withdrawn': erase(event.data.reference); break
 * }
 */
export function verifyWebhook(
  rawBody: string | Uint8Array,
  headers: WebhookHeaders,
  secret: string | readonly string[],
  options: VerifyWebhookOptions = {},
): WebhookEvent {
  return verifyWebhookMessage(rawBody, headers, secret, options).event
}
