/**
 * Receivers that come back after hours, or after days, on a simulated clock (`clock.ts`): the
 * only honest way to cover a 5-day rule in seconds. The hub's process CLI has no clock seam, so
 * this lives beside the engine rather than in the root `test/receiver-faults/` suite. The
 * schedule is the default one with its ±20 % jitter (a seeded random), the receiver a real HTTP
 * server on 127.0.0.1.
 */
import { and, asc, eq, inArray, lte } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { deliveryAttempts, messages, receivers } from '../../src/db/schema'
import { manualClock } from '../../src/delivery/clock'
import { DEFAULT_RETRY_SCHEDULE_MS } from '../../src/delivery/schedule'
import { replayFailedMessages } from '../../src/delivery/transitions'
import { createTestDb, insertReceiver, type TestDb } from './support/db'
import { engineFor, enqueue } from './support/engine'
import { ok, startReceiver, type TestServer } from './support/receiver-server'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

let t: TestDb
let down: TestServer
let healthy: TestServer
let outage = true
beforeEach(async () => {
  t = await createTestDb()
  outage = true
  down = await startReceiver((_r, _i, res) => {
    if (outage) res.writeHead(503).end('maintenance')
    else ok(_r, _i, res)
  })
  healthy = await startReceiver()
})
afterEach(async () => {
  await Promise.all([down.close(), healthy.close()])
  await t.cleanup()
})

/** A small seeded PRNG, so the jitter is real but a failure can be replayed. */
function seeded(seed: number): () => number {
  let a = seed
  return () => {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0
    return a / 2 ** 32
  }
}

function simulation(clock: ReturnType<typeof manualClock>) {
  const engine = engineFor(t, { clock, random: seeded(7), jitter: 0.2 })
  return {
    engine,
    /** Moves the clock to each due time up to `target`, delivering what is due there. */
    async advanceTo(target: number): Promise<void> {
      for (;;) {
        const [next] = await t.db
          .select({ at: messages.nextAttemptAt })
          .from(messages)
          .innerJoin(receivers, eq(receivers.id, messages.receiverId))
          .where(
            and(
              inArray(messages.state, ['pending', 'failed']),
              eq(receivers.enabled, true),
              lte(messages.nextAttemptAt, new Date(target)),
            ),
          )
          .orderBy(asc(messages.nextAttemptAt))
          .limit(1)
        if (!next?.at) break
        clock.set(Math.max(clock.now(), next.at.getTime()))
        await engine.runOnce()
      }
      clock.set(Math.max(clock.now(), target))
    },
  }
}

const attemptsOf = async (messageId: string) =>
  (
    await t.db
      .select()
      .from(deliveryAttempts)
      .where(eq(deliveryAttempts.messageId, messageId))
      .orderBy(asc(deliveryAttempts.attemptedAt))
  ).map((a) => ({ at: a.attemptedAt.getTime(), status: a.responseStatus }))

const receiverRow = async (id: string) =>
  (await t.db.select().from(receivers).where(eq(receivers.id, id)))[0]

