/** The operator's view of the outbox: messages with their reference, and their attempt log. */
import type { DeliveryAttempt, DeliveryMessage, MessageState } from '@safe-place/schemas'
import { and, asc, desc, eq, gte, inArray, lt, lte, type SQL } from 'drizzle-orm'
import type { Keyring } from '../crypto/keyring'
import { deliveryAttempts, messages, reports } from '../db/schema'
import type { ReadDb } from '../db/types'
import { openResponseBody } from './response-body'

export interface MessageQuery {
  receiverId?: string | undefined
  state?: MessageState | undefined
  from?: Date | undefined
  to?: Date | undefined
  /** The last id of the previous page (ids sort by creation). */
  cursor?: string | undefined
  limit?: number | undefined
  /** Restrict to receivers of one partner (partner keys). */
  receiverIds?: readonly string[] | undefined
}

const columns = {
  id: messages.id,
  receiverId: messages.receiverId,
  reference: reports.reference,
  eventType: messages.eventType,
  state: messages.state,
  urgent: messages.urgent,
  attempts: messages.attempts,
  nextAttemptAt: messages.nextAttemptAt,
  lastError: messages.lastError,
  createdAt: messages.createdAt,
  deliveredAt: messages.deliveredAt,
}

interface Row {
  id: string
  receiverId: string
  reference: string | null
  eventType: string
  state: string
  urgent: boolean
  attempts: number
  nextAttemptAt: Date | null
  lastError: string | null
  createdAt: Date
  deliveredAt: Date | null
}

function toMessage(row: Row): DeliveryMessage {
  return {
    id: row.id,
    receiverId: row.receiverId,
    reference: row.reference ?? null,
    eventType: row.eventType as DeliveryMessage['eventType'],
    state: row.state as MessageState,
    urgent: row.urgent,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
  }
}

export async function listMessages(
  db: ReadDb,
  q: MessageQuery,
): Promise<{ items: DeliveryMessage[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(q.limit ?? 50, 1), 200)
  const where: SQL[] = []
  if (q.receiverId) where.push(eq(messages.receiverId, q.receiverId))
  // In the query, not after it: a page (and whether there is a next one) counts only these.
  if (q.receiverIds) {
    if (q.receiverIds.length === 0) return { items: [], nextCursor: null }
    where.push(inArray(messages.receiverId, [...q.receiverIds]))
  }
  if (q.state) where.push(eq(messages.state, q.state))
  if (q.from) where.push(gte(messages.createdAt, q.from))
  if (q.to) where.push(lte(messages.createdAt, q.to))
  if (q.cursor) where.push(lt(messages.id, q.cursor))
  const rows = await db
    .select(columns)
    .from(messages)
    .leftJoin(reports, eq(reports.id, messages.reportId))
    .where(and(...where))
    .orderBy(desc(messages.id))
    .limit(limit + 1)
  const page = rows.slice(0, limit)
  return {
    items: page.map(toMessage),
    nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  }
}

export async function getMessageSummary(db: ReadDb, id: string): Promise<DeliveryMessage | null> {
  const [row] = await db
    .select(columns)
    .from(messages)
    .leftJoin(reports, eq(reports.id, messages.reportId))
    .where(eq(messages.id, id))
  return row ? toMessage(row) : null
}

/** With every attempt; the receivers' answers opened for the operator or the receiver. */
export async function getMessage(
  db: ReadDb,
  keyring: Keyring,
  id: string,
): Promise<(DeliveryMessage & { attempts: DeliveryAttempt[] }) | null> {
  const [row] = await db
    .select(columns)
    .from(messages)
    .leftJoin(reports, eq(reports.id, messages.reportId))
    .where(eq(messages.id, id))
  if (!row) return null
  const attempts = await db
    .select()
    .from(deliveryAttempts)
    .where(eq(deliveryAttempts.messageId, id))
    .orderBy(asc(deliveryAttempts.attemptedAt))
  return {
    ...toMessage(row),
    attempts: attempts.map((a) => ({
      id: a.id,
      messageId: a.messageId,
      attemptedAt: a.attemptedAt.toISOString(),
      responseStatus: a.responseStatus,
      durationMs: a.durationMs,
      responseBody: openResponseBody(keyring, id, a.responseBody),
      error: a.error,
    })),
  } as DeliveryMessage & { attempts: DeliveryAttempt[] }
}
