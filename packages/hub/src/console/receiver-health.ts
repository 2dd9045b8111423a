/**
 * A receiver's delivery health for the console: over the last 7 days of attempts, the success
 * rate, the median latency and the last error; and how many messages wait or failed for good.
 * Its disabled state and why come with the receiver itself.
 */
import type { ReceiverHealth } from '@safe-place/schemas'
import { and, count, desc, eq, gte, inArray } from 'drizzle-orm'
import { deliveryAttempts, messages } from '../db/schema'
import type { ReadDb } from '../db/types'

const HEALTH_WINDOW_MS = 7 * 24 * 3600 * 1000

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const succeeded = (a: { responseStatus: number | null; error: string | null }) =>
  a.error === null && a.responseStatus !== null && a.responseStatus >= 200 && a.responseStatus < 300

export async function receiverHealth(
  db: ReadDb,
  receiverId: string,
  now: Date,
): Promise<ReceiverHealth> {
  const attempts = await db
    .select({
      at: deliveryAttempts.attemptedAt,
      responseStatus: deliveryAttempts.responseStatus,
      durationMs: deliveryAttempts.durationMs,
      error: deliveryAttempts.error,
    })
    .from(deliveryAttempts)
    .innerJoin(messages, eq(messages.id, deliveryAttempts.messageId))
    .where(
      and(
        eq(messages.receiverId, receiverId),
        gte(deliveryAttempts.attemptedAt, new Date(now.getTime() - HEALTH_WINDOW_MS)),
      ),
    )
    .orderBy(desc(deliveryAttempts.attemptedAt))
    .limit(5000)
  const lastFailure = attempts.find((a) => !succeeded(a))
  const states = await db
    .select({ state: messages.state, n: count() })
    .from(messages)
    .where(
      and(
        eq(messages.receiverId, receiverId),
        inArray(messages.state, ['pending', 'delivering', 'failed', 'dead']),
      ),
    )
    .groupBy(messages.state)
  const n = (names: string[]) =>
    states.filter((s) => names.includes(s.state)).reduce((sum, s) => sum + s.n, 0)
  return {
    attempts: attempts.length,
    successRate: attempts.length ? attempts.filter(succeeded).length / attempts.length : null,
    medianLatencyMs: median(attempts.map((a) => a.durationMs)),
    lastError: lastFailure
      ? (lastFailure.error ?? `HTTP ${lastFailure.responseStatus ?? '?'}`).slice(0, 500)
      : null,
    lastErrorAt: lastFailure ? lastFailure.at.toISOString() : null,
    pending: n(['pending', 'delivering']),
    failed: n(['failed', 'dead']),
  }
}
