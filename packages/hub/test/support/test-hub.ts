/**
 * A hub on a real libSQL file in a fresh temp folder, migrated, with one partner, one site key
 * and an operator key, for route tests (`app.request`) and HTTP tests (`listen`).
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { type Client, createClient } from '@libsql/client'
import type { ReceiverCreate, ReportIntakeInput } from '@safe-place/schemas'
import { createApiKey } from '../../src/admin/api-keys'
import { createPartner } from '../../src/admin/partners'
import { createSiteKey } from '../../src/admin/site-keys'
import { createHub, type HubApp, type HubOptions } from '../../src/app'
import { Keyring } from '../../src/crypto/keyring'
import { type DatabaseHandle, openDatabase } from '../../src/db/client'
import { createReceiver, type ReceiverStoreOptions } from '../../src/delivery/receivers-store'

export const ORIGIN = 'https://partner.example'

export interface TestHub {
  app: HubApp
  handle: DatabaseHandle
  /** A connection of its own, for tests to look into the file with plain SQL. */
  client: Client
  dir: string
  dbPath: string
  keyring: Keyring
  partnerId: string
  siteKey: string
  operatorKey: string
  close(): Promise<void>
}

export async function openTestDb(dir: string) {
  const dbPath = join(dir, 'hub.db')
  const handle = await openDatabase({ url: `file:${dbPath}` })
  await handle.migrate()
  return { handle, dbPath }
}

export async function makeTestHub(
  options: Partial<Omit<HubOptions, 'db' | 'keyring'>> & { dir?: string; keyring?: Keyring } = {},
): Promise<TestHub> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'sp-hub-'))
  const { handle, dbPath } = await openTestDb(dir)
  const keyring = options.keyring ?? new Keyring({ id: 't1', key: randomBytes(32) })
  const now = new Date()
  const { partner, site, operator } = await handle.write(async (tx) => {
    const partner = await createPartner(tx, { name: 'Partner A', kind: 'brand' }, now)
    const site = await createSiteKey(
      tx,
      undefined,
      {
        partnerId: partner.id,
        allowedOrigins: [ORIGIN],
        requireChallenge: false,
        rateLimitPerMinute: 10_000,
      },
      now,
    )
    const operator = await createApiKey(tx, { name: 'ops', scope: 'operator' }, now)
    return { partner, site, operator }
  })
  const client = createClient({ url: `file:${dbPath}` })
  const app = createHub({
    database: handle,
    keyring,
    settings: {
      clientReportsPerMinute: 10_000,
      clientReceiptTriesPerMinute: 10_000,
      ...options.settings,
    },
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.powHmacKey ? { powHmacKey: options.powHmacKey } : {}),
    ...(options.mailer ? { mailer: options.mailer } : {}),
    ...(options.signingKeys ? { signingKeys: options.signingKeys } : {}),
    ...(options.engine ? { engine: options.engine } : {}),
  })
  return {
    app,
    handle,
    client,
    dir,
    dbPath,
    keyring,
    partnerId: partner.id,
    siteKey: site.key,
    operatorKey: operator.secret,
    async close() {
      client.close()
      await handle.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Plain http to 127.0.0.1 only, as the demo runs. */
const LOOPBACK_RECEIVERS: ReceiverStoreOptions = {
  ssrf: { allowHttp: true, allowCidrs: ['127.0.0.1/32'] },
}

/** A receiver of the hub's partner: the federation, on 127.0.0.1, unless `input` says otherwise. */
export function addReceiver(
  hub: TestHub,
  input: Partial<ReceiverCreate> = {},
  options: ReceiverStoreOptions = LOOPBACK_RECEIVERS,
) {
  return createReceiver(
    hub.handle,
    hub.keyring,
    {
      partnerId: hub.partnerId,
      kind: 'federation',
      name: { fr: 'Fédération', en: 'Federation' },
      purpose: { fr: 'Accompagner', en: 'Support' },
      url: 'http://127.0.0.1:9/hooks',
      profile: 'full',
      filters: {},
      consentRequired: true,
      consentTextVersion: '1',
      concurrency: 1,
      ratePerSecond: 10,
      ...input,
    },
    new Date(),
    options,
  )
}

export const DESCRIPTION = 'Il me menace tous les soirs depuis le compte zq_secret_handle_91'
export const EMAIL = 'victime.unique.7731@example.org'

export function sampleReport(overrides: Partial<ReportIntakeInput> = {}): ReportIntakeInput {
  return {
    category: 'threat',
    what: { description: DESCRIPTION, ongoing: true },
    where: {
      platform: 'instagram',
      contentUrls: ['https://www.instagram.com/p/abc123secretpost/'],
      accounts: [{ handle: '@zq_secret_handle_91' }],
    },
    who: { role: 'target', targetIsWomanOrGirl: true, targetHandle: '@my_public_creator_handle' },
    contact: { channel: 'email', value: EMAIL },
    goodFaith: true,
    context: { locale: 'fr', source: 'widget' },
    ...overrides,
  }
}

export function postReport(
  hub: TestHub,
  body: unknown,
  init: { headers?: Record<string, string>; raw?: string | Uint8Array | FormData } = {},
) {
  const isForm = init.raw instanceof FormData
  return hub.app.request('/v1/reports', {
    method: 'POST',
    headers: {
      ...(isForm ? {} : { 'content-type': 'application/json' }),
      'safe-place-site-key': hub.siteKey,
      ...init.headers,
    },
    body: (init.raw ?? JSON.stringify(body)) as BodyInit,
  })
}

export async function listen(app: HubApp): Promise<{ url: string; close(): Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve(
      { fetch: app.fetch, hostname: '127.0.0.1', port: 0 },
      (info: AddressInfo) => {
        resolve({
          url: `http://127.0.0.1:${info.port}`,
          close: () => new Promise((r) => server.close(() => r())),
        })
      },
    )
  })
}
