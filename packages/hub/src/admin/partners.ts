/** Partners: the tenants (brands, agencies, platforms…) that embed the panel. */
import type { Partner, PartnerCreate } from '@safe-place/schemas'
import { eq } from 'drizzle-orm'
import { partners } from '../db/schema'
import type { ReadDb, WriteTx } from '../db/types'
import { newId } from '../ids'
import { toPartner } from './serialize'
import type { Tenant } from './tenancy'

export async function createPartner(
  db: WriteTx,
  input: PartnerCreate,
  now: Date,
): Promise<Partner> {
  const [row] = await db
    .insert(partners)
    .values({ id: newId('prt'), name: input.name, kind: input.kind, createdAt: now })
    .returning()
  return toPartner(row!)
}

export async function listPartners(db: ReadDb, tenant: Tenant): Promise<Partner[]> {
  const rows = tenant
    ? await db.select().from(partners).where(eq(partners.id, tenant))
    : await db.select().from(partners).orderBy(partners.createdAt)
  return rows.map(toPartner)
}
