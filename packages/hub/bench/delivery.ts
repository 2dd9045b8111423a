/**
 * `pnpm bench:delivery`: how fast signed webhooks leave the outbox, and how soon after a 201.
 *
 * 1. Throughput: N `report.created` bodies queued in the outbox, delivered by the embedded
 *    engine (lease, sign, POST, record) to a receiver on 127.0.0.1 — side by side, in the same
 *    run, with plain POSTs of the same bodies by the same HTTP client at the same concurrency,
 *    and with signed POSTs that skip the outbox (open the sealed payload, sign, POST, seal the
 *    answer: the ceiling of any durable outbox): one warm-up round of each, then
 *    `BENCH_ROUNDS` alternating rounds, best of each side. The hub's CPU per signed message is
 *    the figure with a goal (≤ 300 µs); the ratio to plain POSTs is information only.
 * 2. Latency from the intake's `201` to the receiver's first byte (request headers arriving),
 *    p50/p99, with the hub idle (one report at a time) and under intake load (concurrent
 *    reports), through the real `createHub` intake route over HTTP on 127.0.0.1.
 *
 * Real libSQL file (WAL, fsync on commit). Prints a table; asserts nothing. With
 * `BENCH_JSON=<file>`, also writes the figures as JSON there (for the root `pnpm bench`).
 */

import { fork } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { createClient } from '@libsql/client'
import { inArray } from 'drizzle-orm'
import pino from 'pino'
import { createPartner } from '../src/admin/partners'
import { createSiteKey } from '../src/admin/site-keys'
import { createHub } from '../src/app'
import { Keyring } from '../src/crypto/keyring'
import { openDatabase } from '../src/db/client'
import { deliveryAttempts, messages, receivers } from '../src/db/schema'
import { createDeliveryEngine } from '../src/delivery/engine'
import { createHttpClient } from '../src/delivery/http-client'
import { enqueueMessages, payloadContext } from '../src/delivery/outbox'
import { buildReportCreatedEvent } from '../src/delivery/payloads'
import { sealResponseBody } from '../src/delivery/response-body'
import { generateWebhookSecret, secretContext } from '../src/delivery/secrets'
import { signWebhook } from '../src/delivery/signer'
import { newId } from '../src/ids'
import { makeReport } from '../test/delivery/support/report'
import { type ThreadSplit, threadCpu } from './thread-cpu'

const N = Number(process.env.BENCH_MESSAGES ?? 3000)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32)
const IDLE_REPORTS = Number(process.env.BENCH_IDLE_REPORTS ?? 200)
const LOAD_REPORTS = Number(process.env.BENCH_LOAD_REPORTS ?? 600)
const LOAD_CONCURRENCY = Number(process.env.BENCH_LOAD_CONCURRENCY ?? 16)
/** The steady figure between commits: the hub's CPU per signed message, on 2 vCPU. */
const CPU_GOAL_MICROS = 300
const ORIGIN = 'https://bench.example'
const SSRF = { allowHttp: true, allowCidrs: ['127.0.0.1/32'] }

