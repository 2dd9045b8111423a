/**
 * `POST /v1/reports`: site key, rate limits, optional proof of work, then the body in one of
 * three forms — canonical JSON, multipart with screenshots, or a partner's legacy form (mapped
 * by `legacyFormToIntake`). The candidate is validated once, files are refused or stripped,
 * and `submitReport` does the rest.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { headers, IdempotencyKey, Receipt, ReportIntake } from '@safe-place/schemas'
import { receiveFiles } from '../attachments/receive'
import { requireSiteKey } from '../auth/site-key'
import { clientKey } from '../http/client-key'
import type { HubEnv } from '../http/env'
import { idempotencyKeyOf } from '../http/idempotency-header'
import { errorResponses, jsonContent } from '../http/openapi-errors'
import { multipartWithFiles } from '../http/openapi-params'
import { enforceRate } from '../http/rate-limit'
import { requestDigest } from '../intake/idempotency'
import { limitBodyWithFiles, parseBody } from '../intake/parse-body'
import { assertSiteKeyTakes, parseIntake } from '../intake/parse-intake'
import { verifyPowHeader } from '../intake/proof-of-work'
import { submitReport } from '../intake/submit-report'

const submitReportRoute = createRoute({
  method: 'post',
  path: '/v1/reports',
  tags: ['Public'],
  summary: 'Send a report',
  description:
    'JSON `ReportIntake`; or `multipart/form-data` with a `report` part (JSON text) and up to 5 `attachments` parts (PNG/JPEG/WebP, 5 MB each, metadata stripped); or a legacy flat form (`application/x-www-form-urlencoded`). The receipt token is shown once.',
  request: {
    headers: z.object({
      [headers.siteKey]: z.string().openapi({ description: 'The public site key' }),
      [headers.idempotencyKey]: IdempotencyKey.optional(),
      [headers.pow]: z
        .string()
        .optional()
        .openapi({ description: 'Base64 JSON PowSolution, when the site key requires it' }),
    }),
    body: {
      required: true,
      content: {
        'application/json': { schema: ReportIntake },
        'multipart/form-data': {
          schema: multipartWithFiles('ReportIntake'),
        },
        'application/x-www-form-urlencoded': {
          schema: z.record(z.string(), z.string()).openapi({
            description: 'Legacy flat form: category, platform, url, account, description, role…',
          }),
        },
      },
    },
  },
  responses: {
    201: jsonContent(Receipt, 'Accepted: the receipt (same answer for a repeated Idempotency-Key)'),
    ...errorResponses(
      'validation_failed',
      'malformed_json',
      'invalid_encoding',
      'invalid_request',
      'spam_detected',
      'site_key_invalid',
      'origin_not_allowed',
      'challenge_required',
      'challenge_failed',
      'idempotency_conflict',
      'payload_too_large',
      'unsupported_media_type',
      'attachments_forbidden',
      'attachment_invalid',
      'notifications_unavailable',
      'attachment_hash_mismatch',
    ),
  },
})

export function reportIntakeRoutes(): OpenAPIHono<HubEnv> {
  const app = new OpenAPIHono<HubEnv>()
  app.openAPIRegistry.registerPath(submitReportRoute)
  app.post(
    '/v1/reports',
    requireSiteKey(),
    async (c, next) => {
      const hub = c.get('hub')
      const siteKey = c.get('siteKey')
      const nowMs = hub.now().getTime()
      const siteLimit = Math.max(
        1,
        Math.round(siteKey.rateLimitPerMinute * hub.settings.siteKeyRateMultiplier),
      )
      // The client's own limit first: a request refused for its client must not spend the
      // site's budget, or a handful of raiders would shut every other reporter out of the site.
      enforceRate(
        hub.limiters.clientReports,
        clientKey(c),
        hub.settings.clientReportsPerMinute,
        nowMs,
      )
      enforceRate(hub.limiters.siteKey, siteKey.id, siteLimit, nowMs)
      if (!siteKey.requireChallenge) return limitBodyWithFiles(c, next)
      // Verified before the body is read; spent with the report; reserved until the answer.
      const pow = await verifyPowHeader(c.req.header(headers.pow), hub.powHmacKey, hub.now())
      c.set('pow', pow)
      try {
        return await limitBodyWithFiles(c, next)
      } finally {
        pow.release()
      }
    },
    async (c) => {
      const hub = c.get('hub')
      const key = idempotencyKeyOf(c)
      const body = await parseBody(c, { legacyForm: true })
      const intake = parseIntake(body.candidate, body.source)
      // Refuse forbidden files before decoding a single pixel of them.
      assertSiteKeyTakes(c.get('siteKey'), intake, body.files.length)
      const files = await receiveFiles(body.files, intake.evidence.files, hub.now())
      const { receipt, replayed } = await submitReport(hub, {
        intake,
        siteKey: c.get('siteKey'),
        userAgent: c.req.header('user-agent'),
        files,
        idempotency: key ? { key, digest: requestDigest(body.candidate, body.files) } : undefined,
        pow: c.get('pow'),
      })
      if (replayed) c.header('idempotent-replayed', 'true')
      c.header('cache-control', 'no-store')
      return c.json(receipt, 201)
    },
  )
  return app
}
