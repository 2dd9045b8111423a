/**
 * `GET /v1/stats?from&to&format=json|csv`: the sector statistics for the federation's yearly
 * report: whole months, every figure a sum of base cells rounded once to a multiple of 5
 * (`stats/`). For an operator API key (bearer) or an operator console session.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { StatsQuery, StatsReport } from '@safe-place/schemas'
import { createMiddleware } from 'hono/factory'
import { requireApiKey } from '../auth/api-key'
import { requireSession } from '../console/session-auth'
import { deriveStatsKey } from '../crypto/key-source'
import type { HubEnv } from '../http/env'
import { errorResponses } from '../http/openapi-errors'
import { computeStats, statsRange, statsToCsv } from '../stats/index'

const statsRoute = createRoute({
  method: 'get',
  path: '/v1/stats',
  tags: ['Statistics'],
  security: [{ apiKey: [] }],
  summary:
    'Sector statistics over whole months, every figure rounded to a multiple of 5, as JSON or CSV',
  request: { query: StatsQuery },
  responses: {
    200: {
      description: 'The statistics',
      content: {
        'application/json': { schema: StatsReport },
        'text/csv': { schema: z.string() },
      },
    },
    ...errorResponses('validation_failed', 'unauthorized', 'forbidden'),
  },
})

/** An operator key as a bearer token, or else an operator console session. */
const operatorKeyOrSession = createMiddleware<HubEnv>(async (c, next) =>
  c.req.header('authorization')
    ? requireApiKey('operator')(c, next)
    : requireSession('operator')(c, next),
)

export function statsRoutes(): OpenAPIHono<HubEnv> {
  const app = new OpenAPIHono<HubEnv>()
  app.use('/v1/stats', operatorKeyOrSession)
  app.openapi(statsRoute, async (c) => {
    const { db, now, keyring } = c.get('hub')
    const q = c.req.valid('query')
    const stats = await computeStats(db, statsRange(q.from, q.to), now(), deriveStatsKey(keyring))
    c.header('cache-control', 'no-store')
    if (q.format === 'csv') {
      const name = `safe-place-stats-${stats.from.slice(0, 10)}-${stats.to.slice(0, 10)}.csv`
      c.header('content-disposition', `attachment; filename="${name}"`)
      return c.body(statsToCsv(stats), 200, { 'content-type': 'text/csv; charset=utf-8' })
    }
    return c.json(stats, 200)
  })
  return app
}
