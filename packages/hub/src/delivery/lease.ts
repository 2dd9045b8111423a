/**
 * Claiming due messages with a lease in the database. One `UPDATE … WHERE id IN (SELECT …)
 * RETURNING` is a single write: SQLite runs writers one at a time, so two hub processes on one
 * libSQL file can never claim the same message, and a crashed worker's claims are taken over
 * once their lease has expired. Urgent messages first, then the oldest due.
 */
import { and, eq, gt } from 'drizzle-orm'
import type { Database } from '../db/client'
import { messages } from '../db/schema'
import type { StatementWriter, WriteStatement } from '../db/writer-thread'

export interface ClaimedMessage {
  id: string
  receiverId: string
  reportId: string | null
  eventType: string
  payloadSealed: string | null
  urgent: boolean
  attempts: number
  leaseExpiresAt: number
}

export interface ClaimOptions {
  workerId: string
  now: number
  leaseMs: number
  limit: number
}

/**
 * One ordered index range per (state, urgency): each part walks `messages_due` in order and
 * stops at the limit, so a claim never sorts the whole backlog; only the few candidates are
 * merged (urgent first, then the longest due).
 */
const CLAIMABLE = [
  ['pending', 1],
  ['failed', 1],
  ['delivering', 1],
  ['pending', 0],
  ['failed', 0],
  ['delivering', 0],
] as const

/** The claim: plain SQL, so it runs alike on the writer thread and on the main connection. */
export function claimStatement(o: ClaimOptions): WriteStatement {
  const until = o.now + o.leaseMs
  const part = `
    SELECT * FROM (
      SELECT id, urgent, next_attempt_at FROM messages
       WHERE state = ? AND urgent = ?
         AND next_attempt_at <= ?
         AND (lease_expires_at IS NULL OR lease_expires_at < ?)
         AND receiver_id IN (SELECT id FROM receivers WHERE enabled = 1)
       ORDER BY next_attempt_at
       LIMIT ?)`
  return {
    sql: `
      UPDATE messages
         SET lease_owner = ?, lease_expires_at = ?, state = 'delivering'
       WHERE id IN (
         SELECT id FROM (${CLAIMABLE.map(() => part).join(' UNION ALL ')})
          ORDER BY urgent DESC, next_attempt_at
          LIMIT ?)
      RETURNING id, receiver_id, report_id, event_type, payload_sealed, urgent, attempts`,
    args: [
      o.workerId,
      until,
      ...CLAIMABLE.flatMap(([state, urgent]) => [state, urgent, o.now, o.now, o.limit]),
      o.limit,
    ],
  }
}

export async function claimDueMessages(
  writer: StatementWriter,
  o: ClaimOptions,
): Promise<ClaimedMessage[]> {
  if (o.limit <= 0) return []
  const until = o.now + o.leaseMs
  const [rows = []] = await writer.write([claimStatement(o)])
  return rows
    .map((r) => ({
      id: r.id as string,
      receiverId: r.receiver_id as string,
      reportId: r.report_id as string | null,
      eventType: r.event_type as string,
      payloadSealed: r.payload_sealed as string | null,
      urgent: Boolean(r.urgent),
      attempts: Number(r.attempts),
      leaseExpiresAt: until,
    }))
    .sort((a, b) => Number(b.urgent) - Number(a.urgent))
}

/**
 * Extends a lease still held by `workerId`; false when it was lost (expired and taken over), in
 * which case the caller must not send.
 */
export async function renewLease(
  db: Database,
  messageId: string,
  workerId: string,
  now: number,
  leaseMs: number,
): Promise<boolean> {
  const result = await db
    .update(messages)
    .set({ leaseExpiresAt: new Date(now + leaseMs) })
    .where(
      and(
        eq(messages.id, messageId),
        eq(messages.leaseOwner, workerId),
        gt(messages.leaseExpiresAt, new Date(now)),
      ),
    )
  return result.rowsAffected === 1
}

/** Thrown before sending when the lease was lost: the attempt is abandoned, not recorded. */
export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError'
  constructor(messageId: string) {
    super(`Lost the lease on ${messageId}`)
  }
}
