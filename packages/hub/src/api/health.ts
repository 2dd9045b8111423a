/** `/healthz` (the process answers) and `/readyz` (the database answers too). */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { sql } from 'drizzle-orm'
import { partners } from '../db/schema'
import type { HubEnv } from '../http/env'
import { errorResponses, jsonContent } from '../http/openapi-errors'
import { HubError } from '../hub-error'

const Health = z.object({ status: z.literal('ok') })

const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['Operations'],
  summary: 'Liveness',
  responses: { 200: jsonContent(Health, 'The process is up'), ...errorResponses() },
})

const readyRoute = createRoute({
  method: 'get',
  path: '/readyz',
  tags: ['Operations'],
  summary: 'Readiness: the database is reachable',
  responses: { 200: jsonContent(Health, 'Ready'), ...errorResponses('service_unavailable') },
})

export function healthRoutes(): OpenAPIHono<HubEnv> {
  const app = new OpenAPIHono<HubEnv>()
  app.openapi(healthRoute, (c) => c.json({ status: 'ok' as const }, 200))
  app.openapi(readyRoute, async (c) => {
    try {
      await c.get('hub').db.select({ one: sql`1` }).from(partners).limit(1)
    } catch (cause) {
      throw new HubError('service_unavailable', 'The database is not reachable.', { cause })
    }
    return c.json({ status: 'ok' as const }, 200)
  })
  return app
}
