/**
 * The living report, opened with the receipt (reference + `Authorization: Bearer <code>`):
 * add an incident (`POST …/additions`: JSON, or multipart with screenshots, as a first report)
 * and share the report with one more receiver (`POST …/consents`). Per-client limits and the
 * receipt come before the body is read (`requireReceipt`); the answer is the report as the
 * person now sees it.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  type CategoryCode,
  ConsentExtension,
  headers,
  IdempotencyKey,
  issuesToDetails,
  Locale,
  ReportAdditionIntake,
  ReportStatusView,
} from '@safe-place/schemas'
import { receiveFiles } from '../attachments/receive'
import { addToReport } from '../evidence/add-to-report'
import { extendConsent } from '../evidence/extend-consent'
import { parseAddition } from '../evidence/parse-addition'
import { jsonBodyGuard } from '../http/body'
import type { HubEnv } from '../http/env'
import { idempotencyKeyOf } from '../http/idempotency-header'
import { errorResponses, jsonContent } from '../http/openapi-errors'
import { multipartWithFiles, receiptAuthHeader, referenceParam } from '../http/openapi-params'
import { requireReceipt } from '../http/require-receipt'
import { HubError } from '../hub-error'
import { requestDigest } from '../intake/idempotency'
import { limitBodyWithFiles, parseBody } from '../intake/parse-body'
import { currentStatusView } from './status-answer'

const withIdempotency = receiptAuthHeader.extend({
  [headers.idempotencyKey]: IdempotencyKey.optional().openapi({
    description:
      'Sent again with a retry, it adds nothing twice: the same key and request answer the report as it stands, another request `409`.',
  }),
})
const query = z.object({ locale: z.enum(['fr', 'en']).optional() })

const additionRoute = createRoute({
  method: 'post',
  path: '/v1/reports/{reference}/additions',
  tags: ['Public'],
  summary: 'Add to a report: a new incident, with links, accounts, a description, screenshots',
  description:
    'JSON `ReportAdditionIntake`, or `multipart/form-data` with a `report` part (JSON text) and up to 5 `attachments` parts, under the same limits and safety rules as a first report. Delivered as `report.updated` to every receiver that got the report.',
  request: {
    params: referenceParam,
    headers: withIdempotency,
    query,
    body: {
      required: true,
      content: {
        'application/json': { schema: ReportAdditionIntake },
        'multipart/form-data': {
          schema: multipartWithFiles('ReportAdditionIntake'),
        },
      },
    },
  },
  responses: {
    201: jsonContent(ReportStatusView, 'Added: the report as the person now sees it'),
    ...errorResponses(
      'validation_failed',
      'malformed_json',
      'invalid_encoding',
      'invalid_request',
      'spam_detected',
      'receipt_invalid',
      'report_withdrawn',
      'report_erased',
      'report_limit_reached',
      'payload_too_large',
      'unsupported_media_type',
      'attachments_forbidden',
      'attachment_invalid',
      'attachment_hash_mismatch',
      'idempotency_conflict',
    ),
  },
})

const consentRoute = createRoute({
  method: 'post',
  path: '/v1/reports/{reference}/consents',
  tags: ['Public'],
  summary: 'Share the report with receivers not chosen at first',
  description:
    'Each receiver is routed by the same rules as a first report and gets the whole report as it stands (`report.created`, additions included), once.',
  request: {
    params: referenceParam,
    headers: receiptAuthHeader,
    query,
    body: { required: true, content: { 'application/json': { schema: ConsentExtension } } },
  },
  responses: {
    200: jsonContent(ReportStatusView, 'Shared: the report as the person now sees it'),
    ...errorResponses(
      'validation_failed',
      'malformed_json',
      'receipt_invalid',
      'report_withdrawn',
      'report_erased',
      'conflict',
      'unsupported_media_type',
    ),
  },
})

export function reportLivingRoutes(): OpenAPIHono<HubEnv> {
  const app = new OpenAPIHono<HubEnv>()
  app.openAPIRegistry.registerPath(additionRoute)
  app.post('/v1/reports/:reference/additions', requireReceipt(), limitBodyWithFiles, async (c) => {
    const hub = c.get('hub')
    const report = c.get('receiptReport')
    const key = idempotencyKeyOf(c)
    const body = await parseBody(c, { legacyForm: false })
    const addition = parseAddition(
      body.candidate,
      report.category as CategoryCode,
      body.files.length,
    )
    const request = key ? { key, digest: requestDigest(body.candidate, body.files) } : undefined
    const files = await receiveFiles(body.files, addition.evidence.files, hub.now())
    const now = hub.now()
    const added = await hub.write((tx) =>
      addToReport(tx, hub.keyring, { report, addition, files, request, now }),
    )
    if (!added.replayed) hub.engine?.wake()
    const locale = Locale.safeParse(c.req.query('locale')).data
    return c.json(await currentStatusView(c, report.id, locale), 201)
  })
  app.openAPIRegistry.registerPath(consentRoute)
  app.post('/v1/reports/:reference/consents', requireReceipt(), jsonBodyGuard(), async (c) => {
    const hub = c.get('hub')
    const report = c.get('receiptReport')
    const parsed = ConsentExtension.safeParse(await c.req.json().catch(() => undefined))
    if (!parsed.success) {
      throw new HubError('validation_failed', 'The consents are not valid.', {
        details: issuesToDetails(parsed.error.issues),
      })
    }
    const now = hub.now()
    await hub.write((tx) =>
      extendConsent(tx, hub.keyring, {
        report,
        consents: parsed.data.consents,
        rules: hub.routingRules,
        now,
      }),
    )
    hub.engine?.wake()
    const locale = Locale.safeParse(c.req.query('locale')).data
    return c.json(await currentStatusView(c, report.id, locale), 200)
  })
  return app
}
