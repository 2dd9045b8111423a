/**
 * Raid: 20 000 reports from 2 000 distinct clients through one site key, within a minute.
 * 200 raiders send 90 reports each; 1 800 ordinary clients send one or two. The per-client
 * limit must shed the raiders while every ordinary client gets its 201s, the hub's memory must
 * stay bounded, and the outbox must drain afterwards.
 *
 * Distinct clients are distinct source addresses: each client binds its connection to its own
 * loopback address (127.0.0.2 … 127.0.8.x; Linux routes all of 127/8 to `lo`), so the hub sees
 * 2 000 real peer addresses without trusting any `X-Forwarded-For`.
 *
 * Forged raid: behind one trusted proxy (`SAFE_PLACE_TRUST_PROXY=1`, the suite playing the
 * proxy), raiders write a fresh `X-Forwarded-For` chain on every request and IPv6 raiders take a
 * fresh address of their /64 each time. Each must still count as one client, so the raid cannot
 * spend the site key's budget and ordinary reporters keep getting 201.
 */
import type { ReportIntakeInput } from '@safe-place/schemas'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  forgedEntries,
  forwardedFor,
  ipv4Client,
  ipv6Client,
  rotatingIpv6,
} from '../support/forwarded'
import { type HubDb, messageStates, openHubDb, outboxDrained } from '../support/hub-db'
import { createOperatorKey, type HubProcess, startHubProcess } from '../support/hub-process'
import { clientAddress, clientAgent, keepAliveRetries, postReport } from '../support/load'
import { sampleRss } from '../support/process-memory'
import { sampleReport } from '../support/reports'
import { receiverInput, seedTenant, type Tenant } from '../support/seed'
import { tempDir } from '../support/temp-dir'
import { seededRandom, sleep, soak, waitUntil } from '../support/wait'
import { type RecordingReceiver, startRecordingReceiver } from '../support/webhook-receiver'

const CLIENTS = 2_000
const RAIDERS = 200
const PER_RAIDER = 90
/** Ordinary clients sending a second report (a correction, a second account). */
const TWICE = 200
const TOTAL = RAIDERS * PER_RAIDER + (CLIENTS - RAIDERS) + TWICE
const PER_CLIENT_LIMIT = 10
/** The site's own limit: above its ordinary peak, as an operator would set it. */
const SITE_LIMIT = 5_000
const IN_FLIGHT = 128
const RSS_CEILING_MIB = 384
const ROUNDS = soak ? 3 : 1

interface ClientTally {
  raider: boolean
  sent: number
  accepted: number
  limited: number
  other: number
  first: number
  last: number
}

/** Who sends when: every request of every client (`countOf(c)` each), shuffled together. */
function shuffledSchedule(
  clients: number,
  countOf: (c: number) => number,
  random: () => number,
): number[] {
  const schedule: number[] = []
  for (let c = 0; c < clients; c++) for (let i = 0; i < countOf(c); i++) schedule.push(c)
  for (let i = schedule.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[schedule[i], schedule[j]] = [schedule[j]!, schedule[i]!]
  }
  return schedule
}

const newTallies = (clients: number, raiders: number) =>
  Array.from(
    { length: clients },
    (_, c): ClientTally => ({
      raider: c < raiders,
      sent: 0,
      accepted: 0,
      limited: 0,
      other: 0,
      first: 0,
      last: 0,
    }),
  )

/**
 * Sends the schedule with `IN_FLIGHT` requests at a time, tallying each client's answers: 201
 * accepted, 429 limited (with a `Retry-After`); anything else is an error. Returns the errors
 * (the first five) and how long the raid took.
 */
async function sendAll(
  schedule: readonly number[],
  tallies: ClientTally[],
  send: (c: number) => ReturnType<typeof postReport>,
): Promise<{ errors: string[]; raidMs: number }> {
  const errors: string[] = []
  const started = Date.now()
  let next = 0
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < schedule.length) {
        const c = schedule[next++]!
        const tally = tallies[c]!
        tally.sent++
        const at = Date.now()
        tally.first ||= at
        tally.last = at
        try {
          const answer = await send(c)
          if (answer.status === 201) tally.accepted++
          else if (answer.status === 429) {
            tally.limited++
            if (!(Number(answer.headers['retry-after']) > 0) && errors.length < 5)
              errors.push('429 without a Retry-After')
          } else {
            tally.other++
            if (errors.length < 5) errors.push(`${answer.status} ${answer.body.slice(0, 200)}`)
          }
        } catch (error) {
          tally.other++
          if (errors.length < 5) errors.push(String(error))
        }
      }
    }),
  )
  return { errors, raidMs: Date.now() - started }
}

