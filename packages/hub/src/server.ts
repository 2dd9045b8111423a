/**
 * The Node entry: loads the keys (creating the embedded key file on first start), opens and
 * migrates the database, starts the delivery engine and the retention schedule, and serves the
 * hub with `@hono/node-server`. `close()` stops it all in order.
 */

import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { createHub, type HubApp } from './app'
import type { HubConfig } from './config'
import { purgeExpiredSessions } from './console/session-store'
import { loadKeyring } from './crypto/key-source'
import { migrateDatabase, openDatabase } from './db/client'
import { localDatabasePath } from './db/writer-thread'
import { deliveryOptionsFromEnv } from './delivery/config'
import { createDeliveryEngine } from './delivery/engine'
import { createLogger } from './logging/logger'
import { purgeExpired, scheduleRetention } from './retention/purge'

export interface RunningHub {
  app: HubApp
  url: string
  close(): Promise<void>
}

export interface StartHubOptions {
  /**
   * Where delivery settings (`WEBHOOK_*`, `DELIVERY_ENGINE`, `SVIX_*`) are read from; defaults
   * to `process.env`. An embedder (the demo) passes its own instead of mutating the process's.
   */
  env?: Record<string, string | undefined>
}

export async function startHub(
  config: HubConfig,
  options: StartHubOptions = {},
): Promise<RunningHub> {
  const logger = createLogger(config.logLevel)
  const keys = loadKeyring({
    keys: config.keys,
    dataDir: config.dataDir,
    production: config.production,
  })
  if (keys.createdKeyFile) {
    logger.warn(
      { keyFile: keys.createdKeyFile },
      'generated a new encryption key file on first start; back it up — without it, stored reports cannot be read. In production, set SAFE_PLACE_KEYS instead.',
    )
  }
  logger.info({ keySource: keys.source, keyId: keys.keyring.currentId }, 'encryption key loaded')
  const handle = await openDatabase({
    url: config.databaseUrl,
    authToken: config.databaseAuthToken,
  })
  await migrateDatabase(handle.db)
  logger.info(
    { database: config.databaseUrl.replace(/\/\/[^/]*@/, '//***@').split('?')[0] },
    'database ready',
  )

  const engine = createDeliveryEngine({
    db: handle.db,
    databasePath: localDatabasePath(config.databaseUrl),
    keyring: keys.keyring,
    logger,
    ...deliveryOptionsFromEnv(options.env ?? process.env),
  })
  const app = createHub({
    db: handle.db,
    keyring: keys.keyring,
    logger,
    settings: config.settings,
    engine,
    powHmacKey: keys.powHmacKey,
  })
  engine.start()
  const stopRetention = scheduleRetention(async () => {
    const purged = await purgeExpired(handle.db, config.settings.retention, new Date())
    if (purged.attachments || purged.reports) logger.info(purged, 'retention purge')
    const sessions = await purgeExpiredSessions(handle.db, new Date())
    if (sessions) logger.info({ sessions }, 'expired console sessions removed')
  })

  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () =>
      resolve(s),
    )
  })
  const address = server.address() as AddressInfo
  const url = `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`
  logger.info({ url }, 'hub listening')

  return {
    app,
    url,
    async close() {
      stopRetention()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await engine.stop()
      handle.close()
      logger.info('hub stopped')
    },
  }
}
