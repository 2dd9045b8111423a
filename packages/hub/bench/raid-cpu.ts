/**
 * Where the machine's CPU went during a raid step: the hub (all threads, and its main thread —
 * the event loop that answers reports and sends webhooks), the receivers, the load generator,
 * the bench itself, and everything else on the machine (other people's work on a shared box).
 * From `/proc`; every figure is in µs of CPU over the interval.
 */
import { machineCpu, mainThreadCpuMicros, processCpuMicros } from './proc-cpu'

export interface RaidPids {
  hub: number
  receivers: number[]
  load: number
}

export interface CpuSnapshot {
  at: number
  hub: number
  hubMain: number
  receivers: number
  load: number
  bench: number
  machineBusy: number | null
  machineTotal: number | null
}

export interface CpuUsage {
  wallMicros: number
  hub: number
  hubMain: number
  receivers: number
  load: number
  bench: number
  /** Busy CPU of every other process on the machine; `null` without `/proc/stat`. */
  others: number | null
  /** Busy share of all the machine's CPUs, 0–1. */
  machineBusy: number | null
}

const micros = (pid: number | 'self') => processCpuMicros(pid) ?? 0

export function cpuSnapshot(pids: RaidPids): CpuSnapshot {
  const machine = machineCpu()
  return {
    at: performance.now(),
    hub: micros(pids.hub),
    hubMain: mainThreadCpuMicros(pids.hub) ?? 0,
    receivers: pids.receivers.reduce((sum, pid) => sum + micros(pid), 0),
    load: micros(pids.load),
    bench: micros('self'),
    machineBusy: machine?.busy ?? null,
    machineTotal: machine?.total ?? null,
  }
}

export function cpuUsage(from: CpuSnapshot, to: CpuSnapshot): CpuUsage {
  const used = {
    hub: to.hub - from.hub,
    hubMain: to.hubMain - from.hubMain,
    receivers: to.receivers - from.receivers,
    load: to.load - from.load,
    bench: to.bench - from.bench,
  }
  const busy =
    to.machineBusy !== null && from.machineBusy !== null ? to.machineBusy - from.machineBusy : null
  const total =
    to.machineTotal !== null && from.machineTotal !== null
      ? to.machineTotal - from.machineTotal
      : null
  return {
    wallMicros: (to.at - from.at) * 1000,
    ...used,
    others:
      busy === null ? null : Math.max(0, busy - used.hub - used.receivers - used.load - used.bench),
    machineBusy: busy !== null && total ? busy / total : null,
  }
}
