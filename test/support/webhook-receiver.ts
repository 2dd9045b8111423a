/**
 * A webhook receiver on 127.0.0.1 that behaves as a suite tells it (answer, wait, hang, reset
 * the connection) and records every delivery: `webhook-id`, the event, the report it is about,
 * when it arrived and whether its signature verified with `@safe-place/sdk/webhooks` — so a
 * suite can check "at least once, same id, only to the right receiver" from the outside.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { verifyWebhookMessage, type WebhookEvent } from '@safe-place/sdk/webhooks'

/** What the receiver does with one delivery. */
type Reaction =
  | { status: number; headers?: Record<string, string>; delayMs?: number }
  /** Never answer (until the receiver closes). */
  | { hang: true }
  /** Reset the TCP connection without an answer. */
  | { reset: true }

interface Delivery {
  /** `webhook-id`: the hub's message id. */
  id: string
  /** `webhook-timestamp`, seconds. */
  timestamp: number
  type: WebhookEvent['type'] | null
  /** The report reference the event is about, when it is about one. */
  reference: string | null
  /** The raw body, byte for byte. */
  body: string
  /** Arrival time (ms since epoch, this process's clock). */
  at: number
  /** The signature verified with this receiver's secret. */
  verified: boolean
  verificationError?: string
  /** Deliveries of this id so far, this one included (1 = first). */
  nth: number
}

/** Decides the answer; `nth` counts deliveries of the same `webhook-id`. */
export type React = (delivery: Delivery) => Reaction

const answer200: React = () => ({ status: 200 })

export interface RecordingReceiver {
  url: string
  secret: string
  deliveries: Delivery[]
  react: React
  /** Deliveries by `webhook-id`, in arrival order. */
  byId(): Map<string, Delivery[]>
  close(): Promise<void>
}

/** A Standard Webhooks secret of our own, so a suite knows it before creating the receiver. */
function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`
}

function referenceOf(event: WebhookEvent): string | null {
  switch (event.type) {
    case 'report.created': {
      const data = event.data
      if (data.profile === 'full') return data.report.reference
      if (data.profile === 'notice') return data.notice.reference
      return data.content.reference
    }
    case 'report.updated':
    case 'report.status_changed':
    case 'report.withdrawn':
    case 'report.contested':
      return event.data.reference
    case 'webhook.test':
      return null
    default:
      return event.data.reference ?? null
  }
}

function header(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name]
  return Array.isArray(value) ? value.join(' ') : (value ?? '')
}

export async function startRecordingReceiver(
  options: { secret?: string; react?: React } = {},
): Promise<RecordingReceiver> {
  const secret = options.secret ?? newWebhookSecret()
  const seen = new Map<string, number>()
  const hanging = new Set<ServerResponse>()
  const state: RecordingReceiver = {
    url: '',
    secret,
    deliveries: [],
    react: options.react ?? answer200,
    byId() {
      const map = new Map<string, Delivery[]>()
      for (const d of state.deliveries) map.set(d.id, [...(map.get(d.id) ?? []), d])
      return map
    },
    close: async () => {},
  }
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const id = header(req.headers, 'webhook-id')
      const nth = (seen.get(id) ?? 0) + 1
      seen.set(id, nth)
      const delivery: Delivery = {
        id,
        timestamp: Number(header(req.headers, 'webhook-timestamp')),
        type: null,
        reference: null,
        body,
        at: Date.now(),
        verified: false,
        nth,
      }
      try {
        // A generous tolerance: the hub signs at send time, a slow suite still verifies.
        const verified = verifyWebhookMessage(body, req.headers, secret, { toleranceSeconds: 900 })
        delivery.verified = verified.id === id
        delivery.type = verified.event.type
        delivery.reference = referenceOf(verified.event)
      } catch (error) {
        delivery.verificationError = error instanceof Error ? error.message : String(error)
      }
      state.deliveries.push(delivery)
      const reaction = state.react(delivery)
      if ('hang' in reaction) {
        hanging.add(res)
        res.on('close', () => hanging.delete(res))
        return
      }
      if ('reset' in reaction) {
        req.socket.resetAndDestroy()
        return
      }
      const send = () => {
        if (res.destroyed) return
        res.writeHead(reaction.status, { 'content-type': 'text/plain', ...reaction.headers })
        res.end(String(reaction.status))
      }
      if (reaction.delayMs) setTimeout(send, reaction.delayMs)
      else send()
    })
  })
  server.keepAliveTimeout = 30_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  state.url = `http://127.0.0.1:${port}/webhooks`
  state.close = () =>
    new Promise<void>((resolve) => {
      for (const res of hanging) res.destroy()
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return state
}
