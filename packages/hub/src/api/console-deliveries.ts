/**
 * Console receivers and deliveries: receivers with their health; disable (with a reason) or
 * enable, rotate the secret, send a test (operator); failed messages and their attempts; replay one message or a time
 * range. A receiver session sees only itself and its own messages, and may replay them.
 */

import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  ConsoleDelivery,
  ConsoleReceiver,
  ConsoleReceiverDisable,
  DeliveryMessage,
  MessageState,
  ReplayRequest,
  Timestamp,
} from '@safe-place/schemas'
import { assertOwnReceiverFilter, ownReceiversOfScope } from '../admin/own-receivers'
import { receiverHealth } from '../console/receiver-health'
import { scopeOf } from '../console/scope'
import { consoleSecurity, requireSession } from '../console/session-auth'
import { getMessage, listMessages } from '../delivery/messages-store'
import {
  getReceiverRow,
  listReceivers,
  sendTestMessage,
  type toReceiver,
  updateReceiver,
} from '../delivery/receivers-store'
import { rotateReceiverSecret } from '../delivery/rotation'
import { replayFailedMessages } from '../delivery/transitions'
import type { HubEnv } from '../http/env'
import { errorResponses, jsonContent } from '../http/openapi-errors'
import { idParam, jsonBody } from '../http/openapi-params'
import { HubError } from '../hub-error'
import { replayOneMessage, replayOneResponses } from './message-replay'

const tags = ['Console']
const oneErrors = errorResponses('unauthorized', 'forbidden', 'not_found')
const MessageQuery = z.object({
  receiverId: z.string().max(60).optional(),
  state: MessageState.optional(),
  from: Timestamp.optional(),
  to: Timestamp.optional(),
  cursor: z.string().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
})

const route = <M extends 'get' | 'post', P extends string>(method: M, path: P) => ({
  method,
  path,
  tags,
  security: consoleSecurity,
})

const consoleReceiversRoute = createRoute({
  ...route('get', '/v1/console/receivers'),
  summary: 'Receivers with their delivery health',
  responses: {
    200: jsonContent(z.object({ items: z.array(ConsoleReceiver) }), 'Receivers'),
    ...oneErrors,
  },
})
const consoleEnableRoute = createRoute({
  ...route('post', '/v1/console/receivers/{id}/enable'),
  summary: 'Enable a receiver again (operator)',
  request: { params: idParam },
  responses: { 200: jsonContent(ConsoleReceiver, 'Enabled'), ...oneErrors },
})
const consoleDisableRoute = createRoute({
  ...route('post', '/v1/console/receivers/{id}/disable'),
  summary: 'Disable a receiver, saying why (operator); nothing is sent to it until enabled',
  request: { params: idParam, body: jsonBody(ConsoleReceiverDisable) },
  responses: {
    200: jsonContent(ConsoleReceiver, 'Disabled'),
    ...oneErrors,
    ...errorResponses('validation_failed', 'malformed_json'),
  },
})
const consoleRotateRoute = createRoute({
  ...route('post', '/v1/console/receivers/{id}/rotate-secret'),
  summary: 'Rotate the signing secret (operator; shown once)',
  request: { params: idParam },
  responses: {
    200: jsonContent(
      z.object({ secret: z.string(), previousSecretExpiresAt: z.string() }),
      'Rotated',
    ),
    ...oneErrors,
  },
})
const consoleTestRoute = createRoute({
  ...route('post', '/v1/console/receivers/{id}/test'),
  summary: 'Send a webhook.test message (operator)',
  request: { params: idParam },
  responses: { 200: jsonContent(z.object({ messageId: z.string() }), 'Queued'), ...oneErrors },
})
const consoleReplayRangeRoute = createRoute({
  ...route('post', '/v1/console/receivers/{id}/replay'),
  summary: 'Replay the failed messages of a receiver created in a time range',
  request: { params: idParam, body: jsonBody(ReplayRequest) },
  responses: {
    200: jsonContent(z.object({ replayed: z.number().int() }), 'Replayed'),
    ...oneErrors,
    ...errorResponses('validation_failed', 'malformed_json'),
  },
})
const consoleMessagesRoute = createRoute({
  ...route('get', '/v1/console/messages'),
  summary: 'Webhook messages, newest first (state=failed for the failed list)',
  request: { query: MessageQuery },
  responses: {
    200: jsonContent(
      z.object({ items: z.array(DeliveryMessage), nextCursor: z.string().nullable() }),
      'A page',
    ),
    ...oneErrors,
    ...errorResponses('validation_failed'),
  },
})
const consoleMessageRoute = createRoute({
  ...route('get', '/v1/console/messages/{id}'),
  summary: 'One message with every attempt',
  request: { params: idParam },
  responses: { 200: jsonContent(ConsoleDelivery, 'The message'), ...oneErrors },
})
const consoleReplayRoute = createRoute({
  ...route('post', '/v1/console/messages/{id}/replay'),
  summary: 'Replay one message',
  request: { params: idParam },
  responses: { ...oneErrors, ...replayOneResponses },
})

