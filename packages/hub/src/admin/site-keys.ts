/** Site keys: public (`spk_…`), bound to the origins of the partner's pages. */
import { randomBytes } from 'node:crypto'
import type { SiteKey, SiteKeyCreate, SiteKeyUpdate } from '@safe-place/schemas'
import { and, eq } from 'drizzle-orm'
import { forgetSiteKeyCache } from '../auth/site-key'
import { partners, siteKeys } from '../db/schema'
import type { ReadDb, WriteTx } from '../db/types'
import { forgetOriginCache } from '../http/cors'
import { HubError } from '../hub-error'
import { newId } from '../ids'
import { toSiteKey } from './serialize'
import { assertTenant, type Tenant } from './tenancy'

function forgetCaches(): void {
  forgetSiteKeyCache()
  forgetOriginCache()
}

export async function createSiteKey(
  db: WriteTx,
  tenant: Tenant,
  input: SiteKeyCreate,
  now: Date,
): Promise<SiteKey> {
  assertTenant(tenant, input.partnerId)
  const [partner] = await db.select().from(partners).where(eq(partners.id, input.partnerId))
  if (!partner) {
    throw new HubError('validation_failed', 'No such partner.', {
      details: [{ path: 'partnerId', message: 'Unknown partner' }],
    })
  }
  const [row] = await db
    .insert(siteKeys)
    .values({
      id: newId('sk'),
      key: `spk_${randomBytes(18).toString('base64url')}`,
      partnerId: input.partnerId,
      label: input.label ?? null,
      allowedOrigins: [...new Set(input.allowedOrigins)],
      requireChallenge: input.requireChallenge,
      rateLimitPerMinute: input.rateLimitPerMinute,
      categories: input.categories ?? null,
      createdAt: now,
    })
    .returning()
  forgetCaches()
  return toSiteKey(row!)
}

export async function listSiteKeys(
  db: ReadDb,
  tenant: Tenant,
  partnerId?: string,
): Promise<SiteKey[]> {
  const filters = [
    tenant ? eq(siteKeys.partnerId, tenant) : undefined,
    partnerId ? eq(siteKeys.partnerId, partnerId) : undefined,
  ]
  const rows = await db
    .select()
    .from(siteKeys)
    .where(and(...filters))
    .orderBy(siteKeys.createdAt)
  return rows.map(toSiteKey)
}

async function ownSiteKey(db: ReadDb, tenant: Tenant, id: string) {
  const [row] = await db.select().from(siteKeys).where(eq(siteKeys.id, id))
  if (!row) throw new HubError('not_found', 'No such site key.')
  assertTenant(tenant, row.partnerId)
  return row
}

export async function updateSiteKey(
  db: WriteTx,
  tenant: Tenant,
  id: string,
  input: SiteKeyUpdate,
): Promise<SiteKey> {
  await ownSiteKey(db, tenant, id)
  const set: Partial<typeof siteKeys.$inferInsert> = {}
  if (input.label !== undefined) set.label = input.label
  if (input.allowedOrigins !== undefined) set.allowedOrigins = [...new Set(input.allowedOrigins)]
  if (input.requireChallenge !== undefined) set.requireChallenge = input.requireChallenge
  if (input.rateLimitPerMinute !== undefined) set.rateLimitPerMinute = input.rateLimitPerMinute
  if (input.categories !== undefined) set.categories = input.categories
  const [row] = Object.keys(set).length
    ? await db.update(siteKeys).set(set).where(eq(siteKeys.id, id)).returning()
    : await db.select().from(siteKeys).where(eq(siteKeys.id, id))
  forgetCaches()
  return toSiteKey(row!)
}

/** Revoking is final and idempotent: the first revocation time is kept. */
export async function revokeSiteKey(
  db: WriteTx,
  tenant: Tenant,
  idOrKey: string,
  now: Date,
): Promise<SiteKey> {
  const [byKey] = idOrKey.startsWith('spk_')
    ? await db.select().from(siteKeys).where(eq(siteKeys.key, idOrKey))
    : []
  const row = await ownSiteKey(db, tenant, byKey?.id ?? idOrKey)
  const [updated] = row.revokedAt
    ? [row]
    : await db.update(siteKeys).set({ revokedAt: now }).where(eq(siteKeys.id, row.id)).returning()
  forgetCaches()
  return toSiteKey(updated!)
}
