/**
 * Credentials before bodies: `thenJsonBody(check)` runs `check` (an API key, a console
 * session, a same-origin test) and only for a request it lets through reads the JSON body
 * through `jsonBodyGuard` (bounded, strict UTF-8, parsed). Someone without a credential gets
 * a prompt 401 however large, malformed or endless the body they send: nothing of it is read.
 * `requireApiKey` and `requireSession` are built this way, so every route behind a credential
 * is, without a guard of its own to register in the right order.
 */
import type { MiddlewareHandler } from 'hono'
import { createMiddleware } from 'hono/factory'
import { jsonBodyGuard } from './body'
import type { HubEnv } from './env'

export function thenJsonBody(
  check: MiddlewareHandler<HubEnv>,
  maxBytes?: number,
): MiddlewareHandler<HubEnv> {
  const guard = jsonBodyGuard(maxBytes)
  return createMiddleware<HubEnv>(async (c, next) => {
    await check(c, async () => {
      await guard(c, next)
    })
  })
}
