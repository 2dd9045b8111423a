/**
 * `startReceiver`: a Hono server that verifies Safe Place deliveries with
 * `@safe-place/sdk/webhooks`, prints each event, keeps them in memory, and — as a trusted
 * flagger — can post a status update back to the hub. Used by the CLI, the demo and the tests.
 */
import { serve } from '@hono/node-server'
import { createSafePlaceAdmin } from '@safe-place/sdk/admin'
import {
  isWebhookVerificationError,
  rawBodyFromHono,
  signWebhook,
  verifyWebhookMessage,
  type WebhookEvent,
} from '@safe-place/sdk/webhooks'
import { type Context, Hono } from 'hono'
import { demoDecision } from './decision'
import { formatEvent, referenceOf } from './format'
import { type Role, roles } from './roles'

export interface ReceiverOptions {
  role: Role
  /** The receiver's `whsec_…` secret, or several during a rotation; can be set later. */
  secret?: string | string[] | undefined
  /** Default 0 (a free port). */
  port?: number | undefined
  /** Default `127.0.0.1`. */
  host?: string | undefined
  /** Trusted flagger: the hub to post status updates to… */
  hubUrl?: string | undefined
  /** …with this receiver API key. */
  apiKey?: string | undefined
  /** Trusted flagger: post `action_taken` (a decision removing the content) this long after each new report. */
  actAfterMs?: number | undefined
  /** Where lines go; default `console.log`. */
  log?: ((line: string) => void) | undefined
}

export interface ReceivedEvent {
  /** `webhook-id`, stable across the hub's retries. */
  id: string
  receivedAt: Date
  event: WebhookEvent
}

export interface RunningReceiver {
  /** The URL to register at the hub, e.g. `http://127.0.0.1:41234/webhooks`. */
  url: string
  port: number
  role: Role
  /** Every verified event, in arrival order, each message once. */
  events: ReceivedEvent[]
  /** Resolves with the first event (already received or to come) that matches. */
  waitForEvent(
    predicate: (event: WebhookEvent) => boolean,
    timeoutMs?: number,
  ): Promise<ReceivedEvent>
  /** Sets the secret(s), the hub URL or the API key after start (the hub makes the secret). */
  configure(options: Pick<ReceiverOptions, 'secret' | 'hubUrl' | 'apiKey'>): void
  /** Trusted flagger: posts `action_taken` with the platform's decision (content removed). */
  act(reference: string): Promise<{ reference: string; status: string }>
  close(): Promise<void>
}

/**
 * Starts a receiver.
 *
 * @example
 * const receiver = await startReceiver({ role: 'federation', secret: 'whsec_…' })
 * // register receiver.url at the hub, then:
 * const { event } = await receiver.waitForEvent((e) => e.type === 'report.created')
 * await receiver.close()
 */
/** Throws at once for a secret that is not `whsec_…` base64, rather than at the first delivery. */
function checkSecret(secret: string | string[] | undefined): void {
  for (const one of typeof secret === 'string' ? [secret] : (secret ?? [])) {
    signWebhook(one, 'check', 0, '')
  }
}

export async function startReceiver(options: ReceiverOptions): Promise<RunningReceiver> {
  const { role } = options
  checkSecret(options.secret)
  const log = options.log ?? ((line: string) => console.log(line))
  const settings = { secret: options.secret, hubUrl: options.hubUrl, apiKey: options.apiKey }
  const events: ReceivedEvent[] = []
  const seen = new Set<string>()
  const waiters = new Set<(received: ReceivedEvent) => void>()
  const timers = new Set<ReturnType<typeof setTimeout>>()

  async function act(reference: string) {
    if (!settings.hubUrl || !settings.apiKey) {
      throw new Error('Give --hub and --api-key (a receiver API key) to post status updates.')
    }
    const admin = createSafePlaceAdmin({ hubUrl: settings.hubUrl, apiKey: settings.apiKey })
    const answer = await admin.postStatus(reference, {
      status: 'action_taken',
      // No free-text note: the hub words the decision for the reporter in her own language.
      actions: ['content_removed'],
      decision: demoDecision(reference),
    })
    log(`[${roles[role].label}] → posted status ${answer.status} for ${answer.reference}`)
    return answer
  }

  const app = new Hono()
  const handle = async (c: Context) => {
    if (!settings.secret) return c.json({ error: 'no secret configured yet' }, 503)
    try {
      const { id, event } = verifyWebhookMessage(
        await rawBodyFromHono(c),
        c.req.raw.headers,
        settings.secret,
      )
      if (seen.has(id)) {
        log(`[${roles[role].label}] (retry of ${id}, already handled)`)
        return c.body(null, 204)
      }
      seen.add(id)
      const received = { id, receivedAt: new Date(), event }
      events.push(received)
      log(formatEvent(role, id, event))
      for (const waiter of waiters) waiter(received)
      const reference = referenceOf(event)
      if (
        role === 'trusted_flagger' &&
        event.type === 'report.created' &&
        reference &&
        options.actAfterMs !== undefined
      ) {
        const timer = setTimeout(() => {
          timers.delete(timer)
          act(reference).catch((error) =>
            log(
              `[${roles[role].label}] ✘ status update failed: ${String(error?.message ?? error)}`,
            ),
          )
        }, options.actAfterMs)
        timers.add(timer)
      }
      return c.body(null, 204)
    } catch (error) {
      if (isWebhookVerificationError(error)) {
        log(`[${roles[role].label}] ✘ refused a delivery: ${error.code} (${error.message})`)
        return c.json({ error: error.code }, 400)
      }
      throw error
    }
  }
  app.post('/', handle)
  app.post('/webhooks', handle)
  app.get('/', (c) => c.json({ role, events: events.length }))
  app.post('/act/:reference', async (c) => {
    if (role !== 'trusted_flagger') return c.json({ error: 'only the trusted flagger acts' }, 409)
    try {
      return c.json(await act(c.req.param('reference')))
    } catch (error) {
      return c.json({ error: String((error as Error)?.message ?? error) }, 502)
    }
  })

  const host = options.host ?? '127.0.0.1'
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, () => resolve(s))
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : Number(options.port)
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/webhooks`

  return {
    url,
    port,
    role,
    events,
    configure(next) {
      if (next.secret !== undefined) {
        checkSecret(next.secret)
        settings.secret = next.secret
      }
      if (next.hubUrl !== undefined) settings.hubUrl = next.hubUrl
      if (next.apiKey !== undefined) settings.apiKey = next.apiKey
    },
    waitForEvent(predicate, timeoutMs = 5000) {
      const already = events.find((e) => predicate(e.event))
      if (already) return Promise.resolve(already)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter)
          reject(new Error(`No matching event within ${timeoutMs} ms at the ${roles[role].label}`))
        }, timeoutMs)
        const waiter = (received: ReceivedEvent) => {
          if (!predicate(received.event)) return
          clearTimeout(timer)
          waiters.delete(waiter)
          resolve(received)
        }
        waiters.add(waiter)
      })
    },
    act,
    close() {
      for (const timer of timers) clearTimeout(timer)
      return new Promise((resolve, reject) => {
        if ('closeAllConnections' in server) server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      })
    },
  }
}
