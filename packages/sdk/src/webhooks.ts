/**
 * @safe-place/sdk/webhooks: verify the hub's Standard Webhooks deliveries and get typed events.
 * Runs in Node, browsers and edge runtimes; the raw-body helpers import no Node built-in.
 *
 * @example
 * import { verifyWebhook, rawBodyFromHono } from '@safe-place/sdk/webhooks'
 * app.post('/webhooks', async (c) => {
 *   const event = verifyWebhook(await rawBodyFromHono(c), c.req.raw.headers, secret)
 *   return c.body(null, 204)
 * })
 */

export type { WebhookEvent, WebhookEventType } from '@safe-place/schemas'
export {
  readSignatureHeaders,
  type SignatureHeaders,
  type WebhookHeaders,
} from './webhooks/headers'
export {
  RAW_BODY_MAX_BYTES,
  rawBodyFromExpress,
  rawBodyFromHono,
  rawBodyFromNodeRequest,
} from './webhooks/raw-body'
export { signWebhook } from './webhooks/signature'
export {
  isWebhookVerificationError,
  WebhookVerificationError,
  type WebhookVerificationErrorCode,
  webhookVerificationErrorCodes,
} from './webhooks/verification-error'
export {
  type VerifiedWebhook,
  type VerifyWebhookOptions,
  verifyWebhook,
  verifyWebhookMessage,
} from './webhooks/verify'
