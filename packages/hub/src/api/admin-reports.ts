/** Operator API for reports: the inbox list and one report in detail, tenant-scoped. */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { pageOf, ReportDetail, ReportListItem, ReportListQuery } from '@safe-place/schemas'
import { listReports, reportDetail } from '../admin/reports'
import { requireApiKey, tenantOf } from '../auth/api-key'
import type { HubEnv } from '../http/env'
import { errorResponses, jsonContent } from '../http/openapi-errors'
import { referenceParam } from '../http/openapi-params'

const security = [{ apiKey: [] }]

const listReportsRoute = createRoute({
  method: 'get',
  path: '/v1/admin/reports',
  tags: ['Operator'],
  security,
  summary: 'List reports, newest first (cursor pagination)',
  request: { query: ReportListQuery },
  responses: {
    200: jsonContent(pageOf(ReportListItem), 'A page of reports'),
    ...errorResponses('validation_failed', 'unauthorized', 'forbidden'),
  },
})

const reportDetailRoute = createRoute({
  method: 'get',
  path: '/v1/admin/reports/{reference}',
  tags: ['Operator'],
  security,
  summary: 'One report with its timeline (content opened for the operator scope only)',
  request: {
    params: referenceParam,
  },
  responses: {
    200: jsonContent(ReportDetail, 'The report'),
    ...errorResponses('unauthorized', 'forbidden', 'not_found'),
  },
})

export function adminReportRoutes(): OpenAPIHono<HubEnv> {
  const app = new OpenAPIHono<HubEnv>()
  app.use('/v1/admin/reports', requireApiKey('operator', 'partner'))
  app.use('/v1/admin/reports/*', requireApiKey('operator', 'partner'))
  app.openapi(listReportsRoute, async (c) => {
    const { db } = c.get('hub')
    return c.json(await listReports(db, tenantOf(c.get('principal')), c.req.valid('query')), 200)
  })
  app.openapi(reportDetailRoute, async (c) => {
    const { db, keyring } = c.get('hub')
    c.header('cache-control', 'no-store')
    const detail = await reportDetail(
      db,
      keyring,
      tenantOf(c.get('principal')),
      c.req.valid('param').reference,
    )
    return c.json(detail, 200)
  })
  return app
}
