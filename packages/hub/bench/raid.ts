/**
 * `pnpm bench:raid`: the workload users care about, end to end on this machine. A raid is a
 * burst of reports about one creator; here every report consents to three receivers — a
 * federation (`full`), a trusted flagger (`notice`), a moderation vendor (`content`), each its
 * own process answering 204 — so each accepted report becomes three signed webhooks. The hub is
 * `safe-place-hub serve` as an operator runs it (its own process, fresh libSQL file, WAL,
 * synchronous=FULL, request logs at info), driven only through its CLI and HTTP API.
 *
 * Fixed-rate steps (open loop, `open-loop.ts`) go up by doubling, then bisect, to the highest
 * rate at which intake p99 stays ≤ 100 ms and the outbox lag (oldest undelivered message,
 * sampled every 250 ms) stays ≤ 2 s. At that rate: deliveries/s counted by the receivers, and
 * the hub's CPU (all threads) per report from the step's start until its last delivery — the
 * intake plus its three deliveries. Then the goal (≥ 1,000 reports/s on 2 vCPU), and what
 * stopped the next rate up (hub main thread, the machine's CPUs, the receivers' rate cap).
 *
 * Knobs: BENCH_RAID_SECONDS (6) per step, BENCH_RAID_START (250) and BENCH_RAID_MAX (4000)
 * reports/s, BENCH_RAID_STEPS (7), BENCH_RAID_CONNECTIONS (64), BENCH_RAID_LOG_LEVEL (info).
 * Prints figures, asserts no timing; `BENCH_JSON=<file>` also writes them for `pnpm bench`.
 */
import { writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { cleanup, interrupted, onCleanup } from './cleanup'
import { startOpenLoad } from './open-loop'
import { openOutboxReader } from './outbox-lag'
import {
  benchRows,
  type JudgedStep,
  limitText,
  noiseNote,
  type RaidOutcome,
  stepLine,
  stepTable,
  summaryLines,
} from './raid-print'
import { searchRate } from './raid-search'
import { type RaidRig, runStep } from './raid-step'
import {
  newWebhookSecret,
  RAID_ORIGIN,
  RECEIVER_RATE_PER_SECOND,
  raidReport,
  receiverKinds,
  seedRaidTenant,
} from './raid-tenant'
import { judgeStep, LAG_LIMIT_MS } from './raid-verdict'
import { startReceiverProcess } from './receiver-process'
import { startServe } from './serve-process'

const knob = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`)
  return value
}
const SECONDS = knob('BENCH_RAID_SECONDS', 6)
const START = knob('BENCH_RAID_START', 250)
const MAX = knob('BENCH_RAID_MAX', 4000)
const STEPS = knob('BENCH_RAID_STEPS', 7)
const CONNECTIONS = knob('BENCH_RAID_CONNECTIONS', 64)
const LOG_LEVEL = process.env.BENCH_RAID_LOG_LEVEL ?? 'info'
const WARM_UP_SECONDS = 3

async function main() {
  const started = performance.now()
  const cpuCount = cpus().length

  // The three receivers first: their URLs and secrets go into the receivers' configuration.
  const secrets = receiverKinds.map(() => newWebhookSecret())
  const receivers = await Promise.all(
    secrets.map((secret) => startReceiverProcess({ status: 204, secret })),
  )
  for (const r of receivers) onCleanup(() => r.stop())

  const hub = await startServe({
    env: {
      LOG_LEVEL,
      // Every report comes from 127.0.0.1: the per-client and per-site-key limits would
      // otherwise refuse the load (this measures the hub, not its limiter).
      SAFE_PLACE_CLIENT_REPORTS_PER_MINUTE: '1000000',
      SAFE_PLACE_SITE_KEY_RATE_MULTIPLIER: '1000',
      WEBHOOK_ALLOW_HTTP: '1',
      WEBHOOK_ALLOW_CIDRS: '127.0.0.1/32',
    },
  })
  onCleanup(() => hub.stop())
  const tenant = await seedRaidTenant(
    hub.url,
    hub.operatorKey,
    receiverKinds.map((k, i) => ({ kind: k.kind, url: receivers[i]!.url, secret: secrets[i]! })),
  )

  const load = await startOpenLoad({
    url: `${hub.url}/v1/reports`,
    headers: {
      'content-type': 'application/json',
      origin: RAID_ORIGIN,
      'safe-place-site-key': tenant.siteKey,
    },
    body: JSON.stringify(raidReport(tenant.receivers.map((r) => r.id))),
    connections: CONNECTIONS,
  })
  onCleanup(() => load.close())
  const outbox = openOutboxReader(hub.databasePath)
  onCleanup(() => outbox.close())

  const rig: RaidRig = {
    load,
    outbox,
    receivers,
    pids: { hub: hub.pid, receivers: receivers.map((r) => r.pid), load: load.pid },
    fanOut: tenant.receivers.length,
    lagLimitMs: LAG_LIMIT_MS,
  }
  const judge = (step: Awaited<ReturnType<typeof runStep>>): JudgedStep => ({
    step,
    verdict: judgeStep(step, {
      cpus: cpuCount,
      receiverRateCap: RECEIVER_RATE_PER_SECOND,
      fanOut: tenant.receivers.length,
    }),
  })

  console.log(
    `\nSafe Place hub — raid bench: each report consents to ${tenant.receivers.length} receivers (${receiverKinds.map((k) => `${k.kind} ${k.profile}`).join(', ')}), each its own process answering 204`,
  )
  console.log(
    `hub: \`serve\` in its own process, NODE_ENV=production, fresh libSQL file (WAL, synchronous=FULL), LOG_LEVEL=${LOG_LEVEL} to a file; receivers at concurrency 32, ${RECEIVER_RATE_PER_SECOND}/s (the most allowed)`,
  )
  console.log(
    `load: open loop at a fixed rate over ≤ ${CONNECTIONS} connections, ${SECONDS} s per step; a step holds if p99 ≤ 100 ms (from when each report was due), outbox lag ≤ ${LAG_LIMIT_MS / 1000} s and not growing, < 0.1 % refused, and every delivery arrives; ${cpuCount} CPUs (${cpus()[0]?.model?.trim() ?? 'unknown'}), Node ${process.version}\n`,
  )

  // Warm-up (JIT, connections, page cache), and a check that each report really fans out.
  const warmUp = await runStep(rig, START, WARM_UP_SECONDS)
  if (warmUp.load.accepted === 0) {
    throw new Error(
      `warm-up: no report accepted (${JSON.stringify(warmUp.load.statuses)}, ${warmUp.load.errors} without answer); hub warnings:\n${hub.logProblems()}`,
    )
  }
  if (!warmUp.drained) {
    throw new Error(
      `warm-up: ${warmUp.deliveries.received} deliveries within 30 s for ${warmUp.load.accepted} accepted reports, expected ${warmUp.deliveries.expected} (${tenant.receivers.length} each); hub warnings:\n${hub.logProblems()}`,
    )
  }
  const early = warmUp.load.stoppedEarly ? ` (stopped early: ${warmUp.load.stoppedEarly})` : ''
  console.log(
    `warm-up: ${START}/s for ${warmUp.load.seconds.toFixed(1)} s${early}, ${warmUp.load.accepted} reports → ${warmUp.deliveries.received} deliveries (${tenant.receivers.length} each), not counted\n`,
  )

  const judged: JudgedStep[] = []
  const search = await searchRate(
    { start: START, max: MAX, maxSteps: STEPS, resolution: 0.05, granularity: 10 },
    async (rate) => {
      const j = judge(await runStep(rig, rate, SECONDS))
      judged.push(j)
      console.log(stepLine(j))
      if (!j.step.drained) {
        throw new Error(
          `the outbox did not drain within 30 s after ${rate}/s; hub warnings:\n${hub.logProblems()}`,
        )
      }
      return j.verdict.held
    },
  )
  const best = judged.find((j) => j.verdict.held && j.step.rate === search.held)
  const firstFailed = judged.find((j) => !j.verdict.held && j.step.rate === search.failed)
  const outcome: RaidOutcome = {
    best,
    firstFailed,
    receiverKinds: receiverKinds.map((k) => k.kind),
  }

  console.log(`\n${stepTable(judged)}\n`)
  for (const line of summaryLines(outcome, MAX)) console.log(line)
  const noise = noiseNote(judged, cpuCount)
  if (noise) console.log(`\n⚠ ${noise}\n`)
  const signatures = receivers.map((r) => r.signatures())
  const bad = signatures.reduce((n, s) => n + s.bad, 0)
  console.log(
    `signatures checked by the receivers (a sample): ${signatures.reduce((n, s) => n + s.verified, 0)} valid, ${bad} invalid`,
  )
  // At-least-once: a delivery may arrive twice (e.g. a lease that expired while its POST was
  // slow); the receivers count what they get.
  const extra = [warmUp, ...judged.map((j) => j.step)].reduce(
    (n, s) => n + Math.max(0, s.deliveries.received - s.deliveries.expected),
    0,
  )
  if (extra > 0) console.log(`deliveries received twice or more (at-least-once): ${extra}`)
  const seconds = (performance.now() - started) / 1000
  console.log(`took ${seconds.toFixed(0)} s, ${search.steps} steps`)
  if (bad > 0) throw new Error(`${bad} deliveries failed their signature check`)

  if (process.env.BENCH_JSON) {
    writeFileSync(
      process.env.BENCH_JSON,
      JSON.stringify({
        bench: 'raid',
        setup: `${search.steps} steps of ${SECONDS} s from ${START}/s, ${tenant.receivers.length} receivers`,
        rows: benchRows(outcome, MAX),
        notes: [
          `raid limited by: ${limitText(outcome, MAX)}`,
          ...(noise ? [`raid: ${noise}`] : []),
        ],
        raw: { steps: judged, search, warmUp },
      }),
    )
  }
}

main()
  .catch((error) => {
    // Stopped by Ctrl-C: the step that was running fails as its processes go; say nothing.
    if (interrupted()) return
    console.error(error)
    process.exitCode = 1
  })
  .finally(cleanup)
