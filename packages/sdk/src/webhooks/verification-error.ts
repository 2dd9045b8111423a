/**
 * `WebhookVerificationError`: why a delivery was refused, with a stable code per reason, so a
 * receiver can answer 400 and log something an operator understands.
 */

export const webhookVerificationErrorCodes = {
  missing_headers: 'The webhook-id, webhook-timestamp or webhook-signature header is missing.',
  invalid_signature: 'No signature matches: wrong secret, or the body was changed.',
  timestamp_too_old: 'The message is older than the tolerance: a replay or a stuck queue.',
  timestamp_too_new: 'The message is dated in the future beyond the tolerance.',
  invalid_payload: 'The body is not a valid Safe Place event.',
  unknown_event_type: 'The event type is not one this SDK knows.',
} as const

export type WebhookVerificationErrorCode = keyof typeof webhookVerificationErrorCodes

/**
 * A refused webhook delivery.
 *
 * @example
 * try {
 *   event = verifyWebhook(body, headers, secret)
 * } catch (error) {
 *   if (error instanceof WebhookVerificationError) return new Response(error.code, { status: 400 })
 *   throw error
 * }
 */
export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError'
  readonly code: WebhookVerificationErrorCode
  /** Field-level problems for `invalid_payload`. */
  readonly details: { path: string; message: string }[]

  constructor(
    code: WebhookVerificationErrorCode,
    message: string = webhookVerificationErrorCodes[code],
    options: { details?: { path: string; message: string }[]; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.details = options.details ?? []
  }
}

/** True for a `WebhookVerificationError`, also across bundles. */
export function isWebhookVerificationError(error: unknown): error is WebhookVerificationError {
  return (
    error instanceof WebhookVerificationError ||
    (typeof error === 'object' &&
      error !== null &&
      (error as { name?: unknown }).name === 'WebhookVerificationError')
  )
}
