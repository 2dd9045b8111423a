/**
 * What the reporter can do from the follow view besides reading and withdrawing, with the same
 * receipt (reference + `Authorization: Bearer <receiptToken>`): contest the answer, and start or
 * stop the e-mails that tell her the report moved. The receipt is checked (and the client's
 * tries counted) before the body is read; each answers the report as she now sees it.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { ContestRequest, Locale, NotificationRequest, ReportStatusView } from '@safe-place/schemas'
import type { Context } from 'hono'
import type { ReportRow } from '../db/rows'
import { jsonBodyErrorCodes, jsonBodyGuard } from '../http/body'
import type { HubEnv } from '../http/env'
import { errorResponses, jsonContent } from '../http/openapi-errors'
import { jsonBody, receiptAuthHeader, referenceParam } from '../http/openapi-params'
import { enforceRate } from '../http/rate-limit'
import { RateLimiter } from '../http/rate-limiter'
import { requireReceipt } from '../http/require-receipt'
import { HubError } from '../hub-error'
import { startNotifications, stopNotifications } from '../notifications/subscriptions'
import { contestReport } from '../reports/contest'
import { currentStatusView } from './status-answer'

/** Starting or stopping more often than this per report and minute is no person's doing. */
const NOTIFICATION_CHANGES_PER_MINUTE = 5

const query = z.object({ locale: Locale.optional() })
const answers = {
  200: jsonContent(ReportStatusView, 'The report as she now sees it'),
}
const receiptErrors = ['receipt_invalid', 'rate_limited', 'report_withdrawn'] as const

const contestRoute = createRoute({
  method: 'post',
  path: '/v1/reports/{reference}/contest',
  tags: ['Public'],
  summary: 'Contest the answer the report got, and learn the ways that remain',
  request: {
    params: referenceParam,
    headers: receiptAuthHeader,
    query,
    body: jsonBody(ContestRequest),
  },
  responses: {
    ...answers,
    ...errorResponses(
      ...jsonBodyErrorCodes,
      ...receiptErrors,
      'already_contested',
      'nothing_to_contest',
      'report_erased',
    ),
  },
})

const startRoute = createRoute({
  method: 'put',
  path: '/v1/reports/{reference}/notifications',
  tags: ['Public'],
  summary: 'Be told by a neutral e-mail when the report moves',
  request: {
    params: referenceParam,
    headers: receiptAuthHeader,
    query,
    body: jsonBody(NotificationRequest),
  },
  responses: {
    ...answers,
    ...errorResponses(...jsonBodyErrorCodes, ...receiptErrors, 'notifications_unavailable'),
  },
})

const stopRoute = createRoute({
  method: 'delete',
  path: '/v1/reports/{reference}/notifications',
  tags: ['Public'],
  summary: 'Stop the e-mails: the address is erased at once',
  request: { params: referenceParam, headers: receiptAuthHeader, query },
  responses: { ...answers, ...errorResponses('receipt_invalid', 'rate_limited') },
})

function refuseWithdrawn(report: ReportRow): void {
  if (report.status === 'withdrawn' || report.withdrawnAt || report.erasedAt) {
    throw new HubError('report_withdrawn', 'This report was withdrawn and its data erased.')
  }
}

export function reportFollowRoutes(): OpenAPIHono<HubEnv> {
  const app = new OpenAPIHono<HubEnv>()
  const notificationChanges = new RateLimiter()
  for (const path of ['/v1/reports/:reference/contest', '/v1/reports/:reference/notifications']) {
    app.use(path, requireReceipt({ evidenceLimit: false }), jsonBodyGuard(8 * 1024))
  }

  app.openapi(contestRoute, async (c) => {
    const hub = c.get('hub')
    const report = c.get('receiptReport')
    const { messageIds } = await hub.write((tx) =>
      contestReport(tx, hub.keyring, report.id, c.req.valid('json').reason, hub.now()),
    )
    if (messageIds.length) hub.engine?.wake()
    return c.json(await currentStatusView(c, report.id, c.req.valid('query').locale), 200)
  })

  const limitChanges = (c: Context<HubEnv>, report: ReportRow) => {
    const hub = c.get('hub')
    enforceRate(
      notificationChanges,
      report.id,
      NOTIFICATION_CHANGES_PER_MINUTE,
      hub.now().getTime(),
    )
  }

  app.openapi(startRoute, async (c) => {
    const hub = c.get('hub')
    const report = c.get('receiptReport')
    refuseWithdrawn(report)
    if (!hub.mail.enabled) {
      throw new HubError('notifications_unavailable', 'This hub does not send e-mails.')
    }
    limitChanges(c, report)
    const { email } = c.req.valid('json')
    await hub.write((tx) => startNotifications(tx, hub.keyring, report.id, email, hub.now()))
    return c.json(await currentStatusView(c, report.id, c.req.valid('query').locale), 200)
  })

  app.openapi(stopRoute, async (c) => {
    const hub = c.get('hub')
    const report = c.get('receiptReport')
    limitChanges(c, report)
    await hub.write((tx) => stopNotifications(tx, report.id))
    return c.json(await currentStatusView(c, report.id, c.req.valid('query').locale), 200)
  })
  return app
}
