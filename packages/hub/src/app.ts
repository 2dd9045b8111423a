/**
 * `createHub(options)`: the hub as a Hono app, wiring only — runtime on the context, request
 * ids and logs, a CSP on every HTML answer, CORS, the route groups of `api/index.ts` (`/docs`
 * among them; each reads a body only once its credential passed), one error handler, one
 * validation hook and the OpenAPI document (`/openapi.json`). Runs on any runtime Hono runs
 * on; `server.ts` is the Node entry.
 *
 * @example
 * const database = await openDatabase({ url: 'file:./data/hub.db' })
 * await database.migrate()
 * const app = createHub({ database, keyring })
 * serve({ fetch: app.fetch, port: 3000 })
 */
import { randomBytes } from 'node:crypto'
import { OpenAPIHono } from '@hono/zod-openapi'
import { SIGNING_KEYS_PATH } from '@safe-place/schemas'
import { routeGroups } from './api/index'
import type { Keyring } from './crypto/keyring'
import type { DatabaseHandle } from './db/client'
import type { DeliveryEngine } from './delivery/engine'
import { SigningKeyring } from './evidence/signing-keys'
import { publicCors } from './http/cors'
import { defaultHook } from './http/default-hook'
import type { HubEnv } from './http/env'
import { everyPageHasCsp } from './http/page-security'
import { RateLimiter } from './http/rate-limiter'
import { onError } from './http/render-error'
import { requestContext } from './http/request-context'
import { HubError } from './hub-error'
import { createLogger, type Logger } from './logging/logger'
import { mergeRoutingRules } from './routing/rules'
import type { HubRuntime } from './runtime'
import { HubSettings, type HubSettingsInput } from './settings'

export interface HubOptions {
  /** The database (`openDatabase`), migrated; share it with the delivery engine. */
  database: DatabaseHandle
  keyring: Keyring
  /**
   * The Ed25519 keys that sign evidence packs (`loadSigningKeys`). Without them a key is drawn
   * for the life of the process: packs it signs no longer verify once it is gone.
   */
  signingKeys?: SigningKeyring
  logger?: Logger
  settings?: HubSettingsInput
  /** Woken after each accepted report; `serve` passes the running engine. */
  engine?: DeliveryEngine
  /** The mail worker, when `SMTP_URL` is set: notifications are offered and sent. */
  mailer?: { wake(): void }
  /** HMAC key of proof-of-work challenges; give the same one to every process of a deployment. */
  powHmacKey?: string
  now?: () => Date
}

export type HubApp = OpenAPIHono<HubEnv>

export function createHub(options: HubOptions): HubApp {
  const settings = HubSettings.parse(options.settings ?? {})
  const hub: HubRuntime = {
    db: options.database.db,
    write: options.database.write,
    writeRows: options.database.writeRows,
    keyring: options.keyring,
    signingKeys: options.signingKeys ?? SigningKeyring.ephemeral(),
    logger: options.logger ?? createLogger('silent'),
    settings,
    routingRules: mergeRoutingRules(settings.routing),
    engine: options.engine,
    mail: { enabled: options.mailer !== undefined, wake: () => options.mailer?.wake() },
    now: options.now ?? (() => new Date()),
    limiters: {
      siteKey: new RateLimiter(),
      clientReports: new RateLimiter(),
      clientReceipts: new RateLimiter(),
      clientEvidence: new RateLimiter(),
    },
    powHmacKey: options.powHmacKey ?? randomBytes(32).toString('base64url'),
  }

  const app = new OpenAPIHono<HubEnv>({ defaultHook })
  app.use('*', requestContext(hub))
  app.use('*', everyPageHasCsp())
  app.use('/v1/resources', publicCors({ anyOrigin: true }))
  app.use(SIGNING_KEYS_PATH, publicCors({ anyOrigin: true }))
  app.use('/v1/widget-config', publicCors())
  app.use('/v1/challenge', publicCors())
  app.use('/v1/reports', publicCors())
  app.use('/v1/reports/*', publicCors())

  for (const group of routeGroups) app.route('/', group())

  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'A secret API key (operator, partner or receiver scope)',
  })
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Safe Place hub',
      version: '0.1.0',
      description:
        'Report intake, receipts and the operator API. Every error is an ErrorBody `{ error: { code, message, details?, requestId? } }`.',
    },
  })

  app.notFound((c) => {
    throw new HubError(
      'not_found',
      `No route for ${c.req.method} ${new URL(c.req.url).pathname.slice(0, 100)}.`,
    )
  })
  app.onError(onError)
  return app
}
