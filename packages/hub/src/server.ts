/**
 * The Node entry: loads the keys (creating the embedded key file on first start), opens and
 * migrates the database, starts the delivery engine, the case grouper and the retention
 * schedule, and serves the hub with `@hono/node-server`. `close()` stops it all in order.
 */

import type { AddressInfo } from 'node:net'
import { hostname } from 'node:os'
import { serve } from '@hono/node-server'
import type { AlertContext } from './alerts/raise'
import { createHub, type HubApp } from './app'
import { createCaseGrouper } from './cases/grouper'
import type { HubConfig } from './config'
import { loadKeyring } from './crypto/key-source'
import { openDatabase } from './db/client'
import { systemClock } from './delivery/clock'
import { createDeliveryEngine } from './delivery/engine'
import { DEFAULT_TIMEOUT_MS } from './delivery/http-client'
import { DEFAULT_JITTER, DEFAULT_RETRY_SCHEDULE_MS } from './delivery/schedule'
import { loadSigningKeys } from './evidence/signing-key-source'
import { newId } from './ids'
import { createLogger } from './logging/logger'
import { MailWorker } from './notifications/mail-worker'
import { smtpTransport } from './notifications/transport'
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

  // The console links in alerts: the configured public address, else where this hub listens.
  const alerts: AlertContext = {
    settings: config.alerts,
    keyring: keys.keyring,
    logger,
    publicUrl: config.publicUrl ?? `http://${config.host}:${config.port}`,
  }
  const engine = createDeliveryEngine({
    database,
    keyring: keys.keyring,
    logger,
    ...config.delivery,
    alerts,
  })
  const mailTimeoutMs = config.mail.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const mailer = config.mail.smtpUrl
    ? new MailWorker({
        database,
        keyring: keys.keyring,
        logger,
        transport: smtpTransport(config.mail.smtpUrl, config.mail.from, mailTimeoutMs),
        clock: systemClock,
        retry: {
          scheduleMs: config.mail.retryScheduleMs ?? DEFAULT_RETRY_SCHEDULE_MS,
          jitter: DEFAULT_JITTER,
        },
        alerts: config.alerts,
        owner: `${hostname()}:${process.pid}:${newId('mail').slice(5)}`,
        // A send takes at most a few of its timeouts (connect, greeting, data).
        leaseMs: 4 * mailTimeoutMs,
        pollIntervalMs: 1_000,
        batchSize: 16,
      })
    : undefined
  const app = createHub({
    database,
    keyring: keys.keyring,
    signingKeys: signing.signingKeys,
    logger,
    settings: config.settings,
    engine,
    ...(mailer ? { mailer } : {}),
    powHmacKey: keys.powHmacKey,
  })
  engine.start()
  const grouper = createCaseGrouper({
    database,
    keyring: keys.keyring,
    settings: config.settings.cases,
    logger,
    alerts,
  })
  grouper.start()
  mailer?.start()
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
  if (!config.publicUrl) alerts.publicUrl = url
  logger.info({ url, mail: mailer !== undefined }, 'hub listening')

  return {
    app,
    url,
    async close() {
      stopRetention()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await engine.stop()
      await grouper.stop()
      await mailer?.stop()
      await database.close()
      logger.info('hub stopped')
    },
  }
}