export function consoleDeliveryRoutes(): OpenAPIHono<HubEnv> {
  const app = new OpenAPIHono<HubEnv>()
  const anyone = requireSession('operator', 'receiver')
  const operator = requireSession('operator')
  // `/receivers/*` also matches `/receivers`: reading the list and replaying one's own
  // failures are open to receivers, everything else about receivers is the operator's.
  app.use('/v1/console/receivers/*', async (c, next) =>
    c.req.method === 'GET' || c.req.path.endsWith('/replay') ? anyone(c, next) : operator(c, next),
  )
  app.use('/v1/console/messages/*', anyone)

  type Ctx = {
    get(key: 'hub'): HubEnv['Variables']['hub']
    get(key: 'console'): HubEnv['Variables']['console']
  }
  /** The receiver, if this session may see it. */
  async function visibleReceiver(c: Ctx, id: string) {
    const scope = scopeOf(c.get('console'))
    const row = await getReceiverRow(c.get('hub').db, id)
    if (!row || (scope !== undefined && row.id !== scope)) throw new HubError('not_found')
    return row
  }
  async function withHealth(c: Ctx, receiver: ReturnType<typeof toReceiver>) {
    const { db, now } = c.get('hub')
    return { ...receiver, health: await receiverHealth(db, receiver.id, now()) }
  }

  app.openapi(consoleReceiversRoute, async (c) => {
    const { db } = c.get('hub')
    const scope = scopeOf(c.get('console'))
    const all = await listReceivers(db)
    const visible = scope === undefined ? all : all.filter((r) => r.id === scope)
    return c.json({ items: await Promise.all(visible.map((r) => withHealth(c, r))) }, 200)
  })
  app.openapi(consoleEnableRoute, async (c) => {
    const { engine, now } = c.get('hub')
    const row = await visibleReceiver(c, c.req.valid('param').id)
    const updated = await updateReceiver(c.get('hub'), row.id, { enabled: true }, now(), {
      ssrf: engine?.ssrf ?? {},
    })
    if (!updated) throw new HubError('not_found')
    engine?.wake()
    return c.json(await withHealth(c, updated), 200)
  })
  app.openapi(consoleDisableRoute, async (c) => {
    const { engine, now } = c.get('hub')
    const row = await visibleReceiver(c, c.req.valid('param').id)
    const { reason } = c.req.valid('json')
    const updated = await updateReceiver(
      c.get('hub'),
      row.id,
      { enabled: false, disabledReason: reason },
      now(),
      { ssrf: engine?.ssrf ?? {} },
    )
    if (!updated) throw new HubError('not_found')
    // The reason is the operator's text: kept in the database, not in the logs.
    c.get('logger').warn(
      { event: 'receiver.disabled', receiverId: row.id, by: 'console' },
      'receiver disabled from the console',
    )
    return c.json(await withHealth(c, updated), 200)
  })
  app.openapi(consoleRotateRoute, async (c) => {
    const { keyring, now, write } = c.get('hub')
    const row = await visibleReceiver(c, c.req.valid('param').id)
    const rotated = await write((tx) => rotateReceiverSecret(tx, keyring, row.id, now()))
    if (!rotated) throw new HubError('not_found')
    return c.json(rotated, 200)
  })
  app.openapi(consoleTestRoute, async (c) => {
    const { write, keyring, engine, now } = c.get('hub')
    const row = await visibleReceiver(c, c.req.valid('param').id)
    const messageId = await write((tx) => sendTestMessage(tx, keyring, row.id, now()))
    engine?.wake()
    return c.json({ messageId }, 200)
  })
  app.openapi(consoleReplayRangeRoute, async (c) => {
    const { engine, now, write } = c.get('hub')
    const row = await visibleReceiver(c, c.req.valid('param').id)
    const { from, to } = c.req.valid('json')
    const replayed = await write((tx) =>
      replayFailedMessages(tx, row.id, new Date(from), new Date(to), now()),
    )
    engine?.wake()
    return c.json({ replayed }, 200)
  })
  app.openapi(consoleMessagesRoute, async (c) => {
    const q = c.req.valid('query')
    const scope = scopeOf(c.get('console'))
    assertOwnReceiverFilter(ownReceiversOfScope(scope), q.receiverId)
    const page = await listMessages(c.get('hub').db, {
      ...q,
      receiverId: scope ?? q.receiverId,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
    })
    return c.json(page, 200)
  })

  async function visibleMessage(c: Ctx, id: string) {
    const scope = scopeOf(c.get('console'))
    const message = await getMessage(c.get('hub').db, c.get('hub').keyring, id)
    if (!message || (scope !== undefined && message.receiverId !== scope)) {
      throw new HubError('not_found')
    }
    return message
  }
  app.openapi(consoleMessageRoute, async (c) => {
    return c.json(await visibleMessage(c, c.req.valid('param').id), 200)
  })
  app.openapi(consoleReplayRoute, async (c) => {
    const { id } = await visibleMessage(c, c.req.valid('param').id)
    return c.json(await replayOneMessage(c.get('hub'), id), 200)
  })
  return app
}
