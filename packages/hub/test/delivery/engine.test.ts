import { eq } from 'drizzle-orm'
import { Webhook as StandardWebhook } from 'standardwebhooks'
import { Webhook as SvixWebhook } from 'svix'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { deliveryAttempts, messages, receivers } from '../../src/db/schema'
import { manualClock } from '../../src/delivery/clock'
import { getMessage } from '../../src/delivery/messages-store'
import { createTestDb, insertReceiver, type TestDb } from './support/db'
import { engineFor, enqueue, waitFor } from './support/engine'
import { ok, startReceiver, type TestServer } from './support/receiver-server'

let t: TestDb
let server: TestServer
beforeEach(async () => {
  t = await createTestDb()
  server = await startReceiver()
})
afterEach(async () => {
  await server.close()
  await t.cleanup()
})

const messageRow = async (id: string) =>
  (await t.db.select().from(messages).where(eq(messages.id, id)))[0]
const receiverRow = async (id: string) =>
  (await t.db.select().from(receivers).where(eq(receivers.id, id)))[0]

describe('embedded delivery engine', () => {
  it('delivers signed bodies that standardwebhooks and svix both verify', async () => {
    const r = await insertReceiver(t, server.url)
    const ids = await enqueue(t, r.id, 3)
    const engine = engineFor(t)
    engine.start()
    engine.wake()
    await waitFor(() => server.received.length === 3)
    await engine.stop()
    for (const req of server.received) {
      const headers = {
        'webhook-id': String(req.headers['webhook-id']),
        'webhook-timestamp': String(req.headers['webhook-timestamp']),
        'webhook-signature': String(req.headers['webhook-signature']),
      }
      expect(ids).toContain(headers['webhook-id'])
      const a = new StandardWebhook(r.secret).verify(req.body, headers) as { type: string }
      expect(a.type).toBe('webhook.test')
      expect(() => new SvixWebhook(r.secret).verify(req.body, headers)).not.toThrow()
      expect(() => new StandardWebhook(r.secret).verify(`${req.body}x`, headers)).toThrow()
    }
    for (const id of ids) expect((await messageRow(id))?.state).toBe('succeeded')
  })

  it('retries a flaky receiver until it recovers: one success, same webhook-id', async () => {
    server.respond = (_req, i, res) => {
      if (i < 3) res.writeHead(500).end('down')
      else ok(_req, i, res)
    }
    const clock = manualClock()
    const r = await insertReceiver(t, server.url)
    const [id] = await enqueue(t, r.id, 1, { now: new Date(clock.now()) })
    const engine = engineFor(t, { clock })
    expect(await engine.runOnce()).toBe(1)
    expect(await messageRow(id!)).toMatchObject({ state: 'failed', attempts: 1 })
    expect(await engine.runOnce()).toBe(0) // not due for 5 s
    clock.advance(5_000)
    await engine.runOnce()
    clock.advance(300_000)
    await engine.runOnce()
    expect(await messageRow(id!)).toMatchObject({ state: 'failed', attempts: 3 })
    expect((await receiverRow(r.id))?.failingSince).not.toBeNull()
    clock.advance(1_800_000)
    await engine.runOnce()
    clock.advance(10 * 3600_000)
    await engine.runOnce()
    await engine.stop()
    expect(server.received).toHaveLength(4)
    expect(new Set(server.received.map((q) => q.headers['webhook-id']))).toEqual(new Set([id]))
    // A fresh timestamp per attempt.
    expect(new Set(server.received.map((q) => q.headers['webhook-timestamp'])).size).toBe(4)
    expect(await messageRow(id!)).toMatchObject({
      state: 'succeeded',
      attempts: 4,
      lastError: null,
    })
    expect((await receiverRow(r.id))?.failingSince).toBeNull()
    const log = await t.db
      .select()
      .from(deliveryAttempts)
      .where(eq(deliveryAttempts.messageId, id!))
    expect(log.map((a) => a.responseStatus).sort()).toEqual([200, 500, 500, 500])
    // The receiver's answer is kept for diagnosis, sealed at rest, opened for the operator.
    const failed = log.find((a) => a.responseStatus === 500)!
    expect(failed.responseBody).not.toContain('down')
    const detail = await getMessage(t.db, t.keyring, id!)
    expect(detail?.attempts.find((a) => a.responseStatus === 500)?.responseBody).toBe('down')
  })

  it('gives up (dead) when the schedule is exhausted', async () => {
    server.respond = (_r, _i, res) => res.writeHead(500).end()
    const clock = manualClock()
    const r = await insertReceiver(t, server.url)
    const [id] = await enqueue(t, r.id, 1, { now: new Date(clock.now()) })
    const engine = engineFor(t, { clock, retryScheduleMs: [0, 1000, 1000] })
    for (let i = 0; i < 5; i++) {
      await engine.runOnce()
      clock.advance(2000)
    }
    await engine.stop()
    expect(server.received).toHaveLength(3)
    expect(await messageRow(id!)).toMatchObject({ state: 'dead', attempts: 3, nextAttemptAt: null })
  })

  it('honours Retry-After on 429/503', async () => {
    server.respond = (_r, i, res) => {
      if (i === 0) res.writeHead(429, { 'retry-after': '120' }).end()
      else if (i === 1) res.writeHead(503, { 'retry-after': '7' }).end()
      else res.writeHead(204).end()
    }
    const clock = manualClock()
    const r = await insertReceiver(t, server.url)
    const [id] = await enqueue(t, r.id, 1, { now: new Date(clock.now()) })
    const engine = engineFor(t, { clock })
    await engine.runOnce()
    expect((await messageRow(id!))?.nextAttemptAt?.getTime()).toBe(clock.now() + 120_000)
    clock.advance(119_000)
    expect(await engine.runOnce()).toBe(0)
    clock.advance(1_000)
    expect(await engine.runOnce()).toBe(1)
    expect((await messageRow(id!))?.nextAttemptAt?.getTime()).toBe(clock.now() + 7_000)
    clock.advance(7_000)
    await engine.runOnce()
    await engine.stop()
    expect(await messageRow(id!)).toMatchObject({ state: 'succeeded', attempts: 3 })
  })

  it('treats a redirect as a failure and never follows it', async () => {
    const target = await startReceiver()
    server.respond = (_r, _i, res) => res.writeHead(307, { location: target.url }).end()
    const r = await insertReceiver(t, server.url)
    const [id] = await enqueue(t, r.id)
    const engine = engineFor(t)
    await engine.runOnce()
    await engine.stop()
    expect(target.received).toHaveLength(0)
    expect((await messageRow(id!))?.lastError).toMatch(/307/)
    await target.close()
  })

  it('disables an endpoint answering 410 Gone', async () => {
    server.respond = (_r, _i, res) => res.writeHead(410).end('gone')
    const r = await insertReceiver(t, server.url)
    await enqueue(t, r.id, 2)
    const engine = engineFor(t, { batchSize: 1 })
    await engine.runOnce()
    await engine.stop()
    expect(server.received).toHaveLength(1) // the second message waits for re-enabling
    expect(await receiverRow(r.id)).toMatchObject({ enabled: false })
    expect((await receiverRow(r.id))?.disabledReason).toMatch(/410/)
  })

  it('disables an endpoint failing continuously for 5 days, not before', async () => {
    server.respond = (_r, _i, res) => res.writeHead(500).end()
    const clock = manualClock()
    const r = await insertReceiver(t, server.url, { ratePerSecond: 1000, concurrency: 16 })
    const engine = engineFor(t, { clock })
    const hour = 3600_000
    for (let h = 0; h < 5 * 24; h += 6) {
      await enqueue(t, r.id, 1, { now: new Date(clock.now()) })
      await engine.runOnce()
      expect((await receiverRow(r.id))?.enabled).toBe(true)
      clock.advance(6 * hour)
    }
    await enqueue(t, r.id, 1, { now: new Date(clock.now()) })
    await engine.runOnce()
    await engine.stop()
    const row = await receiverRow(r.id)
    expect(row?.enabled).toBe(false)
    expect(row?.disabledReason).toMatch(/Failing continuously/)
  })

  it('delivers urgent messages first', async () => {
    const r = await insertReceiver(t, server.url, { concurrency: 1 })
    const now = new Date()
    const normal = await enqueue(t, r.id, 3, { now: new Date(now.getTime() - 1000) })
    const urgent = await enqueue(t, r.id, 2, { urgent: true, now })
    const engine = engineFor(t, { batchSize: 1 })
    await engine.runOnce()
    await engine.stop()
    const order = server.received.map((q) => String(q.headers['webhook-id']))
    expect(new Set(order.slice(0, 2))).toEqual(new Set(urgent))
    expect(new Set(order.slice(2))).toEqual(new Set(normal))
  })

  it('refuses at delivery an endpoint that is not allowed, and a name resolving to loopback', async () => {
    const r = await insertReceiver(t, server.url)
    const [id] = await enqueue(t, r.id)
    const strict = engineFor(t, { ssrf: { allowHttp: true } })
    await strict.runOnce()
    await strict.stop()
    expect(server.received).toHaveLength(0)
    expect((await messageRow(id!))?.lastError).toMatch(/loopback/)

    const port = new URL(server.url).port
    const named = await insertReceiver(t, `http://hooks.rebind.test:${port}/hook`)
    const [id2] = await enqueue(t, named.id)
    const resolver = (
      _h: string,
      cb: (e: null, a: { address: string; family: number }[]) => void,
    ) => cb(null, [{ address: '127.0.0.1', family: 4 }])
    const refusing = engineFor(t, { ssrf: { allowHttp: true }, resolver, retryScheduleMs: [0] })
    await refusing.runOnce()
    await refusing.stop()
    expect(server.received).toHaveLength(0)
    expect((await messageRow(id2!))?.lastError).toMatch(/refused address/)
  })
})
