/**
 * What the console's desk needs besides the case routes (operator session): the operators a
 * case can be handed to, the signed-in operator's own preferences (how screenshots show), and a
 * report's screenshots, fetched one at a time when revealed (or as a tiny blurred preview).
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { CaseOperator, ConsolePreferences } from '@safe-place/schemas'
import { and, asc, eq, isNull } from 'drizzle-orm'
import { attachmentBytes } from '../console/attachment-view'
import { preferencesOf, savePreferences } from '../console/preferences'
import { consoleSecurity, requireSession } from '../console/session-auth'
import { apiKeys } from '../db/schema'
import type { HubEnv } from '../http/env'
import { errorResponses, jsonContent } from '../http/openapi-errors'
import { idParam, jsonBody } from '../http/openapi-params'

const tags = ['Console']

const operatorsRoute = createRoute({
  method: 'get',
  path: '/v1/console/operators',
  tags,
  security: consoleSecurity,
  summary: 'Live operator keys, to hand a case to (operator session)',
  responses: {
    200: jsonContent(z.object({ items: z.array(CaseOperator), me: z.string() }), 'Operators'),
    ...errorResponses('unauthorized', 'forbidden'),
  },
})
const getPreferencesRoute = createRoute({
  method: 'get',
  path: '/v1/console/preferences',
  tags,
  security: consoleSecurity,
  summary: "The signed-in operator's console preferences",
  responses: {
    200: jsonContent(ConsolePreferences, 'Preferences'),
    ...errorResponses('unauthorized', 'forbidden'),
  },
})
const putPreferencesRoute = createRoute({
  method: 'put',
  path: '/v1/console/preferences',
  tags,
  security: consoleSecurity,
  summary: "Change the signed-in operator's console preferences (x-csrf-token)",
  request: { body: jsonBody(ConsolePreferences) },
  responses: {
    200: jsonContent(ConsolePreferences, 'Saved'),
    ...errorResponses('validation_failed', 'malformed_json', 'unauthorized', 'forbidden'),
  },
})
const attachmentRoute = createRoute({
  method: 'get',
  path: '/v1/console/attachments/{id}',
  tags,
  security: consoleSecurity,
  summary:
    'A screenshot, when an operator reveals it; `variant=preview` for a 16-pixel greyscale preview',
  request: {
    params: idParam,
    query: z.object({ variant: z.enum(['full', 'preview']).default('full') }),
  },
  responses: {
    200: {
      description: 'The image (never cached)',
      content: { 'image/*': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...errorResponses('unauthorized', 'forbidden', 'not_found', 'report_erased'),
  },
})

export function consoleDeskRoutes(): OpenAPIHono<HubEnv> {
  const app = new OpenAPIHono<HubEnv>()
  const operator = requireSession('operator')
  app.use('/v1/console/operators', operator)
  app.use('/v1/console/preferences', operator)
  app.use('/v1/console/attachments/*', operator)

  app.openapi(operatorsRoute, async (c) => {
    const { db } = c.get('hub')
    const rows = await db
      .select({ keyId: apiKeys.id, name: apiKeys.name })
      .from(apiKeys)
      .where(and(eq(apiKeys.scope, 'operator'), isNull(apiKeys.revokedAt)))
      .orderBy(asc(apiKeys.name))
    return c.json({ items: rows, me: c.get('console').keyId }, 200)
  })
  app.openapi(getPreferencesRoute, async (c) => {
    const { db } = c.get('hub')
    return c.json(await preferencesOf(db, c.get('console').keyId), 200)
  })
  app.openapi(putPreferencesRoute, async (c) => {
    const { write, now } = c.get('hub')
    const input = c.req.valid('json')
    const keyId = c.get('console').keyId
    return c.json(await write((tx) => savePreferences(tx, keyId, input, now())), 200)
  })
  app.openapi(attachmentRoute, async (c) => {
    const { db, keyring } = c.get('hub')
    const image = await attachmentBytes(
      db,
      keyring,
      c.req.valid('param').id,
      c.req.valid('query').variant,
    )
    return c.body(new Uint8Array(image.data), 200, {
      'content-type': image.mediaType,
      'cache-control': 'no-store',
      'content-disposition': 'inline',
      'x-content-type-options': 'nosniff',
    }) as never
  })
  return app
}
