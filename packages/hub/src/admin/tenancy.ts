/**
 * Tenancy: the operator sees everything; a partner key sees its own partner only. Every admin
 * query takes a `Tenant` and filters by it, and asking for another tenant's row answers
 * `404 not_found`, exactly like a row that does not exist.
 */
import { HubError } from '../hub-error'

/** `undefined`: the operator (no filter). A string: only this partner's rows. */
export type Tenant = string | undefined

export function assertTenant(tenant: Tenant, partnerId: string | null | undefined): void {
  if (tenant !== undefined && partnerId !== tenant) throw new HubError('not_found')
}
