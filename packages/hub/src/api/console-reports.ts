/**
 * Console reports: the inbox (urgent first, filters, cursor), one report with its timeline and
 * every delivery attempt, and setting its status with a note for the reporter. A receiver
 * session sees only the reports routed to it and sets statuses as that receiver.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  ConsoleReportDetail,
  pageOf,
  ReceiverStatus,
  ReportListItem,
  ReportListQuery,
  StatusUpdate,
} from '@safe-place/schemas'
import { listInbox } from '../console/inbox'
import { applyOperatorStatus } from '../console/operator-status'
import { consoleReportDetail } from '../console/report-view'
import { scopeOf } from '../console/scope'
import { consoleSecurity, requireSession } from '../console/session-auth'
import { applyStatusUpdate } from '../delivery/status-update'
import type { HubEnv } from '../http/env'
import { errorResponses, jsonContent } from '../http/openapi-errors'
import { referenceParam } from '../http/openapi-params'

const tags = ['Console']

const consoleInboxRoute = createRoute({
  method: 'get',
  path: '/v1/console/reports',
  tags,
  security: consoleSecurity,
  summary: 'The inbox: urgent reports first, then newest first (session cookie)',
  request: { query: ReportListQuery },
  responses: {
    200: jsonContent(pageOf(ReportListItem), 'A page of reports'),
    ...errorResponses('validation_failed', 'unauthorized', 'forbidden'),
  },
})
const consoleReportRoute = createRoute({
  method: 'get',
  path: '/v1/console/reports/{reference}',
  tags,
  security: consoleSecurity,
  summary: 'One report, its timeline and its deliveries with every attempt',
  request: { params: referenceParam },
  responses: {
    200: jsonContent(ConsoleReportDetail, 'The report'),
    ...errorResponses('unauthorized', 'forbidden', 'not_found', 'report_erased'),
  },
})
const consoleStatusRoute = createRoute({
  method: 'post',
  path: '/v1/console/reports/{reference}/status',
  tags,
  security: consoleSecurity,
  summary: 'Set the status, with a note the reporter sees (x-csrf-token)',
  request: {
    params: referenceParam,
    body: { required: true, content: { 'application/json': { schema: StatusUpdate } } },
  },
  responses: {
    200: jsonContent(z.object({ reference: z.string(), status: ReceiverStatus }), 'Recorded'),
    ...errorResponses(
      'validation_failed',
      'malformed_json',
      'unauthorized',
      'forbidden',
      'not_found',
      'report_withdrawn',
    ),
  },
})

export function consoleReportRoutes(): OpenAPIHono<HubEnv> {
  const app = new OpenAPIHono<HubEnv>()
  const session = requireSession('operator', 'receiver')
  // Also matches `/v1/console/reports` itself.
  app.use('/v1/console/reports/*', session)

  app.openapi(consoleInboxRoute, async (c) => {
    const { db } = c.get('hub')
    return c.json(await listInbox(db, scopeOf(c.get('console')), c.req.valid('query')), 200)
  })
  app.openapi(consoleReportRoute, async (c) => {
    const { db, keyring } = c.get('hub')
    const scope = scopeOf(c.get('console'))
    return c.json(
      await consoleReportDetail(db, keyring, scope, c.req.valid('param').reference),
      200,
    )
  })
  app.openapi(consoleStatusRoute, async (c) => {
    const { write, keyring, engine, now } = c.get('hub')
    const principal = c.get('console')
    const reference = c.req.valid('param').reference.trim().toUpperCase()
    const update = c.req.valid('json')
    const result = await write((tx) =>
      principal.role === 'operator'
        ? applyOperatorStatus(tx, keyring, reference, update, now())
        : applyStatusUpdate(tx, keyring, {
            reference,
            receiverId: scopeOf(principal) as string,
            update,
            now: now(),
          }),
    )
    if (result.messageIds.length) engine?.wake()
    c.get('hub').mail.wake()
    return c.json({ reference: result.reference, status: result.status }, 200)
  })
  return app
}
