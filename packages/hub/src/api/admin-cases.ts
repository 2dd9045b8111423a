/** Operator API for cases (`/v1/admin/cases`): the desk's queue and every case action, operator key only. */
import { OpenAPIHono } from '@hono/zod-openapi'
import { requireApiKey } from '../auth/api-key'
import type { HubEnv } from '../http/env'
import { mountCaseRoutes } from './case-routes'

export function adminCaseRoutes(): OpenAPIHono<HubEnv> {
  const app = new OpenAPIHono<HubEnv>()
  app.use('/v1/admin/cases', requireApiKey('operator'))
  app.use('/v1/admin/cases/*', requireApiKey('operator'))
  mountCaseRoutes(app, {
    base: '/v1/admin',
    tags: ['Operator'],
    security: [{ apiKey: [] }],
    who: 'operator key',
  })
  return app
}
