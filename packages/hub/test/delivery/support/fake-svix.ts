/**
 * A local HTTP server that implements the Svix API calls the Svix engine uses, and records
 * them: applications and endpoints by uid, messages with `eventId` uniqueness (409), attempts
 * the test script sets, resend, and expunging a message's content and its attempts'.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

interface SvixCall {
  method: string
  path: string
  body: unknown
}

interface FakeAttempt {
  status: 0 | 1 | 2 | 3
  code: number
}

export interface FakeSvix {
  url: string
  calls: SvixCall[]
  apps: Map<string, { name: string }>
  endpoints: Map<string, { url: string; secret: string; disabled: boolean }>
  /** By eventId; `payload` is null once expunged. */
  messages: Map<
    string,
    { eventType: string; payload: unknown; app: string; payloadRetentionPeriod: unknown }
  >
  attempts: Map<string, FakeAttempt[]>
  close(): Promise<void>
}

const now = () => new Date().toISOString()

export async function startFakeSvix(): Promise<FakeSvix> {
  const fake: FakeSvix = {
    url: '',
    calls: [],
    apps: new Map(),
    endpoints: new Map(),
    messages: new Map(),
    attempts: new Map(),
    close: async () => {},
  }
  const endpointOut = (uid: string) => {
    const e = fake.endpoints.get(uid)!
    return {
      id: `ep_${uid}`,
      uid,
      url: e.url,
      disabled: e.disabled,
      description: '',
      metadata: {},
      createdAt: now(),
      updatedAt: now(),
    }
  }
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x')
      const raw = Buffer.concat(chunks).toString()
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : null
      fake.calls.push({ method: req.method ?? '', path: url.pathname, body })
      const send = (status: number, value?: unknown) => {
        res
          .writeHead(status, { 'content-type': 'application/json' })
          .end(value === undefined ? '' : JSON.stringify(value))
      }
      if (req.headers.authorization !== 'Bearer testsk_fake')
        return send(401, { code: 'authentication_failed', detail: 'no' })
      const p = url.pathname.replace(/\/$/, '').split('/').slice(3) // after /api/v1
      const [a, app, b, id, c, d] = p
      if (req.method === 'POST' && a === 'app' && p.length === 1) {
        const uid = String(body?.uid)
        if (!fake.apps.has(uid)) fake.apps.set(uid, { name: String(body?.name) })
        return send(201, {
          id: `app_${uid}`,
          uid,
          name: fake.apps.get(uid)?.name,
          metadata: {},
          createdAt: now(),
          updatedAt: now(),
        })
      }
      if (a !== 'app' || !app || !fake.apps.has(app))
        return send(404, { code: 'not_found', detail: 'app' })
      if (b === 'endpoint') {
        if (req.method === 'POST' && !id) {
          const uid = String(body?.uid)
          fake.endpoints.set(uid, {
            url: String(body?.url),
            secret: String(body?.secret),
            disabled: Boolean(body?.disabled),
          })
          return send(201, endpointOut(uid))
        }
        if (!id || !fake.endpoints.has(id))
          return send(404, { code: 'not_found', detail: 'endpoint' })
        const e = fake.endpoints.get(id)!
        if (req.method === 'GET' && !c) return send(200, endpointOut(id))
        if (req.method === 'PUT' && !c) {
          e.url = String(body?.url)
          e.disabled = Boolean(body?.disabled)
          return send(200, endpointOut(id))
        }
        if (req.method === 'GET' && c === 'secret') return send(200, { key: e.secret })
        if (req.method === 'POST' && c === 'secret' && d === 'rotate') {
          e.secret = String(body?.key)
          return send(204)
        }
      }
      if (b === 'msg' && req.method === 'POST' && !id) {
        const eventId = String(body?.eventId)
        if (fake.messages.has(eventId))
          return send(409, { code: 'conflict', detail: 'eventId exists' })
        fake.messages.set(eventId, {
          eventType: String(body?.eventType),
          payload: body?.payload,
          app,
          payloadRetentionPeriod: body?.payloadRetentionPeriod,
        })
        return send(202, {
          id: `msg_svix_${eventId}`,
          eventId,
          eventType: body?.eventType,
          payload: {},
          timestamp: now(),
        })
      }
      if (b === 'msg' && req.method === 'POST' && c === 'endpoint' && p[5] === 'resend')
        return send(202)
      // DELETE …/msg/{id}/content and …/msg/{id}/attempt/{attempt}/content
      if (b === 'msg' && req.method === 'DELETE' && id && fake.messages.has(id)) {
        if (c === 'content') {
          fake.messages.get(id)!.payload = null
          return send(204)
        }
        if (c === 'attempt' && d && p[6] === 'content') return send(204)
      }
      if (b === 'attempt' && id === 'msg' && c) {
        const list = fake.attempts.get(c) ?? []
        return send(200, {
          data: list.map((x, i) => ({
            id: `atmpt_${c}_${i}`,
            msgId: `msg_svix_${c}`,
            endpointId: `ep_${app}`,
            url: fake.endpoints.get(app)?.url,
            response: x.code === 200 ? 'ok' : 'down',
            responseStatusCode: x.code,
            responseDurationMs: 12,
            status: x.status,
            statusText: x.status === 0 ? 'success' : 'fail',
            triggerType: 0,
            timestamp: now(),
          })),
          iterator: null,
          prevIterator: null,
          done: true,
        })
      }
      send(404, { code: 'not_found', detail: `${req.method} ${url.pathname}` })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return fake
}
