/**
 * The delivery engine the hub starts on `serve`: the embedded outbox worker (default) or Svix
 * (`engine: 'svix'`, see `svix-engine.ts`). Everything has a default that matches the issue:
 * the Standard Webhooks retry schedule with ±20 % jitter, a 15 s timeout, disabling after five
 * days of continuous failure, https-only public endpoints.
 */
import { hostname } from 'node:os'
import type { Logger } from 'pino'
import type { Keyring } from '../crypto/keyring'
import type { Database } from '../db/client'
import { type StatementWriter, WriterThread } from '../db/writer-thread'
import { newId } from '../ids'
import { type Clock, systemClock } from './clock'
import { createHttpClient, DEFAULT_TIMEOUT_MS, type Resolver } from './http-client'
import { DEFAULT_DISABLE_AFTER_MS } from './receiver-health'
import { DEFAULT_JITTER, DEFAULT_RETRY_SCHEDULE_MS } from './schedule'
import type { SsrfPolicy } from './ssrf'
import { SuccessBatcher } from './success-batch'
import { createSvixEngine, type SvixOptions } from './svix-engine'
import { OutboxWorker } from './worker'
import { EngineWriter, mainConnectionWriter, type WriteSerializer } from './writer'

export interface DeliveryEngineOptions {
  db: Database
  keyring: Keyring
  logger: Logger
  /** `embedded` (default) or `svix` (`DELIVERY_ENGINE`). */
  engine?: 'embedded' | 'svix' | undefined
  /** `SVIX_API_KEY`, `SVIX_SERVER_URL`. */
  svix?: SvixOptions | undefined
  /** Which endpoints may be called: https and public addresses only, unless opened here. */
  ssrf?: SsrfPolicy | undefined
  clock?: Clock | undefined
  /** Delay before each attempt; index 0 is the first (immediate). */
  retryScheduleMs?: readonly number[] | undefined
  jitter?: number | undefined
  random?: (() => number) | undefined
  timeoutMs?: number | undefined
  /** Continuous failure after which an endpoint is disabled (5 days). */
  disableAfterMs?: number | undefined
  leaseMs?: number | undefined
  pollIntervalMs?: number | undefined
  batchSize?: number | undefined
  maxInFlight?: number | undefined
  workerId?: string | undefined
  /**
   * The local database file (`localDatabasePath`): lease claims and batched outcomes are then
   * written by a thread of their own, off the event loop that sends the webhooks.
   */
  databasePath?: string | null | undefined
  /** Test seam: how receiver host names resolve. */
  resolver?: Resolver | undefined
}

export interface DeliveryEngine {
  start(): void
  /** Stops claiming new work and waits for attempts in flight. */
  stop(): Promise<void>
  /** A hint that new messages are due (after an intake), so they go out without waiting a poll. */
  wake(): void
  /** Delivers everything due now and resolves when done (tests, `deliveries flush`). */
  runOnce(): Promise<number>
  /** Crash-stop: abandons attempts in flight unrecorded; their leases expire. */
  kill(): Promise<void>
  /**
   * The SSRF policy deliveries are held to; the operator API checks receiver URLs against the
   * same one, so what can be configured is what can be delivered.
   */
  readonly ssrf: SsrfPolicy
  /**
   * Routes the engine's writes through the hub's write serialiser (its group commit), so they
   * never wait for SQLite's lock inside the synchronous driver. `createHub` calls it.
   */
  attachWriter?(writer: WriteSerializer): void
}

export function createDeliveryEngine(options: DeliveryEngineOptions): DeliveryEngine {
  if (options.engine === 'svix') {
    if (!options.svix) throw new Error('DELIVERY_ENGINE=svix needs SVIX_API_KEY')
    return createSvixEngine({ ...options, svix: options.svix })
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const http = createHttpClient({
    ssrf: options.ssrf ?? {},
    timeoutMs,
    resolver: options.resolver,
    connections: options.maxInFlight ?? 64,
  })
  const writer = new EngineWriter()
  // Started at the first write, after `attachWriter`: it shares the hub's write lock.
  let thread: WriterThread | null = null
  const path = options.databasePath
  const statements: StatementWriter = path
    ? {
        write(s) {
          thread ??= new WriterThread({ path, lock: writer.threadLock })
          return thread.write(s)
        },
      }
    : mainConnectionWriter(options.db, writer)
  const worker = new OutboxWorker(
    {
      db: options.db,
      keyring: options.keyring,
      logger: options.logger,
      clock: options.clock ?? systemClock,
      http,
      workerId: options.workerId ?? `${hostname()}:${process.pid}:${newId('atm').slice(4)}`,
      retry: {
        scheduleMs: options.retryScheduleMs ?? DEFAULT_RETRY_SCHEDULE_MS,
        jitter: options.jitter ?? DEFAULT_JITTER,
        random: options.random,
      },
      disableAfterMs: options.disableAfterMs ?? DEFAULT_DISABLE_AFTER_MS,
      writer,
      statements,
      successes: new SuccessBatcher(statements),
    },
    {
      leaseMs: options.leaseMs ?? 4 * timeoutMs,
      leaseMarginMs: timeoutMs + 5_000,
      pollIntervalMs: options.pollIntervalMs ?? 1_000,
      batchSize: options.batchSize ?? 64,
      maxInFlight: options.maxInFlight ?? 64,
    },
  )
  // Stopping twice (a signal and a shutdown hook) waits for the same drain.
  let closing: Promise<void> | undefined
  return {
    ssrf: options.ssrf ?? {},
    attachWriter: (target) => writer.attach(target),
    start: () => worker.start(),
    wake: () => worker.wake(),
    runOnce: () => worker.runOnce(),
    stop() {
      closing ??= worker
        .stop()
        .then(() => Promise.all([http.close(), thread?.close()]))
        .then(() => undefined)
      return closing
    },
    kill() {
      // The worker aborts first, so the requests the agent's destruction cuts are not recorded.
      closing ??= Promise.all([worker.kill(), http.destroy(), thread?.terminate()]).then(
        () => undefined,
      )
      return closing
    },
  }
}
