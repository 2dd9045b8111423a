/**
 * Whether a raid step held, and if not, why and what limited it. Held means: (nearly) every
 * report answered 2xx, intake p99 within its limit, the outbox lag within its limit and the
 * backlog not growing (deliveries keep up, so a longer raid would hold too), the whole step
 * run, and every delivery done. What limited it is read from where the CPU went: the
 * hub's main thread (one event loop answers reports and sends webhooks), the machine's CPUs
 * (the hub, the receivers and the load generator share them), or the receivers' pacing (a
 * receiver may be configured for 1,000 requests/s at most).
 */
import type { StepResult } from './raid-step'

export const P99_LIMIT_MS = 100
export const LAG_LIMIT_MS = 2000
/** Refused or unanswered reports tolerated, as a share of those due. */
const REFUSED_LIMIT = 0.001
const SATURATED = 0.9
/**
 * Backlog growth tolerated through a step, as a share of the messages created: above it the
 * deliveries fall behind, and the lag would pass its limit in a raid longer than the step.
 */
const FALLING_BEHIND = 0.05
/** …and at least this many messages/s: below it, the trend is within the sampling noise. */
const FALLING_BEHIND_FLOOR = 25

/** One finding, in a word or two (for the summary table) and in full. */
export interface Finding {
  short: string
  text: string
}

export interface Verdict {
  held: boolean
  /** Which conditions failed, e.g. `p99 143 ms > 100 ms`. */
  failed: Finding[]
  /** What was saturated during the step (empty if nothing obvious). */
  limits: Finding[]
}

const pct = (share: number) => `${(share * 100).toFixed(0)} %`

export function judgeStep(
  step: StepResult,
  context: { cpus: number; receiverRateCap: number; fanOut: number },
): Verdict {
  const failed: Finding[] = []
  const { load } = step
  // Reports never sent (a step stopped early) are not refusals: the stop is its own reason.
  const refused = load.sent - load.accepted
  if (refused > load.sent * REFUSED_LIMIT) {
    const statuses = Object.entries(load.statuses)
      .filter(([code]) => !code.startsWith('2'))
      .map(([code, n]) => `${n}× ${code}`)
    if (load.errors) statuses.push(`${load.errors} without answer`)
    failed.push({
      short: 'refused',
      text: `refused ${refused} of ${load.sent} (${statuses.join(', ')})`,
    })
  }
  if (!(load.latency.p99 <= P99_LIMIT_MS)) {
    failed.push({
      short: 'p99',
      text: `p99 ${load.latency.p99.toFixed(0)} ms > ${P99_LIMIT_MS} ms`,
    })
  }
  if (step.lag.maxMs > LAG_LIMIT_MS) {
    failed.push({
      short: 'outbox lag',
      text: `outbox lag ${(step.lag.maxMs / 1000).toFixed(1)} s > ${LAG_LIMIT_MS / 1000} s`,
    })
  }
  const created = context.fanOut * step.rate
  const growth = step.lag.backlogGrowthPerSecond
  if (!load.stoppedEarly && growth > Math.max(created * FALLING_BEHIND, FALLING_BEHIND_FLOOR)) {
    failed.push({
      short: 'deliveries behind',
      text: `deliveries falling behind: backlog growing by ${growth.toFixed(0)} messages/s (${pct(growth / created)} of those created)`,
    })
  }
  if (load.stoppedEarly) {
    failed.push({
      short: 'stopped early',
      text: `stopped after ${load.seconds.toFixed(1)} s: ${load.stoppedEarly}`,
    })
  }
  if (!step.drained) {
    failed.push({
      short: 'undelivered',
      text: `only ${step.deliveries.received} of ${step.deliveries.expected} deliveries within 30 s`,
    })
  }
  if (step.lag.dead > 0) failed.push({ short: 'dead', text: `${step.lag.dead} messages dead` })

  const limits: Finding[] = []
  const { cpu } = step
  const wall = cpu.wallMicros
  const main = cpu.hubMain / wall
  if (main >= SATURATED) {
    limits.push({
      short: 'hub main thread',
      text: `hub main thread saturated (${pct(main)} of a CPU)`,
    })
  }
  if (cpu.machineBusy !== null && cpu.machineBusy >= SATURATED) {
    const cores = (micros: number | null) => ((micros ?? 0) / wall).toFixed(2)
    limits.push({
      short: `${context.cpus} CPUs busy`,
      text: `the ${context.cpus} CPUs saturated (${pct(cpu.machineBusy)} busy: hub ${cores(cpu.hub)}, receivers ${cores(cpu.receivers)}, load ${cores(cpu.load)}, bench ${cores(cpu.bench)}, others ${cores(cpu.others)} CPUs)`,
    })
  }
  const paced = step.deliveredPerSecondByReceiver.filter(
    (perSecond) => perSecond >= context.receiverRateCap * 0.95,
  )
  if (paced.length > 0) {
    limits.push({
      short: 'receiver rate cap',
      text: `${paced.length} receiver(s) delivered at their rate cap (${context.receiverRateCap}/s, the most a receiver may be configured for)`,
    })
  }
  return { held: failed.length === 0, failed, limits }
}
