/**
 * `GET /console`: the operator console (the `@safe-place/console` build) served by the hub on
 * its own origin, with a strict CSP and no framing. The console talks to `/v1/console/*`.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { consoleFiles } from '../console/static'
import type { HubEnv } from '../http/env'
import { errorResponses } from '../http/openapi-errors'
import { pageSecurity } from '../http/page-security'
import { HubError } from '../hub-error'

const consolePageRoute = createRoute({
  method: 'get',
  path: '/console',
  tags: ['Console'],
  summary: 'The operator console (HTML page; its assets are under /console/assets/)',
  responses: {
    200: { description: 'HTML page', content: { 'text/html': { schema: z.string() } } },
    ...errorResponses('not_found'),
  },
})

export function consoleAssetRoutes(): OpenAPIHono<HubEnv> {
  const app = new OpenAPIHono<HubEnv>()
  const read = consoleFiles()
  app.openAPIRegistry.registerPath(consolePageRoute)
  // The page and its assets; `/*` matches `/console` itself too.
  app.use('/console/*', pageSecurity('console'))
  const serve = async (c: Context<HubEnv>, path: string) => {
    const file = await read(path)
    if (!file) throw new HubError('not_found')
    c.header('content-type', file.contentType)
    c.header('cache-control', file.cacheControl)
    return c.body(file.body, 200)
  }
  app.get('/console', (c) => serve(c, ''))
  app.get('/console/', (c) => serve(c, ''))
  app.get('/console/*', (c) => serve(c, c.req.path.slice('/console/'.length)))
  return app
}
