/**
 * Console sign-in and sign-out: `POST /v1/console/session` exchanges an operator or receiver
 * API key for an HttpOnly session cookie and answers the CSRF token; `GET` answers the current
 * session (and its CSRF token, after a reload); `DELETE` signs out.
 */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { ConsoleSession, ConsoleSignIn } from '@safe-place/schemas'
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from '../console/cookie'
import { assertSameOrigin } from '../console/csrf'
import { consoleSecurity, requireSession } from '../console/session-auth'
import {
  type ConsolePrincipal,
  closeSession,
  csrfTokenOf,
  openSession,
} from '../console/session-store'
import { thenJsonBody } from '../http/after-auth'
import { clientKey } from '../http/client-key'
import type { HubEnv } from '../http/env'
import { errorResponses, jsonContent } from '../http/openapi-errors'
import { enforceRate } from '../http/rate-limit'
import { HubError } from '../hub-error'

const tags = ['Console']

const signInRoute = createRoute({
  method: 'post',
  path: '/v1/console/session',
  tags,
  summary: 'Sign in to the console with an operator or receiver API key (sets a session cookie)',
  request: {
    body: { required: true, content: { 'application/json': { schema: ConsoleSignIn } } },
  },
  responses: {
    200: jsonContent(ConsoleSession, 'Signed in'),
    ...errorResponses('validation_failed', 'malformed_json', 'unauthorized', 'forbidden'),
  },
})
const sessionRoute = createRoute({
  method: 'get',
  path: '/v1/console/session',
  tags,
  security: consoleSecurity,
  summary: 'The current console session and its CSRF token',
  responses: { 200: jsonContent(ConsoleSession, 'Signed in'), ...errorResponses('unauthorized') },
})
const signOutRoute = createRoute({
  method: 'delete',
  path: '/v1/console/session',
  tags,
  security: consoleSecurity,
  summary: 'Sign out (needs the x-csrf-token header)',
  responses: { 204: { description: 'Signed out' }, ...errorResponses('unauthorized', 'forbidden') },
})

function sessionBody(p: ConsolePrincipal, csrfToken: string): ConsoleSession {
  return {
    role: p.role,
    receiverId: p.role === 'receiver' ? p.receiverId : null,
    keyName: p.keyName,
    csrfToken,
    expiresAt: p.expiresAt.toISOString(),
  }
}

export function consoleSessionRoutes(): OpenAPIHono<HubEnv> {
  const app = new OpenAPIHono<HubEnv>()
  app.openAPIRegistry.registerComponent('securitySchemes', 'consoleSession', {
    type: 'apiKey',
    in: 'cookie',
    name: '__Host-sp_console',
    description:
      'Console session cookie from POST /v1/console/session (sp_console on loopback HTTP); send x-csrf-token on every change',
  })
  const session = requireSession()
  // Signing in has no credential yet (the key is in the body): a cross-site page is refused
  // (login CSRF) before the body is read.
  const signIn = thenJsonBody(async (c, next) => {
    assertSameOrigin(c)
    await next()
  })
  app.use('/v1/console/session', async (c, next) =>
    c.req.method === 'POST' ? signIn(c, next) : session(c, next),
  )

  app.openapi(signInRoute, async (c) => {
    const { write, now, logger, limiters, settings } = c.get('hub')
    // Guessing a key is guessing a secret: the same per-client budget as receipt tries.
    enforceRate(
      limiters.clientReceipts,
      `console:${clientKey(c)}`,
      settings.clientReceiptTriesPerMinute,
      now().getTime(),
    )
    const opened = await write((tx) => openSession(tx, c.req.valid('json').apiKey, now()))
    if (!opened) {
      throw new HubError(
        'unauthorized',
        'This key is unknown or revoked, or it is not an operator or receiver key.',
      )
    }
    writeSessionCookie(c, opened.secret, opened.expiresAt)
    c.header('cache-control', 'no-store')
    logger.info(
      { event: 'console.signed_in', keyId: opened.principal.keyId, role: opened.principal.role },
      'console sign-in',
    )
    return c.json(sessionBody(opened.principal, opened.csrfToken), 200)
  })
  app.openapi(sessionRoute, async (c) => {
    const secret = readSessionCookie(c)
    if (!secret) throw new HubError('unauthorized')
    return c.json(sessionBody(c.get('console'), csrfTokenOf(secret)), 200)
  })
  app.openapi(signOutRoute, async (c) => {
    const { sessionHash } = c.get('console')
    await c.get('hub').write((tx) => closeSession(tx, sessionHash))
    clearSessionCookie(c)
    return c.body(null, 204)
  })
  return app
}
