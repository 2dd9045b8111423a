/**
 * CPU time from `/proc` (Linux; elsewhere every reader returns `null` or an empty map): of a
 * whole process (all its threads), of each of its threads, and of the whole machine. The
 * benches read it around a run to get CPU per request of a process they did not write
 * (`serve`, a receiver, the load generator) and to tell how much of the machine the
 * neighbours took meanwhile. Clock ticks (10 ms), so only meaningful over a second or more.
 */
import { readdirSync, readFileSync } from 'node:fs'

/** USER_HZ is 100 on Linux: one tick is 10 ms. */
const TICK_MICROS = 10_000

/** utime + stime of a `/proc/…/stat` line, in µs; `null` when it cannot be read. */
function statMicros(path: string): number | null {
  try {
    const stat = readFileSync(path, 'utf8')
    // Fields after the command name (which may hold spaces): utime and stime are 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) * TICK_MICROS
  } catch {
    return null
  }
}

/** User + system CPU of a process and all its threads, in µs (`'self'` for this one). */
export function processCpuMicros(pid: number | 'self'): number | null {
  return statMicros(`/proc/${pid}/stat`)
}

/** User + system CPU of a process's main thread (its event loop, for Node), in µs. */
export function mainThreadCpuMicros(pid: number): number | null {
  return statMicros(`/proc/${pid}/task/${pid}/stat`)
}

/** User + system CPU of each thread of a process, in µs, by thread id. */
export function threadCpuMicros(pid: number | 'self'): Map<string, number> {
  const micros = new Map<string, number>()
  let tasks: string[]
  try {
    tasks = readdirSync(`/proc/${pid}/task`)
  } catch {
    return micros
  }
  for (const tid of tasks) {
    // A thread may end between the listing and the read.
    const used = statMicros(`/proc/${pid}/task/${tid}/stat`)
    if (used !== null) micros.set(tid, used)
  }
  return micros
}

export interface MachineCpu {
  /** CPU time spent on anything but idle and I/O wait, summed over all CPUs, in µs. */
  busy: number
  /** All CPU time, summed over all CPUs, in µs. */
  total: number
}

/** The whole machine's CPU time from `/proc/stat`, every process included. */
export function machineCpu(): MachineCpu | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? ''
    const ticks = line.trim().split(/\s+/).slice(1).map(Number)
    // user nice system idle iowait irq softirq steal (guest time is already in user).
    const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0)
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0)
    return { busy: (total - idle) * TICK_MICROS, total: total * TICK_MICROS }
  } catch {
    return null
  }
}
