/** The console's desk (`/v1/console/cases`): the same case routes as the operator API, for an operator's session. */
import { OpenAPIHono } from '@hono/zod-openapi'
import { consoleSecurity, requireSession } from '../console/session-auth'
import type { HubEnv } from '../http/env'
import { mountCaseRoutes } from './case-routes'

export function consoleCaseRoutes(): OpenAPIHono<HubEnv> {
  const app = new OpenAPIHono<HubEnv>()
  // Also matches `/v1/console/cases` itself.
  app.use('/v1/console/cases/*', requireSession('operator'))
  mountCaseRoutes(app, {
    base: '/v1/console',
    tags: ['Console'],
    security: consoleSecurity,
    who: 'operator session',
  })
  return app
}
