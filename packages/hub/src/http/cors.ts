/**
 * CORS for the public API: only origins some active site key allows get CORS headers; any
 * other browser origin is refused (403 `origin_not_allowed`, no CORS headers, so the browser
 * blocks it). The exact binding of an origin to *its* site key is checked by `requireSiteKey`:
 * a preflight carries no header values, so it can only be checked against all keys.
 */
import { isNull } from 'drizzle-orm'
import { createMiddleware } from 'hono/factory'
import { siteKeys } from '../db/schema'
import { HubError } from '../hub-error'
import type { HubEnv } from './env'

// Per database, like the site key cache; a local change bumps the generation.
const CACHE_MS = 5_000
const knownByDb = new WeakMap<object, { origins: Set<string>; at: number; generation: number }>()
let generation = 0

export function forgetOriginCache(): void {
  generation++
}

const allowHeaders = [
  'content-type',
  'authorization',
  'idempotency-key',
  'safe-place-site-key',
  'safe-place-pow',
  'x-request-id',
].join(', ')

export function publicCors(options: { anyOrigin?: boolean } = {}) {
  return createMiddleware<HubEnv>(async (c, next) => {
    const origin = c.req.header('origin')
    if (!origin) return next()
    if (!options.anyOrigin) {
      const { db, now } = c.get('hub')
      const nowMs = now().getTime()
      let known = knownByDb.get(db)
      if (!known || nowMs - known.at > CACHE_MS || known.generation !== generation) {
        const rows = await db
          .select({ origins: siteKeys.allowedOrigins })
          .from(siteKeys)
          .where(isNull(siteKeys.revokedAt))
        known = { origins: new Set(rows.flatMap((r) => r.origins)), at: nowMs, generation }
        knownByDb.set(db, known)
      }
      if (!known.origins.has(origin.toLowerCase())) {
        throw new HubError('origin_not_allowed', `The origin ${origin} is not allowed.`)
      }
    }
    c.header('access-control-allow-origin', options.anyOrigin ? '*' : origin)
    c.header('vary', 'Origin', { append: true })
    c.header('access-control-expose-headers', 'retry-after, x-request-id')
    if (c.req.method === 'OPTIONS') {
      c.header('access-control-allow-methods', 'GET, POST, PUT, DELETE, OPTIONS')
      c.header('access-control-allow-headers', allowHeaders)
      c.header('access-control-max-age', '600')
      return c.body(null, 204)
    }
    await next()
  })
}
