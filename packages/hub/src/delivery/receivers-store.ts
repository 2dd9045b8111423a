/**
 * Receivers as the operator manages them: create (secret generated or given, sealed; URL
 * checked by the SSRF guard), list, read, update (URL re-checked; enabling clears the disabled
 * reason and the failure streak), and `webhook.test` messages. A URL's DNS check runs before
 * the write turn is taken, never inside it: the turn holds every other writer back.
 */
import type {
  Receiver,
  ReceiverCreate,
  ReceiverUpdate,
  WebhookTestEvent,
} from '@safe-place/schemas'
import { asc, eq } from 'drizzle-orm'
import type { Keyring } from '../crypto/keyring'
import type { ReceiverRow } from '../db/rows'
import { receivers } from '../db/schema'
import type { DbAccess, ReadDb, WriteTx } from '../db/types'
import { newId } from '../ids'
import { enqueueMessages } from './outbox'
import { generateWebhookSecret, secretContext } from './secrets'
import { checkUrl, type LookupAll, type SsrfPolicy } from './ssrf'

export function toReceiver(row: ReceiverRow): Receiver {
  return {
    id: row.id,
    partnerId: row.partnerId,
    kind: row.kind as Receiver['kind'],
    name: row.name,
    purpose: row.purpose,
    url: row.url,
    profile: row.profile as Receiver['profile'],
    filters: row.filters as Receiver['filters'],
    consentRequired: row.consentRequired,
    consentTextVersion: row.consentTextVersion,
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    concurrency: row.concurrency,
    ratePerSecond: row.ratePerSecond,
    failingSince: row.failingSince?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  }
}

export interface ReceiverStoreOptions {
  ssrf: SsrfPolicy
  /** Test seam for the URL check's DNS resolution. */
  lookup?: LookupAll | undefined
}

export async function createReceiver(
  database: DbAccess,
  keyring: Keyring,
  input: ReceiverCreate,
  now: Date,
  options: ReceiverStoreOptions,
): Promise<Receiver & { secret: string }> {
  await checkUrl(input.url, options.ssrf, options.lookup)
  const id = newId('rcv')
  const secret = input.secret ?? generateWebhookSecret()
  const sealed = keyring.seal(secret, secretContext(id))
  const [row] = await database.write((tx) =>
    tx
      .insert(receivers)
      .values({
        id,
        partnerId: input.partnerId,
        kind: input.kind,
        name: input.name,
        purpose: input.purpose,
        url: input.url,
        profile: input.profile,
        filters: input.filters,
        consentRequired: input.consentRequired,
        consentTextVersion: input.consentTextVersion,
        secretSealed: sealed,
        concurrency: input.concurrency,
        ratePerSecond: input.ratePerSecond,
        createdAt: now,
      })
      .returning(),
  )
  return { ...toReceiver(row!), secret }
}

export async function listReceivers(db: ReadDb, partnerId?: string): Promise<Receiver[]> {
  const rows = await db
    .select()
    .from(receivers)
    .where(partnerId ? eq(receivers.partnerId, partnerId) : undefined)
    .orderBy(asc(receivers.createdAt))
  return rows.map(toReceiver)
}

export async function getReceiverRow(db: ReadDb, id: string): Promise<ReceiverRow | undefined> {
  const [row] = await db.select().from(receivers).where(eq(receivers.id, id))
  return row
}

export async function updateReceiver(
  database: DbAccess,
  id: string,
  input: ReceiverUpdate,
  now: Date,
  options: ReceiverStoreOptions,
): Promise<Receiver | null> {
  const current = await getReceiverRow(database.db, id)
  if (!current) return null
  if (input.url !== undefined && input.url !== current.url) {
    await checkUrl(input.url, options.ssrf, options.lookup)
  }
  const { enabled, disabledReason, ...rest } = input
  const patch: Partial<typeof receivers.$inferInsert> = { ...rest, updatedAt: now }
  if (enabled === true)
    Object.assign(patch, { enabled: true, disabledReason: null, failingSince: null })
  if (enabled === false) {
    Object.assign(patch, {
      enabled: false,
      disabledReason: disabledReason ?? 'Disabled by the operator',
    })
  }
  const [row] = await database.write((tx) =>
    tx.update(receivers).set(patch).where(eq(receivers.id, id)).returning(),
  )
  return row ? toReceiver(row) : null
}

export async function sendTestMessage(
  tx: WriteTx,
  keyring: Keyring,
  receiverId: string,
  now: Date,
): Promise<string> {
  const event: WebhookTestEvent = {
    type: 'webhook.test',
    timestamp: now.toISOString(),
    data: { receiverId, message: 'This is a test message from the Safe Place hub.' },
  }
  const [id] = await enqueueMessages(
    tx,
    keyring,
    [{ receiverId, reportId: null, event, urgent: true }],
    now,
  )
  return id!
}
