/**
 * The raid's load generator, in its own process (`open-loop.ts` starts and drives it): POSTs
 * one body at a fixed rate, open loop — request i leaves at start + i / rate whether or not
 * earlier ones were answered, like reporters who do not wait for each other — over a pool of
 * keep-alive connections (undici). Latency is counted from when each request was due, not from
 * when a free connection let it go, so a slow hub cannot hide its queue (no coordinated
 * omission: autocannon's `overallRate` sends each second's quota in a burst, then idles).
 *
 * Messages: `{ type: 'run', rate, seconds }` → `{ type: 'result', … }`; `{ type: 'stop' }` ends
 * the current run early. Exits when the parent goes away.
 */
import { Pool } from 'undici'
import type { FromWorker, LoadResult, LoadTarget, WorkerMessage } from './open-loop'

/** More requests waiting than this many seconds' worth: the hub is not keeping up, stop. */
const MAX_BACKLOG_SECONDS = 1
const TIMEOUT_MS = 10_000

const target = JSON.parse(process.env.OPEN_LOOP_TARGET ?? '{}') as LoadTarget
const pool = new Pool(new URL(target.url).origin, {
  connections: target.connections,
  pipelining: 1,
  headersTimeout: TIMEOUT_MS,
  bodyTimeout: TIMEOUT_MS,
  keepAliveTimeout: 60_000,
})
const path = new URL(target.url).pathname

let stopRequested: string | undefined

const percentile = (sorted: Float64Array, p: number) =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN)

async function run(rate: number, seconds: number): Promise<LoadResult> {
  stopRequested = undefined
  const total = Math.round(rate * seconds)
  const interval = 1000 / rate
  const latencies = new Float64Array(total)
  const fromSent = new Float64Array(total)
  let answered = 0
  let accepted = 0
  let errors = 0
  let inFlight = 0
  let sent = 0
  let maxLateMs = 0
  const statuses: Record<string, number> = {}
  let settle: () => void = () => {}
  const settled = new Promise<void>((resolve) => {
    settle = resolve
  })
  let sending = true

  const fire = (due: number) => {
    inFlight++
    sent++
    const sentAt = performance.now()
    pool
      .request({ path, method: 'POST', headers: target.headers, body: target.body })
      .then(async (res) => {
        await res.body.dump()
        const now = performance.now()
        fromSent[answered] = now - sentAt
        latencies[answered++] = now - due
        statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1
        if (res.statusCode >= 200 && res.statusCode < 300) accepted++
      })
      .catch(() => {
        errors++
      })
      .finally(() => {
        inFlight--
        if (!sending && inFlight === 0) settle()
      })
  }

  const start = performance.now()
  let stoppedEarly: string | undefined
  await new Promise<void>((done) => {
    const tick = () => {
      const now = performance.now()
      const due = Math.min(total, Math.floor((now - start) / interval) + 1)
      while (sent < due) {
        const dueAt = start + sent * interval
        maxLateMs = Math.max(maxLateMs, now - dueAt)
        fire(dueAt)
      }
      if (inFlight > rate * MAX_BACKLOG_SECONDS + 50) stoppedEarly = 'requests piling up'
      stoppedEarly ??= stopRequested
      if (sent >= total || stoppedEarly) return done()
      // Sleep until the next request is due (at least the timers' 1 ms), not a fixed 1 ms:
      // waking a thousand times a second would cost the generator CPU at low rates too.
      const wait = start + sent * interval - performance.now()
      setTimeout(tick, Math.max(1, Math.floor(wait)))
    }
    tick()
  })
  const sendSeconds = (performance.now() - start) / 1000
  sending = false
  if (inFlight > 0) await settled
  const sorted = latencies.subarray(0, answered).sort()
  const sortedFromSent = fromSent.subarray(0, answered).sort()
  return {
    rate,
    seconds: sendSeconds,
    scheduled: total,
    sent,
    accepted,
    statuses,
    errors,
    latency: {
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p99: percentile(sorted, 99),
      max: percentile(sorted, 100),
    },
    latencyFromSent: {
      p50: percentile(sortedFromSent, 50),
      p90: percentile(sortedFromSent, 90),
      p99: percentile(sortedFromSent, 99),
      max: percentile(sortedFromSent, 100),
    },
    maxLateMs,
    stoppedEarly,
  }
}

/** To the bench, unless it is already gone (then `disconnect` ends this process). */
const tell = (message: FromWorker) => {
  if (process.connected) process.send?.(message)
}

process.on('message', (m: WorkerMessage) => {
  if (m.type === 'stop') stopRequested = m.reason
  else if (m.type === 'run') {
    run(m.rate, m.seconds).then(
      (result) => tell({ type: 'result', result }),
      (error: Error) => tell({ type: 'error', message: error.message }),
    )
  }
})
process.on('disconnect', () => {
  void pool.destroy()
  process.exit(0)
})
tell({ type: 'ready' })
