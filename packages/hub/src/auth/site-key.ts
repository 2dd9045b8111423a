/**
 * `requireSiteKey()`: public routes name their site key in the `safe-place-site-key` header.
 * The key must exist, not be revoked, and — when the browser says where it runs (`Origin`) —
 * be bound to that origin. Sets `c.get('siteKey')`.
 */
import { headers } from '@safe-place/schemas'
import { eq } from 'drizzle-orm'
import { createMiddleware } from 'hono/factory'
import type { SiteKeyRow } from '../db/rows'
import { siteKeys } from '../db/schema'
import type { HubEnv } from '../http/env'
import { HubError } from '../hub-error'

// Site keys are read on every public request: a short cache keeps a raid off the database,
// and a revocation still takes effect within seconds.
// One cache per database, so two hubs in one process never see each other's keys; a change
// made through this process (admin API, CLI) bumps the generation and takes effect at once.
const CACHE_MS = 5_000
type Entry = { row: SiteKeyRow | undefined; at: number; generation: number }
const caches = new WeakMap<object, Map<string, Entry>>()
let generation = 0

export function forgetSiteKeyCache(): void {
  generation++
}

export function requireSiteKey() {
  return createMiddleware<HubEnv>(async (c, next) => {
    const key = c.req.header(headers.siteKey)
    if (!key) throw new HubError('site_key_invalid', `Send the site key in ${headers.siteKey}.`)
    const { db, now } = c.get('hub')
    const nowMs = now().getTime()
    let cache = caches.get(db)
    if (!cache) {
      cache = new Map()
      caches.set(db, cache)
    }
    let hit = cache.get(key)
    if (!hit || nowMs - hit.at > CACHE_MS || hit.generation !== generation) {
      const [row] = await db.select().from(siteKeys).where(eq(siteKeys.key, key)).limit(1)
      hit = { row, at: nowMs, generation }
      if (cache.size > 10_000) cache.clear()
      cache.set(key, hit)
    }
    const row = hit.row
    if (!row || row.revokedAt) throw new HubError('site_key_invalid')
    const origin = c.req.header('origin')
    if (origin && !row.allowedOrigins.includes(origin.toLowerCase())) {
      throw new HubError('origin_not_allowed', `The origin ${origin} may not use this site key.`)
    }
    c.set('siteKey', row)
    await next()
  })
}