describe('raid: 20 000 reports from 2 000 clients through one site key', () => {
  const dir = tempDir('safe-place-raid-')
  let hub: HubProcess
  let tenant: Tenant
  let receiver: RecordingReceiver
  let db: HubDb | undefined

  beforeAll(async () => {
    const operatorKey = await createOperatorKey(dir.path)
    hub = await startHubProcess({
      dataDir: dir.path,
      env: {
        WEBHOOK_ALLOW_HTTP: '1',
        WEBHOOK_ALLOW_CIDRS: '127.0.0.1/32',
        SAFE_PLACE_CLIENT_REPORTS_PER_MINUTE: String(PER_CLIENT_LIMIT),
        LOG_LEVEL: 'info',
      },
    })
    tenant = await seedTenant(hub.url, operatorKey, {
      origin: 'http://127.0.0.1:5999',
      rateLimitPerMinute: SITE_LIMIT,
    })
    receiver = await startRecordingReceiver()
    await tenant.admin.receivers.create(
      receiverInput(tenant.partnerId, 'federation', receiver.url, {
        secret: receiver.secret,
        concurrency: 16,
      }),
    )
  })

  afterAll(async () => {
    db?.close()
    await hub?.kill('SIGKILL')
    await receiver?.close()
    dir.remove()
  })

  /** Accepted so far and each round's peak RSS, across soak rounds on the same hub. */
  let acceptedSoFar = 0
  const peaks: number[] = []

  for (let round = 1; round <= ROUNDS; round++) {
    it(`sheds the raiders, keeps every ordinary client's 201s, drains (round ${round})`, async () => {
      // Limits count per fixed one-minute window: a later round starts in a fresh one.
      if (round > 1) await sleep(60_000 - (Date.now() % 60_000) + 100)
      const random = seededRandom(1000 + round)
      const schedule = shuffledSchedule(
        CLIENTS,
        (c) => (c < RAIDERS ? PER_RAIDER : c < RAIDERS + TWICE ? 2 : 1),
        random,
      )
      expect(schedule).toHaveLength(TOTAL)

      const tallies = newTallies(CLIENTS, RAIDERS)
      const consentTo = (await tenant.admin.receivers.list()).map((r) => r.id)
      const report: ReportIntakeInput = sampleReport({}, consentTo)
      const agent = clientAgent(1)
      const rss = sampleRss(hub.child.pid!, 250)
      const retriesBefore = keepAliveRetries.count
      const { errors, raidMs } = await sendAll(schedule, tallies, (c) =>
        postReport(hub.url, tenant.siteKey, report, { agent, localAddress: clientAddress(c) }),
      )
      agent.destroy()

      db ??= await openHubDb(dir.path)
      const drainMs = await waitUntil('the outbox drains', () => outboxDrained(db!), {
        timeoutMs: 120_000,
        intervalMs: 250,
      })
      const memory = rss.stop()
      const states = await messageStates(db)

      const sum = (f: (t: ClientTally) => number, raider: boolean) =>
        tallies.filter((t) => t.raider === raider).reduce((n, t) => n + f(t), 0)
      const accepted = sum((t) => t.accepted, true) + sum((t) => t.accepted, false)
      const limited = sum((t) => t.limited, true) + sum((t) => t.limited, false)
      console.info(
        `raid round ${round}: ${TOTAL} requests in ${raidMs} ms ` +
          `(${Math.round(TOTAL / (raidMs / 1000))}/s); 201: ${accepted} ` +
          `(ordinary ${sum((t) => t.accepted, false)}, raiders ${sum((t) => t.accepted, true)}), ` +
          `429: ${limited} (ordinary ${sum((t) => t.limited, false)}, raiders ` +
          `${sum((t) => t.limited, true)}), other: ${sum((t) => t.other, true) + sum((t) => t.other, false)} ` +
          `${errors.join(' | ')}; hub RSS peak ${Math.round(memory.peakKib / 1024)} MiB ` +
          `(start ${Math.round(memory.samples[0]! / 1024)} MiB); outbox drained ${drainMs} ms ` +
          `after the raid; messages ${JSON.stringify(states)}; ` +
          `${keepAliveRetries.count - retriesBefore} keep-alive races retried`,
      )

      // Within a minute, every request answered 201 or 429, nothing else.
      expect(raidMs).toBeLessThan(60_000)
      expect(errors).toEqual([])
      // Every ordinary client got every one of its reports accepted.
      for (const t of tallies.filter((t) => !t.raider)) {
        expect(t.accepted).toBe(t.sent)
      }
      // Raiders: at most the per-client limit per fixed one-minute window they touched, the
      // rest refused; the limit really bit.
      for (const t of tallies.filter((t) => t.raider)) {
        const windows = Math.floor(t.last / 60_000) - Math.floor(t.first / 60_000) + 1
        expect(t.accepted).toBeGreaterThanOrEqual(1)
        expect(t.accepted).toBeLessThanOrEqual(PER_CLIENT_LIMIT * windows)
        expect(t.accepted + t.limited).toBe(PER_RAIDER)
      }
      expect(sum((t) => t.limited, true)).toBeGreaterThan(
        RAIDERS * (PER_RAIDER - 2 * PER_CLIENT_LIMIT) - 1,
      )

      // Bounded memory: the peak resident size of the hub process during the raid and drain,
      // and no growth from one raid to the next (soak).
      expect(memory.peakKib / 1024).toBeLessThan(RSS_CEILING_MIB)
      peaks.push(memory.peakKib)
      expect(memory.peakKib).toBeLessThan(peaks[0]! * 1.5)

      // Everything accepted is stored and delivered, once each.
      acceptedSoFar += accepted
      const [stored] = await db.all<{ n: number }>('SELECT count(*) AS n FROM reports')
      expect(Number(stored?.n)).toBe(acceptedSoFar)
      expect(states).toEqual({ succeeded: acceptedSoFar })
      expect(receiver.byId().size).toBe(acceptedSoFar)
      expect(receiver.deliveries).toHaveLength(acceptedSoFar)
      expect(receiver.deliveries.every((d) => d.verified)).toBe(true)
    })
  }
})

