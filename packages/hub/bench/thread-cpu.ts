/**
 * CPU time per thread of this process (Linux; elsewhere, nothing): how the hub's CPU per
 * message splits between the main thread, the threads started meanwhile (the delivery engine's
 * worker threads, if any) and the rest (V8's garbage-collector and compiler helpers, libuv). Clock
 * ticks, so only meaningful over runs of a second or so.
 */
import { threadCpuMicros } from './proc-cpu'

export interface ThreadSplit {
  main: number
  started: number
  others: number
}

/** Starts a measurement; the returned function gives µs per unit of work, split by thread. */
export function threadCpu(): ((units: number) => ThreadSplit | null) | null {
  const before = threadCpuMicros('self')
  if (before.size === 0) return null
  return (units) => {
    const after = threadCpuMicros('self')
    const split = { main: 0, started: 0, others: 0 }
    for (const [tid, micros] of after) {
      const used = micros - (before.get(tid) ?? 0)
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
