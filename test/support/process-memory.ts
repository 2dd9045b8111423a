/** A process's resident memory, read from `/proc/<pid>/status` (Linux). */
import { readFileSync } from 'node:fs'

/** VmRSS in KiB, or null once the process is gone (or off Linux). */
function rssKib(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)
    return match ? Number(match[1]) : null
  } catch {
    return null
  }
}

export interface RssSampler {
  /** Stops sampling; the samples in KiB, in order. */
  stop(): { peakKib: number; samples: number[] }
}

export function sampleRss(pid: number, intervalMs = 200): RssSampler {
  const samples: number[] = []
  const take = () => {
    const value = rssKib(pid)
    if (value !== null) samples.push(value)
  }
  take()
  const timer = setInterval(take, intervalMs)
  return {
    stop() {
      clearInterval(timer)
      take()
      return { peakKib: Math.max(0, ...samples), samples }
    },
  }
}
