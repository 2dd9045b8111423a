/**
 * Operator API for the outbox: list messages (by receiver, state, time range), one message
 * with its attempt log, replay one message. Partner keys see their own receivers' messages and
 * may filter by those receivers only.
 */

import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { DeliveryAttempt, DeliveryMessage, MessageState, Timestamp } from '@safe-place/schemas'
import {
  assertOwnReceiverFilter,
  isOwnReceiver,
  ownReceiversOfTenant,
} from '../admin/own-receivers'
import { requireApiKey, tenantOf } from '../auth/api-key'
import { getMessage, listMessages } from '../delivery/messages-store'
import type { HubEnv } from '../http/env'
import { errorResponses, jsonContent } from '../http/openapi-errors'
import { idParam } from '../http/openapi-params'
import { HubError } from '../hub-error'
import { replayOneMessage, replayOneResponses } from './message-replay'

const security = [{ apiKey: [] }]
const tags = ['Receivers']
const oneErrors = errorResponses('unauthorized', 'forbidden', 'not_found')

const MessageQuery = z.object({
  receiverId: z.string().max(60).optional(),
  state: MessageState.optional(),
  from: Timestamp.optional(),
  to: Timestamp.optional(),
  cursor: z.string().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
})
const MessageWithAttempts = DeliveryMessage.extend({ attempts: z.array(DeliveryAttempt) }).openapi(
  'DeliveryMessageWithAttempts',
)

const listMessagesRoute = createRoute({
  method: 'get',
  path: '/v1/admin/messages',
  tags,
  security,
  summary: 'List webhook messages, newest first',
  request: { query: MessageQuery },
  responses: {
    200: jsonContent(
      z.object({ items: z.array(DeliveryMessage), nextCursor: z.string().nullable() }),
      'A page',
    ),
    ...errorResponses('validation_failed', 'unauthorized', 'forbidden'),
  },
})
const getMessageRoute = createRoute({
  method: 'get',
  path: '/v1/admin/messages/{id}',
  tags,
  security,
  summary: 'One message and its attempts',
  request: { params: idParam },
  responses: { 200: jsonContent(MessageWithAttempts, 'The message'), ...oneErrors },
})
const replayMessageRoute = createRoute({
  method: 'post',
  path: '/v1/admin/messages/{id}/replay',
  tags,
  security,
  summary: 'Replay one message',
  request: { params: idParam },
  responses: { ...oneErrors, ...replayOneResponses },
})

export function messageRoutes(): OpenAPIHono<HubEnv> {
  const app = new OpenAPIHono<HubEnv>()
  const operator = requireApiKey('operator')
  const operatorOrPartner = requireApiKey('operator', 'partner')
  app.use('/v1/admin/messages', operatorOrPartner)
  app.use('/v1/admin/messages/*', async (c, next) =>
    c.req.method === 'GET' ? operatorOrPartner(c, next) : operator(c, next),
  )

  const ownReceivers = (c: {
    get(key: 'hub'): HubEnv['Variables']['hub']
    get(key: 'principal'): HubEnv['Variables']['principal']
  }) => ownReceiversOfTenant(c.get('hub').db, tenantOf(c.get('principal')))

  app.openapi(listMessagesRoute, async (c) => {
    const q = c.req.valid('query')
    const own = await ownReceivers(c)
    assertOwnReceiverFilter(own, q.receiverId)
    const page = await listMessages(c.get('hub').db, {
      ...q,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
      receiverIds: own && [...own],
    })
    return c.json(page, 200)
  })
  app.openapi(getMessageRoute, async (c) => {
    const { db, keyring } = c.get('hub')
    const message = await getMessage(db, keyring, c.req.valid('param').id)
    if (!message || !isOwnReceiver(await ownReceivers(c), message.receiverId)) {
      throw new HubError('not_found')
    }
    return c.json(message, 200)
  })
  app.openapi(replayMessageRoute, async (c) => {
    return c.json(await replayOneMessage(c.get('hub'), c.req.valid('param').id), 200)
  })
  return app
}
