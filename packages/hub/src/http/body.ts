/**
 * Reading request bodies safely: a size limit enforced while reading (not only from
 * `Content-Length`), strict UTF-8 (an invalid byte is a 400, never a silent U+FFFD), JSON that
 * does not parse is a precise 400, and a content type the route does not take is a 415.
 */

import type { Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { createMiddleware } from 'hono/factory'
import { HubError } from '../hub-error'
import type { HubEnv } from './env'

export type BodyKind = 'json' | 'multipart' | 'form'

export function bodyKindOf(contentType: string | undefined): BodyKind | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase()
  if (type === 'application/json') return 'json'
  if (type === 'multipart/form-data') return 'multipart'
  if (type === 'application/x-www-form-urlencoded') return 'form'
  return undefined
}

/**
 * Refuses bodies over `maxBytes`. With a `Content-Length` (and no `Transfer-Encoding`), the
 * header is checked and nothing more is needed: Node's HTTP parser hands the handler exactly
 * that many bytes. A chunked body is counted as it arrives (Hono's `bodyLimit`). Checking the
 * header here rather than in `bodyLimit` keeps the request's body unread: `bodyLimit` looks at
 * `request.body`, which makes `@hono/node-server` build a full web `Request` and stream per
 * request — a tenth of intake's time.
 */
export function limitBody(maxBytes: number) {
  const tooLarge = () => {
    throw new HubError('payload_too_large', `The body is larger than ${maxBytes} bytes.`)
  }
  const counting = bodyLimit({ maxSize: maxBytes, onError: tooLarge })
  return createMiddleware<HubEnv>(async (c, next) => {
    const length = c.req.header('content-length')
    if (length !== undefined && /^\d{1,15}$/.test(length) && !c.req.header('transfer-encoding')) {
      if (Number(length) > maxBytes) tooLarge()
      return next()
    }
    return counting(c, next)
  })
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

export function decodeUtf8(bytes: ArrayBuffer | Uint8Array): string {
  try {
    return utf8.decode(bytes)
  } catch {
    throw new HubError('invalid_encoding')
  }
}

export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new HubError(
      'malformed_json',
      `The body is not valid JSON: ${(error as Error).message.slice(0, 200)}`,
    )
  }
}

async function readBytes(c: Context<HubEnv>): Promise<ArrayBuffer> {
  return c.req.arrayBuffer()
}

/**
 * For JSON routes validated by `@hono/zod-openapi`: checks the content type, the size, UTF-8 and
 * JSON syntax first, so the validator only ever sees well-formed JSON (Hono caches the body).
 */
/** What `jsonBodyGuard` and the zod validation behind it can answer, for route documentation. */
export const jsonBodyErrorCodes = [
  'validation_failed',
  'malformed_json',
  'invalid_encoding',
  'unsupported_media_type',
  'payload_too_large',
] as const

/** Requests whose body a guard already checked: two guards on one route read it once. */
const guarded = new WeakSet<Context>()

export function jsonBodyGuard(maxBytes = 64 * 1024) {
  const limit = limitBody(maxBytes)
  return createMiddleware<HubEnv>(async (c, next) => {
    if (!['POST', 'PUT', 'PATCH'].includes(c.req.method) || guarded.has(c)) return next()
    guarded.add(c)
    return limit(c, async () => {
      const length = c.req.header('content-length')
      const hasBody = c.req.raw.body !== null && length !== '0'
      if (!hasBody) return next()
      if (bodyKindOf(c.req.header('content-type')) !== 'json') {
        throw new HubError('unsupported_media_type', 'Send the body as application/json.')
      }
      parseJsonText(decodeUtf8(await readBytes(c)))
      await next()
    })
  })
}
