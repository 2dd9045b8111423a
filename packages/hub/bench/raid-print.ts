/**
 * The raid's output: one line per step (what was asked, what held, where the CPU went), then
 * the figures at the highest rate that held against their goals, and what stopped the next
 * rate — as text, and as the rows `pnpm bench` puts in its summary table (`BENCH_JSON`).
 */
import type { StepResult } from './raid-step'
import { LAG_LIMIT_MS, P99_LIMIT_MS, type Verdict } from './raid-verdict'

export const RAID_GOAL_PER_SECOND = 1000
export const RAID_GOAL_CPU_MICROS = 1000

export interface JudgedStep {
  step: StepResult
  verdict: Verdict
}

const n0 = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : 'n/a')
const s1 = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const cores = (micros: number | null, wall: number) =>
  micros === null ? 'n/a' : (micros / wall).toFixed(2)

/** A step as it ends, so a long run shows its progress. */
export function stepLine({ step, verdict }: JudgedStep): string {
  const held = verdict.held ? 'held' : `failed: ${verdict.failed.map((f) => f.text).join('; ')}`
  // A generator starved of CPU sends late, in bursts: its lateness is in the latencies from
  // when each report was due, not in those from when it was sent.
  const late =
    step.load.maxLateMs >= 20
      ? ` (${n0(step.load.latencyFromSent.p99)} ms from when sent: the generator ran up to ${n0(step.load.maxLateMs)} ms late)`
      : ''
  return `${n0(step.rate)}/s for ${step.load.seconds.toFixed(1)} s: ${n0(step.acceptedPerSecond)} accepted/s, p99 ${n0(step.load.latency.p99)} ms${late}, lag max ${s1(step.lag.maxMs)}, ${n0(step.deliveredPerSecond)} delivered/s, hub ${n0(step.hubMicrosPerReport)} µs/report — ${held}`
}

export function stepTable(steps: JudgedStep[]): string {
  const header = [
    'rate/s',
    'accepted/s',
    'p50 / p99 ms',
    'lag max',
    'backlog max (trend)',
    'delivered/s',
    'hub µs/report',
    'CPUs used: hub (main) | receivers | load | others',
    'held',
  ]
  const rows = steps.map(({ step, verdict }) => {
    const w = step.cpu.wallMicros
    return [
      n0(step.rate),
      n0(step.acceptedPerSecond),
      `${n0(step.load.latency.p50)} / ${n0(step.load.latency.p99)}`,
      s1(step.lag.maxMs),
      `${n0(step.lag.backlogMax)} (${step.lag.backlogGrowthPerSecond >= 0 ? '+' : ''}${n0(step.lag.backlogGrowthPerSecond)}/s)`,
      n0(step.deliveredPerSecond),
      n0(step.hubMicrosPerReport),
      `${cores(step.cpu.hub, w)} (${cores(step.cpu.hubMain, w)}) | ${cores(step.cpu.receivers, w)} | ${cores(step.cpu.load, w)} | ${cores(step.cpu.others, w)}`,
      verdict.held ? '✓' : `✗ ${verdict.failed.map((f) => f.text).join('; ')}`,
    ]
  })
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => r[i]!.length)))
  return [header, ...rows]
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}

/**
 * A warning when other processes took a real share of the machine during the steps: then the
 * rates and latencies say more about the neighbours than about the hub (CPU per report less).
 */
export function noiseNote(steps: JudgedStep[], cpus: number): string | undefined {
  const wall = steps.reduce((sum, j) => sum + j.step.cpu.wallMicros, 0)
  const others = steps.reduce((sum, j) => sum + (j.step.cpu.others ?? 0), 0)
  if (wall === 0 || others / wall < 0.2) return undefined
  return `noisy machine: other processes used ${(others / wall).toFixed(2)} of the ${cpus} CPUs on average during the steps — rates and latencies are understated; take the figures on a quiet machine`
}

export interface RaidOutcome {
  best: JudgedStep | undefined
  /** The lowest rate that failed, judged: what limits the raid. */
  firstFailed: JudgedStep | undefined
  receiverKinds: string[]
}

