/**
 * What a console role may see. The operator sees everything; a receiver sees only the reports
 * that were routed to it (a `report.created` message to it exists) and only its own messages.
 * Anything outside the scope answers `404 not_found`, exactly like something that does not exist.
 */
import { and, eq, exists, type SQL } from 'drizzle-orm'
import { messages, reports } from '../db/schema'
import type { ReadDb } from '../db/types'
import type { ConsolePrincipal } from './session-store'

/** `undefined`: the operator (no filter); a string: only this receiver's reports and messages. */
export type ReceiverScope = string | undefined

export function scopeOf(principal: Pick<ConsolePrincipal, 'role' | 'receiverId'>): ReceiverScope {
  if (principal.role === 'operator') return undefined
  // A receiver session always has a receiver (checked when the session opens).
  return principal.receiverId ?? '\u0000none'
}

/** SQL condition: the report was routed to this receiver. */
export function routedTo(db: ReadDb, receiverId: string): SQL {
  return exists(
    db
      .select({ one: messages.id })
      .from(messages)
      .where(
        and(
          eq(messages.reportId, reports.id),
          eq(messages.receiverId, receiverId),
          eq(messages.eventType, 'report.created'),
        ),
      ),
  )
}
