/**
 * The rate-limit key of a client: a keyed hash of its address, computed per request and held
 * only by the in-memory limiter. The address itself is never stored or logged.
 */
import { createHmac, randomBytes } from 'node:crypto'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import type { HubEnv } from './env'

// A per-process salt: the same client maps to the same key only while this process lives.
const salt = randomBytes(32)

function clientAddress(c: Context<HubEnv>): string {
  if (c.get('hub').settings.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
    if (forwarded) return forwarded
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    // Not on Node (app.request() in tests, another runtime): one shared bucket.
    return 'unknown'
  }
}

export function clientKey(c: Context<HubEnv>): string {
  return createHmac('sha256', salt).update(clientAddress(c)).digest('base64url').slice(0, 22)
}
