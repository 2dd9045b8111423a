/**
 * What every handler needs, built once by `createHub` and put on the context as `hub`:
 * a read handle and the write gate, the keyring, the logger, the settings, the delivery engine
 * and the in-memory rate limiters. Domain functions take the parts they need, never the Hono
 * context: reads take a `ReadDb`, writes a `WriteTx` that only `hub.write` hands out.
 */
import type { Logger } from 'pino'
import type { Keyring } from './crypto/keyring'
import type { DatabaseHandle } from './db/client'
import type { ReadDb } from './db/types'
import type { DeliveryEngine } from './delivery/engine'
import type { SigningKeyring } from './evidence/signing-keys'
import type { RateLimiter } from './http/rate-limiter'
import type { RoutingRules } from './routing/rules'
import type { HubSettings } from './settings'

interface MailHandle {
  /** An SMTP server is configured: reporters may ask to be told by e-mail. */
  enabled: boolean
  wake(): void
}

export interface HubRuntime {
  /** Reads only. */
  db: ReadDb
  /** The only way to change the database: a unit in this process's write turn. */
  write: DatabaseHandle['write']
  /** Planned rows inserted in this process's write turn (intake). */
  writeRows: DatabaseHandle['writeRows']
  keyring: Keyring
  /** The hub's Ed25519 keys: the first signs evidence packs, all are published. */
  signingKeys: SigningKeyring
  logger: Logger
  settings: HubSettings
  /** The routing rule table: the defaults with `settings.routing` laid over them. */
  routingRules: RoutingRules
  engine: DeliveryEngine | undefined
  /** Mail: whether the hub can send any (`SMTP_URL`), and a nudge after queuing one. */
  mail: MailHandle
  now: () => Date
  limiters: {
    siteKey: RateLimiter
    clientReports: RateLimiter
    clientReceipts: RateLimiter
    /** Additions, later consents and evidence packs, per client. */
    clientEvidence: RateLimiter
  }
  /** HMAC key of the proof-of-work challenges, derived from the operator key. */
  powHmacKey: string
}
