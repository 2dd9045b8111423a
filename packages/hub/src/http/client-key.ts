/**
 * The rate-limit key of a client: a keyed hash of its bucket (its IPv4 address, or its IPv6
 * network prefix), found behind the configured number of trusted proxies, computed per request
 * and held only by the in-memory limiter. The address itself is never stored or logged.
 */
import { createHmac, randomBytes } from 'node:crypto'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import { clientBucket } from './client-bucket'
import type { HubEnv } from './env'
import { forwardedClient } from './forwarded-client'

// A per-process salt: the same client maps to the same key only while this process lives.
const salt = randomBytes(32)

function peerAddress(c: Context<HubEnv>): string | undefined {
  try {
    return getConnInfo(c).remote.address
  } catch {
    // Not on Node (app.request() in tests, another runtime): no peer, one shared bucket.
    return undefined
  }
}

export function clientKey(c: Context<HubEnv>): string {
  const { trustProxy, clientIpv6Prefix } = c.get('hub').settings
  const forwardedFor = trustProxy > 0 ? c.req.header('x-forwarded-for') : undefined
  const address = forwardedClient(peerAddress(c), forwardedFor, trustProxy)
  const bucket = address ? clientBucket(address, clientIpv6Prefix) : 'unknown'
  return createHmac('sha256', salt).update(bucket).digest('base64url').slice(0, 22)
}
