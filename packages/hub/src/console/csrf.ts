/**
 * CSRF protection of the console: every request that changes something must come from this
 * origin (`Origin` header, or `Sec-Fetch-Site: same-origin` when a browser sends no origin)
 * and carry the session's CSRF token as `x-csrf-token`. The cookie is also `SameSite=Strict`.
 */
import type { Context } from 'hono'
import { sameDigest, sha256Hex } from '../auth/secrets'
import type { HubEnv } from '../http/env'
import { HubError } from '../hub-error'

const CSRF_HEADER = 'x-csrf-token'

/**
 * The host the browser used to reach us: `X-Forwarded-Host` behind a trusted proxy
 * (`SAFE_PLACE_TRUST_PROXY`), else the Host header as it arrived.
 */
function ownHost(c: Context<HubEnv>): string | undefined {
  if (c.get('hub').settings.trustProxy > 0) {
    const forwarded = c.req.header('x-forwarded-host')?.split(',')[0]?.trim()
    if (forwarded) return forwarded
  }
  return c.req.header('host') ?? new URL(c.req.url).host
}

/** Refuses a state change that a page of another origin could have sent. */
export function assertSameOrigin(c: Context<HubEnv>): void {
  const origin = c.req.header('origin')
  if (origin) {
    let host: string
    try {
      host = new URL(origin).host
    } catch {
      throw new HubError('forbidden', 'This request comes from another site.')
    }
    if (host !== ownHost(c))
      throw new HubError('forbidden', 'This request comes from another site.')
    return
  }
  const site = c.req.header('sec-fetch-site')
  if (site !== 'same-origin') {
    throw new HubError('forbidden', 'Send the Origin header with console requests.')
  }
}

/** Checks the `x-csrf-token` header against the session's token (constant time). */
export function assertCsrfToken(c: Context, csrfHash: string): void {
  const token = c.req.header(CSRF_HEADER)
  if (!token || token.length > 200 || !sameDigest(sha256Hex(token), csrfHash)) {
    throw new HubError('forbidden', 'The CSRF token is missing or wrong: reload the console.')
  }
}

export const isStateChange = (method: string) =>
  method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS'
