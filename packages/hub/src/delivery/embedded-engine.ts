/**
 * The embedded engine: the hub signs and sends every webhook itself, from its outbox, through
 * the guarded HTTP client; attempts are recorded many at a time in the write gate's turns.
 */
import { hostname } from 'node:os'
import { newId } from '../ids'
import { AttemptRecorder } from './attempt-recorder'
import { systemClock } from './clock'
import type { DeliveryEngine, DeliveryEngineOptions } from './engine-options'
import { createHttpClient, DEFAULT_TIMEOUT_MS } from './http-client'
import { DEFAULT_DISABLE_AFTER_MS } from './receiver-health'
import { DEFAULT_JITTER, DEFAULT_RETRY_SCHEDULE_MS } from './schedule'
import { OutboxWorker } from './worker'

export function createEmbeddedEngine(options: DeliveryEngineOptions): DeliveryEngine {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const maxInFlight = options.maxInFlight ?? 64
  const http = createHttpClient({
    ssrf: options.ssrf ?? {},
    timeoutMs,
    resolver: options.resolver,
    connections: maxInFlight,
  })
  const recorder = new AttemptRecorder(options.database.write, {
    retry: {
      scheduleMs: options.retryScheduleMs ?? DEFAULT_RETRY_SCHEDULE_MS,
      jitter: options.jitter ?? DEFAULT_JITTER,
      random: options.random,
    },
    disableAfterMs: options.disableAfterMs ?? DEFAULT_DISABLE_AFTER_MS,
    logger: options.logger,
    alerts: options.alerts,
  })
  const worker = new OutboxWorker(
    {
      database: options.database,
      keyring: options.keyring,
      logger: options.logger,
      clock: options.clock ?? systemClock,
      http,
      owner: options.workerId ?? `${hostname()}:${process.pid}:${newId('atm').slice(4)}`,
      recorder,
    },
    {
      leaseMs: options.leaseMs ?? 4 * timeoutMs,
      leaseMarginMs: timeoutMs + 5_000,
      pollIntervalMs: options.pollIntervalMs ?? 1_000,
      batchSize: options.batchSize ?? 64,
      maxInFlight,
    },
  )
  // Stopping twice (a signal and a shutdown hook) waits for the same drain.
  let closing: Promise<void> | undefined
  return {
    ssrf: options.ssrf ?? {},
    start: () => worker.start(),
    wake: () => worker.wake(),
    runOnce: () => worker.runOnce(),
    stop() {
      closing ??= worker.stop().then(() => http.close())
      return closing
    },
    kill() {
      // The worker aborts first, so the requests the agent's destruction cuts are not recorded.
      closing ??= Promise.all([worker.kill(), http.destroy()]).then(() => undefined)
      return closing
    },
  }
}
