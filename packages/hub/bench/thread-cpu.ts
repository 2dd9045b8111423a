/**
 * CPU time per thread of this process, from `/proc/self/task` (Linux; elsewhere, nothing): how
 * the hub's CPU per message splits between the main thread, the threads started meanwhile (the
 * delivery engine's writer thread) and the rest (V8's garbage-collector and compiler helpers,
 * libuv). Clock ticks, so only meaningful over runs of a second or so.
 */
import { readdirSync, readFileSync } from 'node:fs'

type Ticks = Map<string, number>

const TICK_MICROS = 10_000 // USER_HZ is 100 on Linux.

function read(): Ticks {
  const ticks: Ticks = new Map()
  let tasks: string[]
  try {
    tasks = readdirSync('/proc/self/task')
  } catch {
    return ticks
  }
  for (const tid of tasks) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
      // Fields after the command name: utime and stime are the 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      ticks.set(tid, Number(fields[11]) + Number(fields[12]))
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return ticks
}

export interface ThreadSplit {
  main: number
  started: number
  others: number
}

/** Starts a measurement; the returned function gives µs per unit of work, split by thread. */
export function threadCpu(): ((units: number) => ThreadSplit | null) | null {
  const before = read()
  if (before.size === 0) return null
  return (units) => {
    const after = read()
    const split = { main: 0, started: 0, others: 0 }
    for (const [tid, ticks] of after) {
      const used = (ticks - (before.get(tid) ?? 0)) * TICK_MICROS
      if (tid === String(process.pid)) split.main += used
      else if (before.has(tid)) split.others += used
      else split.started += used
    }
    return {
      main: split.main / units,
      started: split.started / units,
      others: split.others / units,
    }
  }
}
