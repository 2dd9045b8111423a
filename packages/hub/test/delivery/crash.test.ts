import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/db/client'
import { deliveryAttempts, messages } from '../../src/db/schema'
import { manualClock } from '../../src/delivery/clock'
import { claimDue } from '../../src/delivery/transitions'
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

const states = async () =>
  (await t.db.select({ state: messages.state }).from(messages)).map((m) => m.state)

describe('leases', () => {
  it('loses nothing when a worker dies mid-flight: another takes over after the lease', async () => {
    // The endpoint hangs: every attempt is in flight when the worker is killed.
    const hanging: (() => void)[] = []
    server.respond = (_r, _i, res) => {
      hanging.push(() => res.writeHead(200).end())
    }
    const r = await insertReceiver(t, server.url, { concurrency: 8, ratePerSecond: 1000 })
    const ids = await enqueue(t, r.id, 5)
    const first = engineFor(t, { workerId: 'first', leaseMs: 60_000 })
    first.start()
    await waitFor(() => server.received.length === 5)
    await first.kill()
    for (const release of hanging) release()
    expect(await states()).toEqual(Array(5).fill('delivering'))
    expect(await t.db.select().from(deliveryAttempts)).toHaveLength(0)

    // A new process on the same file: nothing before the lease expires, everything after.
    const other = await openDatabase({ url: t.url })
    server.received.length = 0
    server.respond = ok
    const clock = manualClock(Date.now())
    const second = engineFor({ ...t, ...other }, { workerId: 'second', clock })
    expect(await second.runOnce()).toBe(0)
    clock.advance(61_000)
    expect(await second.runOnce()).toBe(5)
    await second.stop()
    await other.close()
    expect(await states()).toEqual(Array(5).fill('succeeded'))
    expect(new Set(server.received.map((q) => q.headers['webhook-id']))).toEqual(new Set(ids))
    const log = await t.db.select().from(deliveryAttempts)
    expect(log.every((a) => a.workerId === 'second')).toBe(true)
  })

  it('never lets two claims hold the same message', async () => {
    const r = await insertReceiver(t, server.url)
    await enqueue(t, r.id, 50)
    // Two processes' worth of connections, each with its own write gate.
    const other = await openDatabase({ url: t.url })
    const gates = [t, other]
    const now = Date.now()
    const claims = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        gates[i % 2]!.write((tx) =>
          claimDue(tx, { workerId: `w${i}`, now, leaseMs: 60_000, limit: 7 }),
        ),
      ),
    )
    await other.close()
    const all = claims.flat().map((m) => m.id)
    expect(all).toHaveLength(50)
    expect(new Set(all).size).toBe(50)
  })

  it('two engines on one database deliver every message exactly once', async () => {
    let inFlight = 0
    let overlap = false
    const seen = new Map<string, number>()
    server.respond = (req, _i, res) => {
      const id = String(req.headers['webhook-id'])
      seen.set(id, (seen.get(id) ?? 0) + 1)
      inFlight++
      setTimeout(() => {
        inFlight--
        res.writeHead(200).end()
      }, 2)
      if ((seen.get(id) ?? 0) > 1) overlap = true
    }
    const r = await insertReceiver(t, server.url, { concurrency: 16, ratePerSecond: 1000 })
    const ids = await enqueue(t, r.id, 200)
    const other = await openDatabase({ url: t.url })
    const a = engineFor(t, { workerId: 'a', batchSize: 10 })
    const b = engineFor({ ...t, ...other }, { workerId: 'b', batchSize: 10 })
    a.start()
    b.start()
    await waitFor(async () => (await states()).every((s) => s === 'succeeded'))
    await Promise.all([a.stop(), b.stop()])
    await other.close()
    expect(overlap).toBe(false)
    expect(seen.size).toBe(200)
    expect([...seen.values()].every((n) => n === 1)).toBe(true)
    expect(new Set(seen.keys())).toEqual(new Set(ids))
    const log = await t.db.select().from(deliveryAttempts)
    expect(log).toHaveLength(200)
    const workers = new Set(log.map((l) => l.workerId))
    expect(workers.size).toBeGreaterThanOrEqual(1)
    expect(inFlight).toBe(0)
    const one = await t.db.select().from(messages).where(eq(messages.id, ids[0]!))
    expect(one[0]?.leaseOwner).toBeNull()
  })
})