describe('a receiver that comes back after hours', () => {
  it('gets every message on the next scheduled retry, same webhook-id, never early, still enabled', async () => {
    const clock = manualClock(Date.parse('2026-11-23T08:00:00Z'))
    const start = clock.now()
    const sim = simulation(clock)
    const broken = await insertReceiver(t, down.url, { concurrency: 16, ratePerSecond: 1000 })
    const fine = await insertReceiver(t, healthy.url, { concurrency: 16, ratePerSecond: 1000 })
    // Reports keep coming during the first hour of the outage.
    const ids: string[] = []
    const fineIds: string[] = []
    for (let m = 0; m < 60; m += 10) {
      await sim.advanceTo(start + m * MINUTE)
      ids.push(...(await enqueue(t, broken.id, 3, { now: new Date(clock.now()) })))
      fineIds.push(...(await enqueue(t, fine.id, 3, { now: new Date(clock.now()) })))
    }
    await sim.advanceTo(start + 7 * HOUR)
    // Seven hours down: retried on the schedule, nothing delivered, not disabled (< 5 days).
    expect(new Set(healthy.received.map((r) => r.headers['webhook-id']))).toEqual(new Set(fineIds))
    expect(healthy.received).toHaveLength(fineIds.length)
    const failing = await receiverRow(broken.id)
    expect(failing).toMatchObject({ enabled: true })
    expect(failing?.failingSince?.getTime()).toBe(start)

    outage = false
    const before = down.received.length
    await sim.advanceTo(start + 20 * HOUR)
    await sim.engine.stop()

    const rows = await t.db.select().from(messages).where(inArray(messages.id, ids))
    expect(rows.every((m) => m.state === 'succeeded')).toBe(true)
    // After the outage, each message exactly once more, under its own id.
    const after = down.received.slice(before).map((r) => String(r.headers['webhook-id']))
    expect(after.sort()).toEqual([...ids].sort())
    expect(new Set(down.received.map((r) => String(r.headers['webhook-id'])))).toEqual(new Set(ids))
    expect((await receiverRow(broken.id))?.failingSince).toBeNull()

    for (const id of ids) {
      const attempts = await attemptsOf(id)
      expect(attempts.at(-1)?.status).toBe(200)
      expect(attempts.slice(0, -1).every((a) => a.status === 503)).toBe(true)
      // Each gap is the schedule's step within ±20 %: never early, never later than jitter.
      for (let i = 1; i < attempts.length; i++) {
        const base = DEFAULT_RETRY_SCHEDULE_MS[i]!
        const gap = attempts[i]!.at - attempts[i - 1]!.at
        expect(gap).toBeGreaterThanOrEqual(Math.floor(base * 0.8))
        expect(gap).toBeLessThanOrEqual(Math.ceil(base * 1.2))
      }
      // Back at 7 h: the success is the first attempt due after that, at most 10 h × 1.2 later.
      expect(attempts.at(-1)!.at).toBeGreaterThanOrEqual(start + 7 * HOUR)
      expect(attempts.at(-2)!.at).toBeLessThan(start + 7 * HOUR)
    }
  })
})

describe('a receiver that comes back after six days', () => {
  it('is disabled after five days of failure; enabled and replayed, it gets every message once', async () => {
    const clock = manualClock(Date.parse('2026-11-23T08:00:00Z'))
    const start = clock.now()
    const sim = simulation(clock)
    const broken = await insertReceiver(t, down.url, { concurrency: 16, ratePerSecond: 1000 })
    const ids: string[] = []
    // A report every six hours for six days; each fails until its schedule is exhausted.
    for (let h = 0; h < 6 * 24; h += 6) {
      await sim.advanceTo(start + h * HOUR)
      if ((await receiverRow(broken.id))?.enabled) {
        ids.push(...(await enqueue(t, broken.id, 1, { now: new Date(clock.now()) })))
      }
    }
    await sim.advanceTo(start + 6 * DAY)
    const disabled = await receiverRow(broken.id)
    expect(disabled?.enabled).toBe(false)
    expect(disabled?.disabledReason).toMatch(/Failing continuously since 2026-11-23T08:00:00/)
    // Disabled once failing for five days, not before: the last attempt is after that point.
    const lastAttempt = Math.max(
      ...(await t.db.select().from(deliveryAttempts)).map((a) => a.attemptedAt.getTime()),
    )
    expect(lastAttempt).toBeGreaterThanOrEqual(start + 5 * DAY)
    expect(lastAttempt).toBeLessThan(start + 5 * DAY + 12 * HOUR)
    const rows = await t.db.select().from(messages).where(inArray(messages.id, ids))
    expect(rows.filter((m) => m.state === 'succeeded')).toHaveLength(0)
    expect(rows.some((m) => m.state === 'dead')).toBe(true)
    const calls = down.received.length
    await sim.advanceTo(start + 6 * DAY + 12 * HOUR)
    expect(down.received.length).toBe(calls) // disabled: nothing sent, whatever is due

    // Back: the operator enables it and replays the whole outage.
    outage = false
    await t.write((tx) =>
      tx
        .update(receivers)
        .set({ enabled: true, disabledReason: null, failingSince: null })
        .where(eq(receivers.id, broken.id)),
    )
    const replayed = await t.write((tx) =>
      replayFailedMessages(
        tx,
        broken.id,
        new Date(start),
        new Date(clock.now()),
        new Date(clock.now()),
      ),
    )
    expect(replayed).toBe(ids.length)
    await sim.advanceTo(clock.now() + MINUTE)
    await sim.engine.stop()
    const done = await t.db.select().from(messages).where(inArray(messages.id, ids))
    expect(done.every((m) => m.state === 'succeeded')).toBe(true)
    const after = down.received.slice(calls).map((r) => String(r.headers['webhook-id']))
    expect(after.sort()).toEqual([...ids].sort())
  })
})
