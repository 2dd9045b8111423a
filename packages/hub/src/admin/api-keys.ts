/** Secret API keys: shown once, stored as SHA-256, scoped to the operator, a partner or a receiver. */
import type { ApiKey, ApiKeyCreate, ApiKeyCreated } from '@safe-place/schemas'
import { and, eq } from 'drizzle-orm'
import { newApiKeySecret, sha256Hex } from '../auth/secrets'
import { apiKeys, partners, receivers } from '../db/schema'
import type { ReadDb, WriteTx } from '../db/types'
import { HubError } from '../hub-error'
import { newId } from '../ids'
import { toApiKey } from './serialize'
import { assertTenant, type Tenant } from './tenancy'

export async function createApiKey(
  db: WriteTx,
  input: ApiKeyCreate,
  now: Date,
): Promise<ApiKeyCreated> {
  let partnerId = input.scope === 'operator' ? null : (input.partnerId ?? null)
  if (partnerId) {
    const [partner] = await db.select().from(partners).where(eq(partners.id, partnerId))
    if (!partner) {
      throw new HubError('validation_failed', 'No such partner.', {
        details: [{ path: 'partnerId', message: 'Unknown partner' }],
      })
    }
  }
  if (input.scope === 'receiver') {
    const [receiver] = await db
      .select()
      .from(receivers)
      .where(eq(receivers.id, input.receiverId ?? ''))
    if (!receiver) {
      throw new HubError('validation_failed', 'No such receiver.', {
        details: [{ path: 'receiverId', message: 'Unknown receiver' }],
      })
    }
    partnerId = receiver.partnerId
  }
  const secret = newApiKeySecret()
  const [row] = await db
    .insert(apiKeys)
    .values({
      id: newId('key'),
      name: input.name,
      scope: input.scope,
      partnerId,
      receiverId: input.scope === 'receiver' ? (input.receiverId ?? null) : null,
      prefix: secret.slice(0, 12),
      secretHash: sha256Hex(secret),
      createdAt: now,
    })
    .returning()
  return { ...toApiKey(row!), secret }
}

export async function listApiKeys(db: ReadDb, tenant: Tenant): Promise<ApiKey[]> {
  const rows = await db
    .select()
    .from(apiKeys)
    .where(tenant ? eq(apiKeys.partnerId, tenant) : undefined)
    .orderBy(apiKeys.createdAt)
  return rows.map(toApiKey)
}

export async function revokeApiKey(
  db: WriteTx,
  tenant: Tenant,
  id: string,
  now: Date,
): Promise<ApiKey> {
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, id))
  if (!row) throw new HubError('not_found', 'No such API key.')
  assertTenant(tenant, row.partnerId)
  const [updated] = row.revokedAt
    ? [row]
    : await db
        .update(apiKeys)
        .set({ revokedAt: now })
        .where(and(eq(apiKeys.id, id)))
        .returning()
  return toApiKey(updated!)
}
