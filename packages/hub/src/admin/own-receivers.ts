/**
 * Which receivers a reader speaks for, and the one rule about the others: a reader learns
 * nothing of them — not their ids, nor whether they got a report. The operator speaks for every
 * receiver (`undefined`); a receiver's console session for itself; a partner key for its
 * partner's receivers. Timelines, delivery lists and receiver filters all go through this.
 */
import { eq } from 'drizzle-orm'
import type { ReceiverScope } from '../console/scope'
import { receivers } from '../db/schema'
import type { ReadDb } from '../db/types'
import { HubError } from '../hub-error'
import type { Tenant } from './tenancy'

/** `undefined`: every receiver (the operator). Otherwise the ids this reader speaks for. */
export type OwnReceivers = ReadonlySet<string> | undefined

/** A partner key's receivers (its partner's); the operator's: all of them. */
export async function ownReceiversOfTenant(db: ReadDb, tenant: Tenant): Promise<OwnReceivers> {
  if (tenant === undefined) return undefined
  const rows = await db
    .select({ id: receivers.id })
    .from(receivers)
    .where(eq(receivers.partnerId, tenant))
  return new Set(rows.map((r) => r.id))
}

/** A console session's receivers: a receiver's is itself; the operator's, all of them. */
export function ownReceiversOfScope(scope: ReceiverScope): OwnReceivers {
  return scope === undefined ? undefined : new Set([scope])
}

export function isOwnReceiver(own: OwnReceivers, receiverId: string | null): boolean {
  return own === undefined || (receiverId !== null && own.has(receiverId))
}

/**
 * A `receiverId` filter may name only the reader's own receivers. Any other id, existing or
 * not, is the same `403`: the answer says nothing about that receiver or what it got.
 */
export function assertOwnReceiverFilter(own: OwnReceivers, receiverId: string | undefined): void {
  if (receiverId !== undefined && receiverId !== '' && !isOwnReceiver(own, receiverId)) {
    throw new HubError('forbidden', 'Filter only by your own receivers.')
  }
}
