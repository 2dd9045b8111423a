/**
 * `requireSession(...roles)`: the middleware of every console route. It reads the session
 * cookie, finds the live session (its API key not revoked), refuses roles outside `roles`,
 * and on every state change checks the origin and the CSRF token. It sets `c.get('console')`
 * and `c.get('principal')` (the same principal as a bearer key would give). Only then is a
 * JSON body read, bounded (`http/after-auth.ts`).
 *
 * @example
 * app.use('/v1/console/reports/*', requireSession('operator', 'receiver'))
 */
import type { ConsoleRole } from '@safe-place/schemas'
import { createMiddleware } from 'hono/factory'
import { thenJsonBody } from '../http/after-auth'
import type { HubEnv } from '../http/env'
import { HubError } from '../hub-error'
import { readSessionCookie } from './cookie'
import { assertCsrfToken, assertSameOrigin, isStateChange } from './csrf'
import { findSession } from './session-store'

export function requireSession(...roles: ConsoleRole[]) {
  return thenJsonBody(sessionOnly(roles))
}

function sessionOnly(roles: ConsoleRole[]) {
  return createMiddleware<HubEnv>(async (c, next) => {
    const secret = readSessionCookie(c)
    if (!secret) throw new HubError('unauthorized', 'Sign in to the console.')
    const { db, now } = c.get('hub')
    const session = await findSession(db, secret, now())
    if (!session) throw new HubError('unauthorized', 'The session ended: sign in again.')
    if (isStateChange(c.req.method)) {
      assertSameOrigin(c)
      assertCsrfToken(c, session.csrfHash)
    }
    if (roles.length > 0 && !roles.includes(session.role)) {
      throw new HubError('forbidden', `This needs the ${roles.join(' or ')} role.`)
    }
    c.set('console', session)
    c.set('principal', session)
    c.header('cache-control', 'no-store')
    await next()
  })
}

/** The OpenAPI security of console routes: the session cookie (plus `x-csrf-token` on changes). */
export const consoleSecurity = [{ consoleSession: [] }]
