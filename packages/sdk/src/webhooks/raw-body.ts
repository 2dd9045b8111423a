/**
 * Getting the raw body, which the signature covers, in the usual servers. Structural types and
 * async iteration only: no Node built-in is imported, so this module is safe in any bundle,
 * and no `./node` subpath is needed.
 */
import { WebhookVerificationError } from './verification-error'

/** Larger bodies are refused (the hub sends at most 20 KB). */
export const RAW_BODY_MAX_BYTES = 1024 * 1024

function tooLarge(): WebhookVerificationError {
  return new WebhookVerificationError('invalid_payload', 'The body is too large.')
}

/**
 * The raw body of a Hono request (`c.req` caches it, so reading twice is fine).
 *
 * @example
 * app.post('/webhooks', async (c) => {
 *   const event = verifyWebhook(await rawBodyFromHono(c), c.req.raw.headers, secret)
 * })
 */
export async function rawBodyFromHono(c: {
  req: { arrayBuffer(): Promise<ArrayBuffer> }
}): Promise<Uint8Array> {
  const body = new Uint8Array(await c.req.arrayBuffer())
  if (body.byteLength > RAW_BODY_MAX_BYTES) throw tooLarge()
  return body
}

/**
 * The raw body of a `node:http` `IncomingMessage` (or any async iterable of chunks).
 *
 * @example
 * createServer(async (req, res) => {
 *   const event = verifyWebhook(await rawBodyFromNodeRequest(req), req.headers, secret)
 * })
 */
export async function rawBodyFromNodeRequest(
  req: AsyncIterable<Uint8Array | string>,
  maxBytes: number = RAW_BODY_MAX_BYTES,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  let size = 0
  const encoder = new TextEncoder()
  for await (const chunk of req) {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk
    size += bytes.byteLength
    if (size > maxBytes) throw tooLarge()
    chunks.push(bytes)
  }
  const body = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  return body
}

/**
 * The raw body of an Express request: mount `express.raw({ type: 'application/json' })` on the
 * webhook route (a `Buffer` in `req.body`); without a body parser the stream is read instead.
 *
 * @example
 * app.post('/webhooks', express.raw({ type: 'application/json' }), async (req, res) => {
 *   const event = verifyWebhook(await rawBodyFromExpress(req), req.headers, secret)
 * })
 */
export async function rawBodyFromExpress(
  req: { body?: unknown } & AsyncIterable<Uint8Array | string>,
): Promise<Uint8Array> {
  const { body } = req
  if (body instanceof Uint8Array) return body
  if (typeof body === 'string') return new TextEncoder().encode(body)
  if (
    body !== undefined &&
    !(typeof body === 'object' && Object.keys(body as object).length === 0)
  ) {
    throw new TypeError(
      'The body was already parsed (express.json()?): use express.raw({ type: "application/json" }) on the webhook route, since the signature covers the raw bytes.',
    )
  }
  return rawBodyFromNodeRequest(req)
}
