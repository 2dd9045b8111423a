/**
 * A real libSQL file in a temp dir, migrated, with a keyring, a partner, and helpers to insert
 * receivers and reports directly (the intake code is another issue's).
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Client, createClient } from '@libsql/client'
import pino from 'pino'
import { Keyring } from '../../../src/crypto/keyring'
import { type DatabaseHandle, openDatabase } from '../../../src/db/client'
import { partners, receivers, reports } from '../../../src/db/schema'
import { generateWebhookSecret, secretContext } from '../../../src/delivery/secrets'
import { newId } from '../../../src/ids'
import { makeReport } from './report'

export const PARTNER_ID = 'prt_01JTESTPARTNER00000000000'

export interface TestDb extends DatabaseHandle {
  dir: string
  url: string
  keyring: Keyring
  /** A connection of its own, for tests to look into the file with plain SQL. */
  client: Client
  cleanup(): Promise<void>
}

export const silentLogger = pino({ level: 'silent' })

export async function createTestDb(): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), 'hub-delivery-'))
  const url = `file:${join(dir, 'hub.db')}`
  const handle = await openDatabase({ url })
  await handle.migrate()
  const keyring = new Keyring({ id: 'k1', key: randomBytes(32) })
  await handle.write((tx) =>
    tx.insert(partners).values({ id: PARTNER_ID, name: 'Test partner', kind: 'platform' }),
  )
  const client = createClient({ url })
  return {
    ...handle,
    dir,
    url,
    keyring,
    client,
    async cleanup() {
      client.close()
      await handle.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export interface TestReceiver {
  id: string
  secret: string
}

export async function insertReceiver(
  t: TestDb,
  url: string,
  extra: Partial<typeof receivers.$inferInsert> = {},
): Promise<TestReceiver> {
  const id = newId('rcv')
  const secret = generateWebhookSecret()
  await t.write((tx) =>
    tx.insert(receivers).values({
      id,
      partnerId: PARTNER_ID,
      kind: 'federation',
      name: { fr: 'Récepteur', en: 'Receiver' },
      purpose: { fr: 'Tests', en: 'Tests' },
      url,
      profile: 'full',
      filters: {},
      secretSealed: t.keyring.seal(secret, secretContext(id)),
      ...extra,
    }),
  )
  return { id, secret }
}

export async function insertReport(
  t: TestDb,
  overrides: Partial<typeof reports.$inferInsert> = {},
): Promise<{ id: string; reference: string }> {
  const id = newId('rpt')
  const reference = `SP-${randomRef()}-${randomRef()}`
  const r = makeReport({ reference })
  const now = new Date()
  await t.write((tx) =>
    tx.insert(reports).values({
      id,
      reference,
      partnerId: PARTNER_ID,
      receiptTokenHash: randomBytes(16).toString('hex'),
      status: 'routed',
      urgent: r.urgent,
      category: r.category,
      subtypes: [],
      platform: r.where.platform,
      raid: false,
      ongoing: true,
      reporterRole: 'target',
      targetAge: 'adult',
      minorInvolved: false,
      goodFaith: true,
      locale: 'fr',
      country: 'FR',
      source: 'widget',
      userAgentFamily: 'firefox',
      dsa: r.dsa,
      ozoneReasons: [],
      consents: [],
      sealed: null,
      submittedAt: now,
      updatedAt: now,
      ...overrides,
    }),
  )
  return { id, reference }
}

function randomRef(): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ'
  return Array.from(randomBytes(4), (b) => alphabet[b % alphabet.length]).join('')
}