/** Why the next rate up did not hold: in full, or in a few words for the summary table. */
export function limitText(outcome: RaidOutcome, maxRate: number, short = false): string {
  const f = outcome.firstFailed
  if (!f) {
    return short
      ? `nothing up to ${maxRate}/s`
      : `nothing within the rates tried (up to ${maxRate}/s; raise BENCH_RAID_MAX)`
  }
  const pick = (findings: { short: string; text: string }[]) =>
    findings.map((x) => (short ? x.short : x.text)).join(short ? ', ' : '; ')
  const what = f.verdict.limits.length
    ? pick(f.verdict.limits)
    : short
      ? 'no CPU saturated'
      : 'no CPU saturated (see the step table)'
  return `at ${f.step.rate}/s: ${pick(f.verdict.failed)} — ${what}`
}

export function summaryLines(outcome: RaidOutcome, maxRate: number): string[] {
  const b = outcome.best
  const lines: string[] = []
  if (!b) {
    lines.push('sustained: no rate held (see the step table)')
  } else {
    const s = b.step
    lines.push(
      `sustained: ${n0(s.acceptedPerSecond)} accepted reports/s, each to ${outcome.receiverKinds.length} receivers (p50 / p99 ${n0(s.load.latency.p50)} / ${n0(s.load.latency.p99)} ms ≤ ${P99_LIMIT_MS} ms, outbox lag max ${s1(s.lag.maxMs)} ≤ ${s1(LAG_LIMIT_MS)})`,
      `delivered: ${n0(s.deliveredPerSecond)} signed messages/s counted by the receivers (${s.deliveredPerSecondByReceiver.map(n0).join(' | ')} for ${outcome.receiverKinds.join(' | ')})`,
      `hub CPU per report, end to end (intake + its ${outcome.receiverKinds.length} deliveries): ${n0(s.hubMicrosPerReport)} µs (goal ≤ ${RAID_GOAL_CPU_MICROS} µs: ${s.hubMicrosPerReport <= RAID_GOAL_CPU_MICROS ? 'met' : 'not met'})`,
    )
  }
  const rate = b?.step.acceptedPerSecond ?? 0
  lines.push(
    `goal ≥ ${RAID_GOAL_PER_SECOND} reports/s with ${outcome.receiverKinds.length}-way fan-out: ${metRate(outcome) ? 'met' : 'not met'} (${n0(rate)}/s)`,
    `limited by: ${limitText(outcome, maxRate)}`,
  )
  return lines
}

/** A step at the goal's rate (or above) held: every report due was accepted, in time. */
function metRate(outcome: RaidOutcome): boolean {
  return (outcome.best?.step.rate ?? 0) >= RAID_GOAL_PER_SECOND
}

/** The rows `pnpm bench` shows for the raid. */
export function benchRows(outcome: RaidOutcome, maxRate: number) {
  const b = outcome.best?.step
  const fan = outcome.receiverKinds.length
  return [
    {
      figure: `sustained accepted reports/s, ${fan}-way fan-out (p99 ≤ ${P99_LIMIT_MS} ms, lag ≤ ${LAG_LIMIT_MS / 1000} s)`,
      value: `${n0(b?.acceptedPerSecond ?? 0)}/s`,
      beside: b ? `p99 ${n0(b.load.latency.p99)} ms, lag max ${s1(b.lag.maxMs)}` : '',
      ratio: '',
      goal: `≥ ${RAID_GOAL_PER_SECOND.toLocaleString('en')}/s`,
      met: metRate(outcome),
    },
    {
      figure: 'delivered messages/s at that rate (receivers)',
      value: `${n0(b?.deliveredPerSecond ?? 0)}/s`,
      beside: b ? `${b.deliveredPerSecondByReceiver.map(n0).join(' | ')} per receiver` : '',
      ratio: '',
      goal: '',
      met: null,
    },
    {
      figure: `hub CPU per report, end to end (intake + ${fan} deliveries)`,
      value: b ? `${n0(b.hubMicrosPerReport)} µs` : 'n/a',
      beside: b
        ? `hub ${cores(b.cpu.hub, b.cpu.wallMicros)} CPUs, main thread ${cores(b.cpu.hubMain, b.cpu.wallMicros)}`
        : '',
      ratio: '',
      goal: `≤ ${RAID_GOAL_CPU_MICROS.toLocaleString('en')} µs`,
      met: b ? b.hubMicrosPerReport <= RAID_GOAL_CPU_MICROS : false,
    },
    {
      figure: 'limited by: lowest rate that failed, on — saturated',
      value: limitText(outcome, maxRate, true),
      beside: '',
      ratio: '',
      goal: '',
      met: null,
    },
  ]
}
