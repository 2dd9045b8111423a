/**
 * What a delivery engine is and what it is given: shared by the factory (`engine.ts`) and the
 * two engines (`embedded-engine.ts`, `svix-engine.ts`), which never import each other.
 */
import type { Logger } from 'pino'
import type { AlertContext } from '../alerts/raise'
import type { Keyring } from '../crypto/keyring'
import type { DatabaseHandle } from '../db/client'
import type { Clock } from './clock'
import type { Resolver } from './http-client'
import type { SsrfPolicy } from './ssrf'

export interface SvixOptions {
  /** `SVIX_API_KEY`. */
  apiKey: string
  /** `SVIX_SERVER_URL`: a self-hosted Svix server; Svix Cloud when absent. */
  serverUrl?: string | undefined
  /** Days Svix keeps a payload (`SVIX_PAYLOAD_RETENTION_DAYS`, 7); erasure expunges it sooner. */
  payloadRetentionDays?: number | undefined
}

export interface DeliveryEngineOptions {
  /** The hub's database: the engine reads through it and writes through its gate. */
  database: DatabaseHandle
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
  /** Test seam: how receiver host names resolve. */
  resolver?: Resolver | undefined
  /** Operator alerts (a receiver disabled, a message dead); none when absent. */
  alerts?: AlertContext | undefined
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
}
