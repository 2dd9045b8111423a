/**
 * The proof pack, one ZIP (docs/evidence.md): `GET /v1/reports/{reference}/evidence-pack` for
 * the person, with her receipt (per-client limits first, as for every receipt route), and
 * `GET /v1/admin/reports/{reference}/evidence-pack` for operators. Refused once the report is
 * withdrawn or erased: there is nothing left to vouch for. Never cached, never stored.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { Locale } from '@safe-place/schemas'
import { eq } from 'drizzle-orm'
import type { Context } from 'hono'
import { requireApiKey } from '../auth/api-key'
import { reports } from '../db/schema'
import type { BuiltPack } from '../evidence/pack/build'
import { makeEvidencePack } from '../evidence/pack/make'
import type { HubEnv } from '../http/env'
import { errorResponses } from '../http/openapi-errors'
import { receiptAuthHeader, referenceParam } from '../http/openapi-params'
import { requireReceipt } from '../http/require-receipt'
import { HubError } from '../hub-error'

const query = z.object({
  locale: Locale.optional().openapi({ description: 'Language of the PDF summary' }),
})
const zip = {
  description: 'The pack: a ZIP with manifest.json, the report, its files and a PDF summary',
  content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } },
}

const reporterRoute = createRoute({
  method: 'get',
  path: '/v1/reports/{reference}/evidence-pack',
  tags: ['Public'],
  summary: 'Download my report file: a signed proof pack (ZIP)',
  request: {
    params: referenceParam,
    query,
    headers: receiptAuthHeader,
  },
  responses: {
    200: zip,
    ...errorResponses('receipt_invalid', 'report_withdrawn', 'report_erased', 'validation_failed'),
  },
})

const operatorRoute = createRoute({
  method: 'get',
  path: '/v1/admin/reports/{reference}/evidence-pack',
  tags: ['Operator'],
  security: [{ apiKey: [] }],
  summary: "A report's signed proof pack (ZIP), for the operator",
  request: { params: referenceParam, query },
  responses: {
    200: zip,
    ...errorResponses(
      'unauthorized',
      'forbidden',
      'not_found',
      'report_withdrawn',
      'report_erased',
    ),
  },
})

/** Through the context, so the headers middleware set (CORS, request id) go with it. */
function send(c: Context<HubEnv>, pack: BuiltPack): Response {
  return c.body(new Uint8Array(pack.zip), 200, {
    'content-type': 'application/zip',
    'content-disposition': `attachment; filename="${pack.fileName}"`,
    'cache-control': 'no-store',
  })
}

function localeOf(raw: string | undefined, fallback: string): Locale {
  const parsed = Locale.safeParse(raw ?? fallback)
  if (!parsed.success) {
    throw new HubError('validation_failed', 'Unknown locale.', {
      details: [{ path: 'locale', message: 'fr or en' }],
    })
  }
  return parsed.data
}

export function evidencePackRoutes(): OpenAPIHono<HubEnv> {
  const app = new OpenAPIHono<HubEnv>()
  app.openAPIRegistry.registerPath(reporterRoute)
  app.get('/v1/reports/:reference/evidence-pack', requireReceipt(), async (c) => {
    const hub = c.get('hub')
    const report = c.get('receiptReport')
    const locale = localeOf(c.req.query('locale'), report.locale)
    return send(c, await makeEvidencePack(hub, report.id, locale, 'reporter'))
  })
  app.openAPIRegistry.registerPath(operatorRoute)
  app.get('/v1/admin/reports/:reference/evidence-pack', requireApiKey('operator'), async (c) => {
    const hub = c.get('hub')
    const reference = (c.req.param('reference') ?? '').toUpperCase()
    const [report] = await hub.db.select().from(reports).where(eq(reports.reference, reference))
    if (!report) throw new HubError('not_found', 'No such report.')
    const locale = localeOf(c.req.query('locale'), report.locale)
    return send(c, await makeEvidencePack(hub, report.id, locale, 'operator'))
  })
  return app
}
