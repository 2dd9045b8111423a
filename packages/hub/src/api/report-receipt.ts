/**
 * The reporter's own routes, opened with the receipt (reference + `Authorization: Bearer
 * <receiptToken>`): read the status, withdraw. Rate-limited per client, since a wrong token is
 * what a guesser sends.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { Locale, ReportStatusView } from '@safe-place/schemas'
import type { Context } from 'hono'
import { clientKey } from '../http/client-key'
import type { HubEnv } from '../http/env'
import { errorResponses, jsonContent } from '../http/openapi-errors'
import { receiptAuthHeader, referenceParam } from '../http/openapi-params'
import { enforceRate } from '../http/rate-limit'
import { openByReceipt } from '../reports/receipt-access'
import { statusViewOf } from '../reports/status-view'
import { withdrawReport } from '../reports/withdraw'

const receiptErrors = errorResponses('validation_failed', 'receipt_invalid', 'origin_not_allowed')

const statusRoute = createRoute({
  method: 'get',
  path: '/v1/reports/{reference}/status',
  tags: ['Public'],
  summary: "The reporter's view of a report",
  request: {
    params: referenceParam,
    headers: receiptAuthHeader,
    query: z.object({ locale: Locale.optional() }),
  },
  responses: {
    200: jsonContent(ReportStatusView, 'Status and timeline in plain words'),
    ...receiptErrors,
  },
})

const withdrawRoute = createRoute({
  method: 'delete',
  path: '/v1/reports/{reference}',
  tags: ['Public'],
  summary: 'Withdraw a report: its personal data is erased at once',
  request: {
    params: referenceParam,
    headers: receiptAuthHeader,
    query: z.object({ locale: Locale.optional() }),
  },
  responses: {
    200: jsonContent(ReportStatusView, 'The report, now withdrawn'),
    ...receiptErrors,
  },
})

function limitTries(c: Context<HubEnv>): void {
  const hub = c.get('hub')
  enforceRate(
    hub.limiters.clientReceipts,
    clientKey(c),
    hub.settings.clientReceiptTriesPerMinute,
    hub.now().getTime(),
  )
}

export function reportReceiptRoutes(): OpenAPIHono<HubEnv> {
  const app = new OpenAPIHono<HubEnv>()
  app.openapi(statusRoute, async (c) => {
    limitTries(c)
    const hub = c.get('hub')
    const report = await openByReceipt(
      hub.db,
      c.req.valid('param').reference,
      c.req.header('authorization'),
    )
    const locale = c.req.valid('query').locale ?? (report.locale as Locale)
    c.header('cache-control', 'no-store')
    return c.json(await statusViewOf(hub.db, hub.keyring, report, locale), 200)
  })
  app.openapi(withdrawRoute, async (c) => {
    limitTries(c)
    const hub = c.get('hub')
    const report = await openByReceipt(
      hub.db,
      c.req.valid('param').reference,
      c.req.header('authorization'),
    )
    const withdrawn = await hub.write((tx) => withdrawReport(tx, hub.keyring, report, hub.now()))
    const locale = c.req.valid('query').locale ?? (report.locale as Locale)
    c.header('cache-control', 'no-store')
    return c.json(await statusViewOf(hub.db, hub.keyring, withdrawn, locale), 200)
  })
  return app
}
