/**
 * The Node entry: loads the keys (creating the embedded key file on first start), opens and
 * migrates the database, starts the delivery engine and the retention schedule, and serves the
 * hub with `@hono/node-server`. `close()` stops it all in order.
 */

import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { createHub, type HubApp } from './app'
import type { HubConfig } from './config'
import { loadKeyring } from './crypto/key-source'
import { openDatabase } from './db/client'
import { createDeliveryEngine } from './delivery/engine'
import { loadSigningKeys } from './evidence/signing-key-source'
import { createLogger } from './logging/logger'
import { scheduleRetention } from './retention/purge'
import { runRetention } from './retention/run'

export interface RunningHub {
  app: HubApp
  url: string
  close(): Promise<void>
}

export async function startHub(config: HubConfig): Promise<RunningHub> {
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
  const signing = loadSigningKeys({
    signingKeys: config.signingKeys,
    dataDir: config.dataDir,
    production: config.production,
  })
  if (signing.createdKeyFile) {
    logger.warn(
      { keyFile: signing.createdKeyFile },
      'generated a new signing key file on first start; back it up — evidence packs it signs verify only against its public key. In production, set SAFE_PLACE_SIGNING_KEYS instead.',
    )
  }
  logger.info(
    { signingKeySource: signing.source, signingKeyId: signing.signingKeys.currentId },
    'signing key loaded',
  )
  const database = await openDatabase({
    url: config.databaseUrl,
    authToken: config.databaseAuthToken,
  })
  await database.migrate()
  logger.info(
    { database: config.databaseUrl.replace(/\/\/[^/]*@/, '//***@').split('?')[0] },
    'database ready',
  )

  const engine = createDeliveryEngine({
    database,
    keyring: keys.keyring,
    logger,
    ...config.delivery,
  })
  const app = createHub({
    database,
    keyring: keys.keyring,
    signingKeys: signing.signingKeys,
    logger,
    settings: config.settings,
    engine,
    powHmacKey: keys.powHmacKey,
  })
  engine.start()
  const stopRetention = scheduleRetention(async () => {
    const done = await runRetention(database, config.settings.retention, new Date())
    if (Object.values(done).some((n) => n > 0)) logger.info(done, 'retention run')
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
      await database.close()
      logger.info('hub stopped')
    },
  }
}
