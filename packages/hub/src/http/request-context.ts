/**
 * First middleware of every request: puts the runtime on the context, gives the request an id
 * (kept from `x-request-id` when sane, so traces join up), and logs one line per request with
 * the route pattern — never the body, the query, the headers or the path's values.
 */
import { headers } from '@safe-place/schemas'
import { createMiddleware } from 'hono/factory'
import { routePath } from 'hono/route'
import { newId } from '../ids'
import type { HubRuntime } from '../runtime'
import type { HubEnv } from './env'

export function requestContext(hub: HubRuntime) {
  return createMiddleware<HubEnv>(async (c, next) => {
    const given = c.req.header(headers.requestId)
    const requestId = given && /^[A-Za-z0-9_.:-]{8,64}$/.test(given) ? given : newId('req')
    const logger = hub.logger.child({ requestId })
    c.set('hub', hub)
    c.set('requestId', requestId)
    c.set('logger', logger)
    c.header(headers.requestId, requestId)
    const started = performance.now()
    await next()
    logger.info(
      {
        method: c.req.method,
        route: routePath(c),
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    )
  })
}
