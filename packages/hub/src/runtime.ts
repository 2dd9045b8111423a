/**
 * What every handler needs, built once by `createHub` and put on the context as `hub`:
 * the database, the keyring, the logger, the settings, the delivery engine and the in-memory
 * rate limiters. Domain functions take the parts they need, never the Hono context.
 */
import type { Logger } from 'pino'
import type { Keyring } from './crypto/keyring'
import type { Database } from './db/client'
import type { GroupCommit } from './db/group-commit'
import type { DeliveryEngine } from './delivery/engine'
import type { RateLimiter } from './http/rate-limiter'
import type { RoutingRules } from './routing/rules'
import type { HubSettings } from './settings'

export interface HubRuntime {
  db: Database
  keyring: Keyring
  logger: Logger
  settings: HubSettings
  /** The routing rule table: the defaults with `settings.routing` laid over them. */
  routingRules: RoutingRules
  engine: DeliveryEngine | undefined
  now: () => Date
  limiters: {
    siteKey: RateLimiter
    clientReports: RateLimiter
    clientReceipts: RateLimiter
  }
  /** This process's write transactions, group-committed (see `db/group-commit.ts`). */
  writes: GroupCommit
  /**
   * Runs a unit that opens its own transaction, serialised with the group commits.
   * Kept for routes that manage their own transaction (`api/status-updates.ts`).
   */
  writeLock: { run<T>(fn: () => Promise<T>): Promise<T> }
  /** HMAC key of the proof-of-work challenges, derived from the operator key. */
  powHmacKey: string
}
