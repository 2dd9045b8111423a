/**
 * Receivers talk back: `POST /v1/reports/{reference}/status` with a receiver API key, only
 * about a report that was routed to that receiver. The reporter sees the status in plain words
 * (and the note as written); the other receivers that got the report hear
 * `report.status_changed`.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { ReceiverStatus, StatusUpdate } from '@safe-place/schemas'
import { requireApiKey } from '../auth/api-key'
import { applyStatusUpdate } from '../delivery/status-update'
import { jsonBodyErrorCodes } from '../http/body'
import type { HubEnv } from '../http/env'
import { errorResponses, jsonContent } from '../http/openapi-errors'
import { referenceParam } from '../http/openapi-params'
import { HubError } from '../hub-error'

const Answer = z.object({ reference: z.string(), status: ReceiverStatus })

const statusUpdateRoute = createRoute({
  method: 'post',
  path: '/v1/reports/{reference}/status',
  tags: ['Receivers'],
  security: [{ apiKey: [] }],
  summary: 'Tell the reporter (and the other receivers) where a report stands',
  request: {
    params: referenceParam,
    body: { required: true, content: { 'application/json': { schema: StatusUpdate } } },
  },
  responses: {
    200: jsonContent(Answer, 'Recorded'),
    ...errorResponses(
      ...jsonBodyErrorCodes,
      'unauthorized',
      'forbidden',
      'not_found',
      'report_withdrawn',
    ),
  },
})

export function statusUpdateRoutes(): OpenAPIHono<HubEnv> {
  const app = new OpenAPIHono<HubEnv>()
  app.use('/v1/reports/:reference/status', async (c, next) =>
    c.req.method === 'POST' ? requireApiKey('receiver')(c, next) : next(),
  )
  app.openapi(statusUpdateRoute, async (c) => {
    const { write, keyring, engine, mail, now } = c.get('hub')
    const receiverId = c.get('principal').receiverId
    if (!receiverId) throw new HubError('forbidden', 'This key is not a receiver key.')
    const result = await write((tx) =>
      applyStatusUpdate(tx, keyring, {
        reference: c.req.valid('param').reference.trim().toUpperCase(),
        receiverId,
        update: c.req.valid('json'),
        now: now(),
      }),
    )
    if (result.messageIds.length) engine?.wake()
    mail.wake()
    return c.json({ reference: result.reference, status: result.status }, 200)
  })
  return app
}
