/**
 * Operator API for receivers (webhook endpoints): create (secret shown once), list, read,
 * update, rotate the secret, send a `webhook.test`, replay failed messages in a time range.
 * Receiver URLs are checked against the same SSRF policy the delivery engine enforces.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { Receiver, ReceiverCreate, ReceiverUpdate, ReplayRequest } from '@safe-place/schemas'
import { requireApiKey, tenantOf } from '../auth/api-key'
import {
  createReceiver,
  getReceiverRow,
  listReceivers,
  sendTestMessage,
  toReceiver,
  updateReceiver,
} from '../delivery/receivers-store'
import { rotateReceiverSecret } from '../delivery/rotation'
import { UnsafeUrlError } from '../delivery/ssrf'
import { replayFailedMessages } from '../delivery/transitions'
import { jsonBodyErrorCodes } from '../http/body'
import type { HubEnv } from '../http/env'
import { errorResponses, jsonContent } from '../http/openapi-errors'
import { idParam, jsonBody } from '../http/openapi-params'
import { HubError } from '../hub-error'

const security = [{ apiKey: [] }]
const tags = ['Receivers']
const writeErrors = errorResponses(...jsonBodyErrorCodes, 'unauthorized', 'forbidden', 'unsafe_url')
const oneErrors = errorResponses('unauthorized', 'forbidden', 'not_found')

const ReceiverWithSecret = Receiver.extend({ secret: z.string() }).openapi('ReceiverWithSecret')
const Rotated = z.object({ secret: z.string(), previousSecretExpiresAt: z.string() })

const createReceiverRoute = createRoute({
  method: 'post',
  path: '/v1/admin/receivers',
  tags,
  security,
  summary: 'Add a receiver (secret shown once)',
  request: { body: jsonBody(ReceiverCreate) },
  responses: { 201: jsonContent(ReceiverWithSecret, 'Created'), ...writeErrors },
})
const listReceiversRoute = createRoute({
  method: 'get',
  path: '/v1/admin/receivers',
  tags,
  security,
  summary: 'List receivers',
  responses: {
    200: jsonContent(z.object({ items: z.array(Receiver) }), 'Receivers'),
    ...oneErrors,
  },
})
const getReceiverRoute = createRoute({
  method: 'get',
  path: '/v1/admin/receivers/{id}',
  tags,
  security,
  summary: 'One receiver, with its health',
  request: { params: idParam },
  responses: { 200: jsonContent(Receiver, 'The receiver'), ...oneErrors },
})
const updateReceiverRoute = createRoute({
  method: 'patch',
  path: '/v1/admin/receivers/{id}',
  tags,
  security,
  summary: 'Update, disable or enable a receiver',
  request: { params: idParam, body: jsonBody(ReceiverUpdate) },
  responses: { 200: jsonContent(Receiver, 'Updated'), ...writeErrors, ...oneErrors },
})
const rotateSecretRoute = createRoute({
  method: 'post',
  path: '/v1/admin/receivers/{id}/rotate-secret',
  tags,
  security,
  summary: 'Rotate the signing secret (both signatures are sent for 24 h)',
  request: { params: idParam },
  responses: { 200: jsonContent(Rotated, 'The new secret, shown once'), ...oneErrors },
})
const testReceiverRoute = createRoute({
  method: 'post',
  path: '/v1/admin/receivers/{id}/test',
  tags,
  security,
  summary: 'Send a webhook.test message',
  request: { params: idParam },
  responses: { 200: jsonContent(z.object({ messageId: z.string() }), 'Queued'), ...oneErrors },
})
const replayReceiverRoute = createRoute({
  method: 'post',
  path: '/v1/admin/receivers/{id}/replay',
  tags,
  security,
  summary: 'Replay every failed message of this receiver created in a time range',
  request: { params: idParam, body: jsonBody(ReplayRequest) },
  responses: {
    200: jsonContent(z.object({ replayed: z.number().int() }), 'Replayed'),
    ...writeErrors,
    ...oneErrors,
  },
})

function unsafe(error: unknown): never {
  if (error instanceof UnsafeUrlError)
    throw new HubError('unsafe_url', error.message, { cause: error })
  throw error
}

export function receiverRoutes(): OpenAPIHono<HubEnv> {
  const app = new OpenAPIHono<HubEnv>()
  const operator = requireApiKey('operator')
  const operatorOrPartner = requireApiKey('operator', 'partner')
  app.use('/v1/admin/receivers', async (c, next) =>
    c.req.method === 'GET' ? operatorOrPartner(c, next) : operator(c, next),
  )
  app.use('/v1/admin/receivers/*', async (c, next) =>
    c.req.method === 'GET' ? operatorOrPartner(c, next) : operator(c, next),
  )

  /** The receiver, if this principal may see it. */
  async function visible(
    c: {
      get(key: 'hub'): HubEnv['Variables']['hub']
      get(key: 'principal'): HubEnv['Variables']['principal']
    },
    id: string,
  ) {
    const row = await getReceiverRow(c.get('hub').db, id)
    const tenant = tenantOf(c.get('principal'))
    if (!row || (tenant !== undefined && row.partnerId !== tenant)) throw new HubError('not_found')
    return row
  }

  app.openapi(createReceiverRoute, async (c) => {
    const { keyring, engine, now } = c.get('hub')
    const created = await createReceiver(c.get('hub'), keyring, c.req.valid('json'), now(), {
      ssrf: engine?.ssrf ?? {},
    }).catch(unsafe)
    return c.json(created, 201)
  })
  app.openapi(listReceiversRoute, async (c) => {
    const { db } = c.get('hub')
    return c.json({ items: await listReceivers(db, tenantOf(c.get('principal'))) }, 200)
  })
  app.openapi(getReceiverRoute, async (c) => {
    return c.json(toReceiver(await visible(c, c.req.valid('param').id)), 200)
  })
  app.openapi(updateReceiverRoute, async (c) => {
    const { engine, now } = c.get('hub')
    const updated = await updateReceiver(
      c.get('hub'),
      c.req.valid('param').id,
      c.req.valid('json'),
      now(),
      {
        ssrf: engine?.ssrf ?? {},
      },
    ).catch(unsafe)
    if (!updated) throw new HubError('not_found')
    if (updated.enabled) engine?.wake()
    return c.json(updated, 200)
  })
  app.openapi(rotateSecretRoute, async (c) => {
    const { write, keyring, now } = c.get('hub')
    const id = c.req.valid('param').id
    const rotated = await write((tx) => rotateReceiverSecret(tx, keyring, id, now()))
    if (!rotated) throw new HubError('not_found')
    return c.json(rotated, 200)
  })
  app.openapi(testReceiverRoute, async (c) => {
    const { write, keyring, engine, now } = c.get('hub')
    const row = await visible(c, c.req.valid('param').id)
    const messageId = await write((tx) => sendTestMessage(tx, keyring, row.id, now()))
    engine?.wake()
    return c.json({ messageId }, 200)
  })
  app.openapi(replayReceiverRoute, async (c) => {
    const { engine, now, write } = c.get('hub')
    const row = await visible(c, c.req.valid('param').id)
    const { from, to } = c.req.valid('json')
    const replayed = await write((tx) =>
      replayFailedMessages(tx, row.id, new Date(from), new Date(to), now()),
    )
    engine?.wake()
    return c.json({ replayed }, 200)
  })
  return app
}