/** The forged raid: raiders outnumber the site's budget many times over if forging worked. */
const FORGED = {
  raiders: 100,
  perRaider: 100,
  ordinary: 1_000,
  twice: 100,
  /** Above what raiders (10 each) and ordinary clients send in one window, far below the raid. */
  siteLimit: 3_000,
}

describe('forged raid: raiders forge X-Forwarded-For and rotate through their IPv6 /64', () => {
  const dir = tempDir('safe-place-forged-raid-')
  let hub: HubProcess
  let tenant: Tenant

  beforeAll(async () => {
    const operatorKey = await createOperatorKey(dir.path)
    hub = await startHubProcess({
      dataDir: dir.path,
      env: {
        SAFE_PLACE_TRUST_PROXY: '1',
        SAFE_PLACE_CLIENT_REPORTS_PER_MINUTE: String(PER_CLIENT_LIMIT),
      },
    })
    tenant = await seedTenant(hub.url, operatorKey, {
      origin: 'http://127.0.0.1:5999',
      rateLimitPerMinute: FORGED.siteLimit,
    })
  })

  afterAll(async () => {
    await hub?.kill('SIGKILL')
    dir.remove()
  })

  it('holds each raider to one budget, so every ordinary reporter keeps getting 201', async () => {
    const { raiders, perRaider, ordinary, twice, siteLimit } = FORGED
    // The raid alone would spend the site's budget three times over if each forged request
    // counted as a new client.
    expect(raiders * perRaider).toBeGreaterThan(3 * siteLimit)
    const clients = raiders + ordinary
    const random = seededRandom(2024)
    const schedule = shuffledSchedule(
      clients,
      (c) => (c < raiders ? perRaider : c < raiders + twice ? 2 : 1),
      random,
    )
    // Even clients are IPv4, odd ones IPv6, each in its own /64; raiders forge every request.
    const headerFor = (c: number): string => {
      if (c >= raiders) return forwardedFor([], c % 2 ? ipv6Client(c) : ipv4Client(c))
      const seen = c % 2 ? rotatingIpv6(c, random) : ipv4Client(c)
      return forwardedFor(forgedEntries(random), seen)
    }

    const tallies = newTallies(clients, raiders)
    const report = sampleReport()
    const agent = clientAgent(IN_FLIGHT)
    const { errors, raidMs } = await sendAll(schedule, tallies, (c) =>
      postReport(hub.url, tenant.siteKey, report, {
        agent,
        headers: { 'x-forwarded-for': headerFor(c) },
      }),
    )
    agent.destroy()

    const sum = (f: (t: ClientTally) => number, raider: boolean) =>
      tallies.filter((t) => t.raider === raider).reduce((n, t) => n + f(t), 0)
    console.info(
      `forged raid: ${schedule.length} requests in ${raidMs} ms; 201: ordinary ` +
        `${sum((t) => t.accepted, false)}, raiders ${sum((t) => t.accepted, true)}; 429: ` +
        `ordinary ${sum((t) => t.limited, false)}, raiders ${sum((t) => t.limited, true)}`,
    )

    expect(errors).toEqual([])
    // Every ordinary reporter got every report accepted…
    for (const t of tallies.filter((t) => !t.raider)) expect(t.accepted).toBe(t.sent)
    // …because each raider, whatever it forged, got one client's budget per window touched.
    for (const t of tallies.filter((t) => t.raider)) {
      const windows = Math.floor(t.last / 60_000) - Math.floor(t.first / 60_000) + 1
      expect(t.accepted).toBeGreaterThanOrEqual(1)
      expect(t.accepted).toBeLessThanOrEqual(PER_CLIENT_LIMIT * windows)
      expect(t.accepted + t.limited).toBe(perRaider)
    }

    const db = await openHubDb(dir.path)
    try {
      const [stored] = await db.all<{ n: number }>('SELECT count(*) AS n FROM reports')
      expect(Number(stored?.n)).toBe(sum((t) => t.accepted, true) + sum((t) => t.accepted, false))
    } finally {
      db.close()
    }
  })
})