const intake = {
  category: 'threat',
  what: {
    description: 'Des menaces répétées sous chacune de mes vidéos depuis une semaine.',
    ongoing: true,
  },
  where: {
    platform: 'instagram',
    contentUrls: ['https://www.instagram.com/p/abc123/'],
    accounts: [{ handle: '@someone' }],
  },
  who: { role: 'target' },
  goodFaith: true,
  context: { locale: 'fr', source: 'sdk' },
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a')

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'sp-bench-delivery-'))
  // As `serve` runs it: claims and outcomes written through the database's write gate.
  const url = `file:${join(dir, 'hub.db')}`
  const handle = await openDatabase({ url })
  await handle.migrate()
  const inspect = createClient({ url })
  const db = handle.db
  const keyring = new Keyring({ id: 'b1', key: randomBytes(32) })
  const logger = pino({ level: 'silent' })

  // The receiver runs in its own process (as a real one would); it reports when each request's
  // headers arrived, by webhook-id, in epoch milliseconds comparable across processes.
  const arrivals = new Map<string, number>()
  let received = 0
  const receiver = fork(fileURLToPath(new URL('./delivery-receiver.mjs', import.meta.url)))
  const port = await new Promise<number>((resolve) => {
    receiver.on('message', (m: { port?: number; arrivals?: [string, number][] }) => {
      if (m.port) resolve(m.port)
      for (const [id, at] of m.arrivals ?? []) {
        received++
        if (id) arrivals.set(id, at)
      }
    })
  })
  const receiverUrl = `http://127.0.0.1:${port}/hook`

  const partner = await handle.write((tx) =>
    createPartner(tx, { name: 'Bench', kind: 'brand' }, new Date()),
  )
  const receiverId = newId('rcv')
  const receiverRow = {
    id: receiverId,
    partnerId: partner.id,
    kind: 'federation',
    name: { fr: 'Bench', en: 'Bench' },
    purpose: { fr: 'Bench', en: 'Bench' },
    url: receiverUrl,
    profile: 'full',
    filters: {},
    consentRequired: false,
    secretSealed: keyring.seal(generateWebhookSecret(), secretContext(receiverId)),
    concurrency: CONCURRENCY,
    // Pacing is not what is measured here.
    ratePerSecond: 1_000_000,
  }
  await handle.write((tx) => tx.insert(receivers).values(receiverRow))

  // --- 1. throughput -------------------------------------------------------------------------
  const event = buildReportCreatedEvent(
    makeReport(),
    { id: receiverId, kind: 'federation', profile: 'full' },
    new Date(),
  )
  const body = JSON.stringify(event)
  const batch = Array.from({ length: N }, () => ({
    receiverId,
    reportId: null,
    event,
    urgent: false,
  }))

  const cpu = { signed: [] as number[], plain: [] as number[], bare: [] as number[] }
  /** The signed rounds' CPU per message by thread (Linux only). */
  const threadSplits: ThreadSplit[] = []
  const cpuMicros = (from: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(from)
    return (used.user + used.system) / N
  }

  async function signedRound(): Promise<number> {
    for (let i = 0; i < batch.length; i += 500) {
      const slice = batch.slice(i, i + 500)
      await handle.write((tx) => enqueueMessages(tx, keyring, slice, new Date()))
    }
    const byThread = threadCpu()
    const cpuStart = process.cpuUsage()
    const engine = createDeliveryEngine({
      database: handle,
      keyring,
      logger,
      ssrf: SSRF,
      maxInFlight: CONCURRENCY * 8,
      batchSize: 256,
      pollIntervalMs: 5,
    })
    const target = received + N
    const start = performance.now()
    engine.start()
    // Watch the receiver, not the database, so the bench adds no queries of its own.
    while (received < target) await new Promise((r) => setTimeout(r, 2))
    const seconds = (performance.now() - start) / 1000
    cpu.signed.push(cpuMicros(cpuStart))
    const split = byThread?.(N)
    if (split) threadSplits.push(split)
    await engine.stop()
    const [left] = await db
      .select({ n: messages.id })
      .from(messages)
      .where(inArray(messages.state, ['pending', 'delivering', 'failed']))
      .limit(1)
    if (left) throw new Error('The signed round left undelivered messages')
    return N / seconds
  }

  /**
   * POSTs the same body `N` times at `CONCURRENCY`, through the same HTTP client as the engine;
   * `each` may prepare every request (and look at its answer) around the POST.
   */
  async function postRound(
    side: 'plain' | 'bare',
    each: (
      post: (body: string, headers: Record<string, string>) => Promise<string>,
    ) => Promise<void>,
  ): Promise<number> {
    const client = createHttpClient({ ssrf: SSRF, connections: CONCURRENCY })
    const post = async (b: string, headers: Record<string, string>) =>
      (await client.post(receiverUrl, b, headers)).body
    let next = 0
    const cpuStart = process.cpuUsage()
    const start = performance.now()
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < N) {
          next++
          await each(post)
        }
      }),
    )
    const seconds = (performance.now() - start) / 1000
    cpu[side].push(cpuMicros(cpuStart))
    await client.close()
    return N / seconds
  }

  const plainRound = () => postRound('plain', async (post) => void (await post(body, {})))

  // What signing costs without the outbox: open the sealed payload, sign it, POST it, seal the
  // answer — everything a delivery does but the database. The ceiling any outbox could reach.
  const sealedBody = keyring.seal(body, payloadContext('msg_bench'))
  const secrets = { current: generateWebhookSecret() }
  const bareRound = () =>
    postRound('bare', async (post) => {
      const opened = keyring.open(sealedBody, payloadContext('msg_bench'))
      const headers = signWebhook(secrets, 'msg_bench', new Date(), opened)
      sealResponseBody(keyring, 'msg_bench', await post(opened, { ...headers }))
    })

  // A warm-up round of each side first (JIT, connections, page cache), not reported. Then
  // alternate rounds so a noisy neighbour hurts both sides alike; keep each side's best.
  await signedRound()
  await plainRound()
  await bareRound()
  cpu.signed.length = 0
  cpu.plain.length = 0
  cpu.bare.length = 0
  threadSplits.length = 0
  const signedRuns: number[] = []
  const plainRuns: number[] = []
  const bareRuns: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    signedRuns.push(await signedRound())
    plainRuns.push(await plainRound())
    bareRuns.push(await bareRound())
  }
  // The split of the round whose CPU per message is reported (the lowest).
  const split = threadSplits[cpu.signed.indexOf(Math.min(...cpu.signed))]
  const splitText = split
    ? `${fmt(split.main, 0)} | ${fmt(split.started, 0)} | ${fmt(split.others, 0)}`
    : 'n/a (needs /proc)'
  const signedRate = Math.max(...signedRuns)
  const plainRate = Math.max(...plainRuns)
  const bareRate = Math.max(...bareRuns)

  // --- 2. latency from 201 to the receiver's first byte ---------------------------------------
  const site = await handle.write(async (tx) => {
    await tx.delete(deliveryAttempts)
    await tx.delete(messages)
    return createSiteKey(
      tx,
      undefined,
      {
        partnerId: partner.id,
        allowedOrigins: [ORIGIN],
        requireChallenge: false,
        rateLimitPerMinute: 100_000,
      },
      new Date(),
    )
  })
  const live = createDeliveryEngine({
    database: handle,
    keyring,
    logger,
    ssrf: SSRF,
    pollIntervalMs: 1_000,
  })
  const app = createHub({
    database: handle,
    keyring,
    logger,
    engine: live,
    settings: { clientReportsPerMinute: 1_000_000, siteKeyRateMultiplier: 1000 },
  })
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((r) => server.once('listening', () => r()))
  const hubPort = (server.address() as AddressInfo).port
  live.start()
  const payload = JSON.stringify(intake)

  /** POSTs one report; resolves with the time its 201 arrived and its reference. */
  const submit = () =>
    new Promise<{ at: number; reference: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: hubPort,
          path: '/v1/reports',
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            origin: ORIGIN,
            'safe-place-site-key': site.key,
          },
        },
        (res) => {
          const at = performance.timeOrigin + performance.now()
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => {
            if (res.statusCode !== 201)
              return reject(
                new Error(`intake answered ${res.statusCode}: ${Buffer.concat(chunks)}`),
              )
            resolve({
              at,
              reference: (JSON.parse(Buffer.concat(chunks).toString()) as { reference: string })
                .reference,
            })
          })
        },
      )
      req.on('error', reject)
      req.end(payload)
    })

  /** Message ids by report reference, once the outbox has them. */
  async function messageIdFor(reference: string): Promise<string | undefined> {
    const rows = await inspect.execute({
      sql: 'SELECT m.id FROM messages m JOIN reports r ON r.id = m.report_id WHERE r.reference = ?',
      args: [reference],
    })
    return rows.rows[0]?.id as string | undefined
  }

  async function latencyOf(sent: { at: number; reference: string }[]): Promise<number[]> {
    const until = Date.now() + 30_000
    const out: number[] = []
    for (const s of sent) {
      const id = await messageIdFor(s.reference)
      if (!id) continue
      while (!arrivals.has(id) && Date.now() < until) await new Promise((r) => setTimeout(r, 2))
      const arrived = arrivals.get(id)
      // First byte can precede the 201's arrival at the client: the engine is woken at commit.
      if (arrived !== undefined) out.push(Math.max(0, arrived - s.at))
    }
    return out.sort((a, b) => a - b)
  }

  const idle: { at: number; reference: string }[] = []
  for (let i = 0; i < IDLE_REPORTS; i++) {
    const s = await submit()
    idle.push(s)
    const id = await messageIdFor(s.reference)
    const wait = Date.now() + 5_000
    while (id && !arrivals.has(id) && Date.now() < wait) await new Promise((r) => setTimeout(r, 1))
  }
  const idleLatency = await latencyOf(idle)

  const loaded: { at: number; reference: string }[] = []
  let launched = 0
  const loadStart = performance.now()
  await Promise.all(
    Array.from({ length: LOAD_CONCURRENCY }, async () => {
      while (launched < LOAD_REPORTS) {
        launched++
        loaded.push(await submit())
      }
    }),
  )
  const intakeRate = LOAD_REPORTS / ((performance.now() - loadStart) / 1000)
  const loadLatency = await latencyOf(loaded)
  await live.stop()
  server.close()
  receiver.kill()
  handle.close()
  rmSync(dir, { recursive: true, force: true })

  const rows: [string, string][] = [
    ['body size', `${Buffer.byteLength(body)} B (report.created, full profile)`],
    ['messages / concurrency', `${N} / ${CONCURRENCY}`],
    ['signed deliveries/s (outbox → receiver)', fmt(signedRate, 0)],
    ['plain POSTs/s (same client, same bodies)', fmt(plainRate, 0)],
    ['signed POSTs/s, no outbox (open, sign, POST, seal)', fmt(bareRate, 0)],
    [
      '  each round (signed | plain | no outbox)',
      signedRuns
        .map((v, i) => `${fmt(v, 0)} | ${fmt(plainRuns[i] ?? 0, 0)} | ${fmt(bareRuns[i] ?? 0, 0)}`)
        .join(', '),
    ],
    [
      'CPU per message, signed | plain | no outbox (µs, best round)',
      [cpu.signed, cpu.plain, cpu.bare].map((c) => fmt(Math.min(...c), 0)).join(' | '),
    ],
    ['  signed, by thread: main | started threads | V8 and libuv helpers (µs)', splitText],
    ['ratio signed / plain (information)', `${fmt((signedRate / plainRate) * 100, 0)} %`],
    [
      'CPU per signed message (hub process, best round)',
      `${fmt(Math.min(...cpu.signed), 0)} µs  (goal ≤ ${CPU_GOAL_MICROS} µs)`,
    ],
    ['ratio no outbox / plain (the ceiling)', `${fmt((bareRate / plainRate) * 100, 0)} %`],
    [
      '201 → first byte, idle, p50',
      `${fmt(pct(idleLatency, 50))} ms  (goal ≤ 50 ms; n=${idleLatency.length})`,
    ],
    ['201 → first byte, idle, p99', `${fmt(pct(idleLatency, 99))} ms`],
    [
      `201 → first byte, under intake load (${LOAD_CONCURRENCY} concurrent, ${fmt(intakeRate, 0)} reports/s), p50`,
      `${fmt(pct(loadLatency, 50))} ms  (n=${loadLatency.length})`,
    ],
    ['201 → first byte, under intake load, p99', `${fmt(pct(loadLatency, 99))} ms`],
  ]
  const width = Math.max(...rows.map(([k]) => k.length))
  console.log('\nSafe Place hub — delivery bench (127.0.0.1, libSQL file, WAL, synchronous=FULL)\n')
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`)
  console.log(`\nreceiver requests: ${received}`)
  if (process.env.BENCH_JSON) {
    const signedCpu = Math.min(...cpu.signed)
    const plainCpu = Math.min(...cpu.plain)
    const bareCpu = Math.min(...cpu.bare)
    writeFileSync(
      process.env.BENCH_JSON,
      JSON.stringify({
        bench: 'delivery',
        setup: `${N} messages × ${ROUNDS} rounds, concurrency ${CONCURRENCY}, ${Buffer.byteLength(body)} B bodies`,
        rows: [
          {
            figure: 'signed deliveries/s, outbox → receiver',
            value: `${fmt(signedRate, 0)}/s`,
            beside: `${fmt(plainRate, 0)}/s plain POSTs`,
            ratio: `${fmt((signedRate / plainRate) * 100, 0)} %`,
            goal: '',
            met: null,
          },
          {
            figure: 'signed POSTs/s without the outbox (open, sign, POST, seal)',
            value: `${fmt(bareRate, 0)}/s`,
            beside: `${fmt(plainRate, 0)}/s plain POSTs`,
            ratio: `${fmt((bareRate / plainRate) * 100, 0)} %`,
            goal: '',
            met: null,
          },
          {
            figure: 'CPU per message (hub process)',
            value: `${fmt(signedCpu, 0)} µs`,
            beside: `${fmt(plainCpu, 0)} µs plain, ${fmt(bareCpu, 0)} µs no outbox`,
            ratio: `×${fmt(signedCpu / plainCpu)}`,
            goal: `≤ ${CPU_GOAL_MICROS} µs`,
            met: signedCpu <= CPU_GOAL_MICROS,
          },
          {
            figure: 'CPU per signed message: main | started threads | helpers',
            value: `${splitText} µs`,
            beside: '',
            ratio: '',
            goal: '',
            met: null,
          },
          {
            figure: '201 → receiver first byte, idle, p50 / p99',
            value: `${fmt(pct(idleLatency, 50))} / ${fmt(pct(idleLatency, 99))} ms`,
            beside: '',
            ratio: '',
            goal: 'p50 ≤ 50 ms',
            met: pct(idleLatency, 50) <= 50,
          },
          {
            figure: `201 → first byte, under intake load (${fmt(intakeRate, 0)} reports/s), p50 / p99`,
            value: `${fmt(pct(loadLatency, 50))} / ${fmt(pct(loadLatency, 99))} ms`,
            beside: '',
            ratio: '',
            goal: '',
            met: null,
          },
        ],
        raw: {
          signedRuns,
          plainRuns,
          bareRuns,
          threadSplits,
          cpu,
          idle: { p50: pct(idleLatency, 50), p99: pct(idleLatency, 99), n: idleLatency.length },
          load: {
            p50: pct(loadLatency, 50),
            p99: pct(loadLatency, 99),
            n: loadLatency.length,
            intakeRate,
          },
        },
      }),
    )
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
