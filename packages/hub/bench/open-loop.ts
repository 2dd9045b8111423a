/**
 * A fixed-rate (open-loop) load of POSTs from its own process (`open-loop-worker.ts`), so the
 * bench's own sampling never delays a request and the generator's CPU can be read apart from
 * the hub's. One `run` at a time; `stop` ends the current one early (the bench already knows
 * the step failed). The process exits with the bench.
 */
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export interface LoadTarget {
  url: string
  headers: Record<string, string>
  body: string
  /** Keep-alive connections at most; requests beyond wait for one (and that wait is counted). */
  connections: number
}

export interface LoadResult {
  /** Requests per second asked for. */
  rate: number
  /** How long requests were sent for (shorter than asked if stopped early). */
  seconds: number
  scheduled: number
  sent: number
  /** 2xx answers. */
  accepted: number
  /** Answers by HTTP status. */
  statuses: Record<string, number>
  /** Requests without an answer: connection errors and timeouts (10 s). */
  errors: number
  /** From when each request was due to its whole answer, in ms, over answered requests. */
  latency: { p50: number; p90: number; p99: number; max: number }
  /**
   * The same from when each request was actually sent: the difference is the generator's own
   * lateness (its CPU starvation), not the hub's doing.
   */
  latencyFromSent: { p50: number; p90: number; p99: number; max: number }
  /** How late the generator sent its latest request (its own CPU starvation, in ms). */
  maxLateMs: number
  stoppedEarly: string | undefined
}

export type WorkerMessage =
  | { type: 'run'; rate: number; seconds: number }
  | { type: 'stop'; reason: string }

export type FromWorker =
  | { type: 'ready' }
  | { type: 'result'; result: LoadResult }
  | { type: 'error'; message: string }

export interface OpenLoad {
  pid: number
  run(rate: number, seconds: number): Promise<LoadResult>
  stop(reason: string): void
  close(): void
}

const script = fileURLToPath(new URL('./open-loop-worker.ts', import.meta.url))

export async function startOpenLoad(target: LoadTarget): Promise<OpenLoad> {
  const child = fork(script, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, OPEN_LOOP_TARGET: JSON.stringify(target) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  let waiting: { resolve(r: LoadResult): void; reject(e: Error): void } | undefined
  const ready = new Promise<void>((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => {
      const error = new Error(`the load generator exited (${code})`)
      reject(error)
      waiting?.reject(error)
    })
    child.on('message', (m: FromWorker) => {
      if (m.type === 'ready') resolve()
      else if (m.type === 'result') waiting?.resolve(m.result)
      else waiting?.reject(new Error(`load generator: ${m.message}`))
    })
  })
  await ready
  return {
    pid: child.pid!,
    run(rate, seconds) {
      return new Promise<LoadResult>((resolve, reject) => {
        waiting = { resolve, reject }
        child.send({ type: 'run', rate, seconds } satisfies WorkerMessage)
      })
    },
    stop(reason) {
      if (child.connected) child.send({ type: 'stop', reason } satisfies WorkerMessage)
    },
    close() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    },
  }
}
