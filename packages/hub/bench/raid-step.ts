/**
 * One step of the raid: reports at a fixed rate for a fixed time, the outbox lag and backlog
 * sampled every 250 ms meanwhile (the load stops early once the lag passes the limit: the step
 * has failed, and a longer backlog would only slow the next one down), then the outbox drained so every accepted
 * report's three deliveries are done — and counted by the receivers — before the next step.
 * The hub's CPU is read from the start to the drain's end, so CPU per report covers the intake
 * and all its deliveries; where the machine's CPU went is read over the load alone.
 */
import type { LoadResult, OpenLoad } from './open-loop'
import type { OutboxReader, OutboxSample } from './outbox-lag'
import { type CpuUsage, cpuSnapshot, cpuUsage, type RaidPids } from './raid-cpu'
import type { ReceiverProcess } from './receiver-process'
import { slopePerSecond } from './trend'

export const LAG_SAMPLE_MS = 250
const DRAIN_TIMEOUT_MS = 30_000

export interface RaidRig {
  load: OpenLoad
  outbox: OutboxReader
  receivers: ReceiverProcess[]
  pids: RaidPids
  /** Deliveries each accepted report becomes. */
  fanOut: number
  /** Outbox lag past which the load is stopped early. */
  lagLimitMs: number
}

export interface StepResult {
  rate: number
  load: LoadResult
  acceptedPerSecond: number
  /** Deliveries counted by the receivers during the load, per second, all receivers. */
  deliveredPerSecond: number
  /** The same, by receiver (in the rig's order). */
  deliveredPerSecondByReceiver: number[]
  lag: {
    maxMs: number
    endOfLoadMs: number
    backlogMax: number
    /** How fast the backlog grew over the load's second half, messages/s (0 when keeping up). */
    backlogGrowthPerSecond: number
    dead: number
  }
  /** From the load's end until the backlog was empty and every delivery had arrived. */
  drainMs: number
  drained: boolean
  /** Deliveries received for this step's reports, against fan-out × accepted. */
  deliveries: { received: number; expected: number }
  /** Where the CPU went while the load ran. */
  cpu: CpuUsage
  /** Hub CPU (all threads) from the load's start to the drain's end, per accepted report. */
  hubMicrosPerReport: number
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)

export async function runStep(rig: RaidRig, rate: number, seconds: number): Promise<StepResult> {
  const countsBefore = rig.receivers.map((r) => r.received())
  const deadBefore = rig.outbox.sample().dead
  const start = cpuSnapshot(rig.pids)
  let maxLag = 0
  let backlogMax = 0
  let last: OutboxSample | undefined
  const duringLoad: { at: number; value: number }[] = []
  const watch = () => {
    last = rig.outbox.sample()
    maxLag = Math.max(maxLag, last.lagMs)
    backlogMax = Math.max(backlogMax, last.backlog)
    return last
  }

  let loading = true
  const running = rig.load.run(rate, seconds).finally(() => {
    loading = false
  })
  while (loading) {
    await Promise.race([sleep(LAG_SAMPLE_MS), running])
    if (!loading) break
    const s = watch()
    duringLoad.push({ at: s.at, value: s.backlog })
    if (s.lagMs > rig.lagLimitMs) rig.load.stop('outbox lag over the limit')
  }
  const load = await running
  const endOfLoad = cpuSnapshot(rig.pids)
  const countsAtEnd = rig.receivers.map((r) => r.received())
  const endOfLoadLag = watch().lagMs

  // Drain: nothing left in the outbox and every delivery counted by its receiver.
  const expected = rig.fanOut * load.accepted
  const target = sum(countsBefore) + expected
  const drainStart = performance.now()
  let drained = false
  while (performance.now() - drainStart < DRAIN_TIMEOUT_MS) {
    const s = watch()
    if (s.backlog === 0 && sum(rig.receivers.map((r) => r.received())) >= target) {
      drained = true
      break
    }
    await sleep(50)
  }
  const drainMs = performance.now() - drainStart
  const end = cpuSnapshot(rig.pids)

  const loadSeconds = (endOfLoad.at - start.at) / 1000
  const deliveredByReceiver = countsAtEnd.map((c, i) => (c - countsBefore[i]!) / loadSeconds)
  return {
    rate,
    load,
    acceptedPerSecond: load.accepted / load.seconds,
    deliveredPerSecond: sum(deliveredByReceiver),
    deliveredPerSecondByReceiver: deliveredByReceiver,
    lag: {
      maxMs: maxLag,
      endOfLoadMs: endOfLoadLag,
      backlogMax,
      // The second half: past the start, where the outbox fills up to its working level.
      backlogGrowthPerSecond: slopePerSecond(duringLoad.slice(Math.floor(duringLoad.length / 2))),
      dead: (last?.dead ?? deadBefore) - deadBefore,
    },
    drainMs,
    drained,
    deliveries: {
      received: sum(rig.receivers.map((r) => r.received())) - sum(countsBefore),
      expected,
    },
    cpu: cpuUsage(start, endOfLoad),
    hubMicrosPerReport: (end.hub - start.hub) / Math.max(1, load.accepted),
  }
}
