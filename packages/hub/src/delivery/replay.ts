/**
 * Replays: one message (whatever its state, as long as its payload still exists), or every
 * failed or dead message of a receiver created in a time range. A replayed message starts the
 * retry schedule afresh; its earlier attempts stay in the log.
 */
import { and, between, eq, inArray, isNotNull } from 'drizzle-orm'
import type { Database } from '../db/client'
import { messages } from '../db/schema'

const fresh = (now: Date) => ({
  state: 'pending',
  attempts: 0,
  nextAttemptAt: now,
  leaseOwner: null,
  leaseExpiresAt: null,
})

export type ReplayOneResult = 'replayed' | 'not_found' | 'erased' | 'in_flight'

export async function replayMessage(
  db: Database,
  messageId: string,
  now: Date,
): Promise<ReplayOneResult> {
  const [row] = await db.select().from(messages).where(eq(messages.id, messageId))
  if (!row) return 'not_found'
  if (!row.payloadSealed) return 'erased'
  if (row.state === 'delivering' && row.leaseExpiresAt && row.leaseExpiresAt > now)
    return 'in_flight'
  await db.update(messages).set(fresh(now)).where(eq(messages.id, messageId))
  return 'replayed'
}

export async function replayFailedMessages(
  db: Database,
  receiverId: string,
  from: Date,
  to: Date,
  now: Date,
): Promise<number> {
  const result = await db
    .update(messages)
    .set(fresh(now))
    .where(
      and(
        eq(messages.receiverId, receiverId),
        inArray(messages.state, ['failed', 'dead']),
        isNotNull(messages.payloadSealed),
        between(messages.createdAt, from, to),
      ),
    )
  return result.rowsAffected
}
