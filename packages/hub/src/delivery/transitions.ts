/**
 * The delivery state machine, in one place: every change of a message's state, whichever engine
 * makes it (embedded or Svix) and whoever asks (a worker, a withdrawal, an operator's replay).
 *
 *   pending ──claim──▶ delivering ──2xx──▶ succeeded
 *      ▲                   │ └──error──▶ failed (due again later) ──claim──▶ …
 *      │                   │ └──error, schedule exhausted──▶ dead
 *      └──── replay ───────┴──payload erased──▶ cancelled
 *
 * Every function runs inside a write unit (`hub.write`). A worker moves a message on only while
 * it still holds its lease. The attempt log keeps what the receiver answered (sealed); the
 * erasure guards null it again if the report was erased while the request was in flight.
 */
import { and, between, eq, gt, inArray, isNotNull } from 'drizzle-orm'
import type { Logger } from 'pino'
import { type AlertContext, raiseAlert } from '../alerts/raise'
import { deliveryAttempts, messages, reports } from '../db/schema'
import { execute, placeholders, type Statement } from '../db/statements'
import type { WriteTx } from '../db/types'
import { newId } from '../ids'
import type { Outcome } from './outcome'
import { disableReceiver, recordReceiverFailure } from './receiver-health'
import { nextRetryDelay, type RetryPolicy } from './schedule'

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

/**
 * Order per report: for one receiver, a report's message waits while an earlier one of the
 * same report (by `report_seq`, its place in the evidence chain) may still go out — pending,
 * being delivered, or failed with a retry to come. Succeeded, dead and cancelled are done; so
 * is a failure with no retry left to it (Svix gave up). One index probe per candidate
 * (`messages_report_order`); messages without a report or an order are never held.
 */
const NO_EARLIER_UNSENT = `(m.report_seq IS NULL OR NOT EXISTS (
           SELECT 1 FROM messages e
            WHERE e.report_id = m.report_id AND e.receiver_id = m.receiver_id
              AND e.report_seq < m.report_seq
              AND (e.state IN ('pending', 'delivering')
                   OR (e.state = 'failed' AND e.next_attempt_at IS NOT NULL))))`

/**
 * Claims due messages under a lease, in one `UPDATE … WHERE id IN (SELECT …) RETURNING`: SQLite
 * runs writers one at a time, so two hub processes on one file never claim the same message,
 * and a crashed worker's claims are taken over once their lease has expired. A report's
 * messages to one receiver are claimed one at a time, in order (`NO_EARLIER_UNSENT`): the next
 * becomes claimable once the one before succeeded or died; other reports are not held up.
 */
export async function claimDue(tx: WriteTx, o: ClaimOptions): Promise<ClaimedMessage[]> {
  if (o.limit <= 0) return []
  const until = o.now + o.leaseMs
  const part = `
    SELECT * FROM (
      SELECT m.id, m.urgent, m.next_attempt_at FROM messages m
       WHERE m.state = ? AND m.urgent = ?
         AND m.next_attempt_at <= ?
         AND (m.lease_expires_at IS NULL OR m.lease_expires_at < ?)
         AND m.receiver_id IN (SELECT id FROM receivers WHERE enabled = 1)
         AND ${NO_EARLIER_UNSENT}
       ORDER BY m.next_attempt_at
       LIMIT ?)`
  const rows = await execute(tx, {
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
  })
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

/** Extends a lease still held by `owner`; false when it was lost (the caller must not send). */
export async function renewLease(
  tx: WriteTx,
  messageId: string,
  owner: string,
  now: number,
  leaseMs: number,
): Promise<boolean> {
  const result = await tx
    .update(messages)
    .set({ leaseExpiresAt: new Date(now + leaseMs) })
    .where(
      and(
        eq(messages.id, messageId),
        eq(messages.leaseOwner, owner),
        gt(messages.leaseExpiresAt, new Date(now)),
      ),
    )
  return result.rowsAffected === 1
}

const released = { leaseOwner: null, leaseExpiresAt: null, nextAttemptAt: null }

/** A claimed message whose payload was erased after it was queued: nothing to send, ever. */
export async function cancelErased(tx: WriteTx, messageId: string, owner: string): Promise<void> {
  await tx
    .update(messages)
    .set({ state: 'cancelled', ...released })
    .where(and(eq(messages.id, messageId), eq(messages.leaseOwner, owner)))
}

/**
 * A report withdrawn: what has not left yet never will (in flight or done, the state stays; the
 * erasure already removed every payload, so a retry finds nothing to send).
 */
export async function cancelUnsent(tx: WriteTx, reportId: string): Promise<void> {
  await tx
    .update(messages)
    .set({ state: 'cancelled', ...released })
    .where(
      and(eq(messages.reportId, reportId), inArray(messages.state, ['pending', 'failed', 'dead'])),
    )
}

/** What one attempt came to: recorded in the attempt log, and the message moved on. */
export interface AttemptRecord {
  messageId: string
  receiverId: string
  reportId: string | null
  eventType: string
  /** The lease owner that made the attempt: only it may move the message on. */
  owner: string
  /** Attempts before this one. */
  attemptsBefore: number
  startedAt: number
  finishedAt: number
  durationMs: number
  status: number | null
  /** Sealed (`response-body.ts`), or null. */
  responseBody: string | null
  outcome: Outcome
}

/** What a failure leads to: the retry schedule, and when a failing endpoint is disabled. */
export interface FailurePolicy {
  retry: RetryPolicy
  disableAfterMs: number
  logger: Logger
  /** Operator alerts for a receiver disabled and a message dead; none when absent. */
  alerts?: AlertContext | undefined
}

/**
 * Records attempts and moves their messages on. Successes are written a few statements per
 * batch whatever its size (plain SQL: building thousands of parameters through the query
 * builder cost more than SQLite running them); a failure reads its endpoint's failure streak,
 * so each has its own statements.
 */
export async function recordAttempts(
  tx: WriteTx,
  records: readonly AttemptRecord[],
  policy: FailurePolicy,
): Promise<void> {
  if (records.length === 0) return
  await execute(tx, attemptLogStatement(records))
  const successes = records.filter((r) => r.outcome.kind === 'delivered')
  if (successes.length) for (const s of successStatements(successes)) await execute(tx, s)
  for (const record of records) {
    if (record.outcome.kind !== 'delivered') await recordFailure(tx, record, policy)
  }
}

function attemptLogStatement(records: readonly AttemptRecord[]): Statement {
  return {
    sql: `INSERT INTO delivery_attempts
            (id, message_id, worker_id, attempted_at, response_status, duration_ms, response_body, error)
          VALUES ${placeholders(records.length, '(?, ?, ?, ?, ?, ?, ?, ?)')}`,
    args: records.flatMap((r) => [
      newId('atm'),
      r.messageId,
      r.owner,
      r.startedAt,
      r.status,
      r.durationMs,
      r.responseBody,
      r.outcome.kind === 'delivered' ? null : r.outcome.error,
    ]),
  }
}

/**
 * The messages still leased by their owner succeed; `delivered_at` is the batch's latest answer
 * (within milliseconds of each; the attempt row keeps its own time). A first delivery of a
 * report goes on its timeline; the receivers' failure streaks end.
 */
function successStatements(records: readonly AttemptRecord[]): Statement[] {
  const at = records.reduce((latest, r) => Math.max(latest, r.finishedAt), 0)
  const byOwner = new Map<string, string[]>()
  for (const r of records) byOwner.set(r.owner, [...(byOwner.get(r.owner) ?? []), r.messageId])
  const statements: Statement[] = [...byOwner].map(([owner, ids]) => ({
    sql: `UPDATE messages SET state = 'succeeded', attempts = attempts + 1, delivered_at = ?,
            last_error = NULL, next_attempt_at = NULL, lease_owner = NULL, lease_expires_at = NULL
          WHERE lease_owner = ? AND id IN (${placeholders(ids.length, '?')})`,
    args: [at, owner, ...ids],
  }))
  const firsts = records.filter((r) => r.reportId && r.eventType === 'report.created')
  if (firsts.length) {
    statements.push({
      sql: `INSERT INTO timeline_events (id, report_id, at, kind, receiver_id)
            VALUES ${placeholders(firsts.length, "(?, ?, ?, 'delivered', ?)")}`,
      args: firsts.flatMap((r) => [newId('evt'), r.reportId, r.finishedAt, r.receiverId]),
    })
  }
  const receiverIds = [...new Set(records.map((r) => r.receiverId))]
  statements.push({
    sql: `UPDATE receivers SET failing_since = NULL
          WHERE failing_since IS NOT NULL AND id IN (${placeholders(receiverIds.length, '?')})`,
    args: receiverIds,
  })
  return statements
}

/** Due again later (the schedule, or the receiver's `Retry-After`), or dead when it is exhausted. */
async function recordFailure(
  tx: WriteTx,
  record: AttemptRecord,
  policy: FailurePolicy,
): Promise<void> {
  const { outcome } = record
  if (outcome.kind === 'delivered') return
  const attempts = record.attemptsBefore + 1
  const delay =
    outcome.kind === 'failed' && outcome.retryAfterMs !== null
      ? outcome.retryAfterMs
      : nextRetryDelay(attempts, policy.retry)
  const updated = await tx
    .update(messages)
    .set({
      attempts,
      state: delay === null ? 'dead' : 'failed',
      nextAttemptAt: delay === null ? null : new Date(record.finishedAt + delay),
      lastError: outcome.error,
      leaseOwner: null,
      leaseExpiresAt: null,
    })
    .where(and(eq(messages.id, record.messageId), eq(messages.leaseOwner, record.owner)))
  // Lost the lease meanwhile: the new holder owns the message (its attempt stays in the log).
  if (updated.rowsAffected === 0) return
  if (delay === null && policy.alerts) await alertDead(tx, record, attempts, policy.alerts)
  if (outcome.kind === 'gone') {
    await disableReceiver(
      tx,
      policy.logger,
      record.receiverId,
      outcome.error,
      record.finishedAt,
      policy.alerts,
    )
  } else {
    await recordReceiverFailure(
      tx,
      policy.logger,
      record.receiverId,
      record.finishedAt,
      policy.disableAfterMs,
      policy.alerts,
    )
  }
}

/** A message died after its last retry: the operators hear of it once (this attempt's death). */
async function alertDead(
  tx: WriteTx,
  record: AttemptRecord,
  attempts: number,
  alerts: AlertContext,
): Promise<void> {
  const [report] = record.reportId
    ? await tx
        .select({ reference: reports.reference })
        .from(reports)
        .where(eq(reports.id, record.reportId))
    : []
  await raiseAlert(tx, alerts, {
    kind: 'message_dead',
    occurrenceKey: `message_dead:${record.messageId}:${record.startedAt}`,
    consolePath: '#/deliveries',
    data: {
      receiverId: record.receiverId,
      messageId: record.messageId,
      eventType: record.eventType,
      attempts,
      ...(report ? { reference: report.reference } : {}),
    },
    now: new Date(record.finishedAt),
    // An alert's own webhook dying is told by mail only: alerts about alerts could chase
    // each other between two broken endpoints.
    webhook: !record.eventType.startsWith('operations.'),
  })
}

/** Svix holds the message now: no local lease, never claimed again unless replayed. */
export async function markHandedOver(
  tx: WriteTx,
  messageId: string,
  owner: string,
  engine: string,
): Promise<void> {
  await tx
    .update(messages)
    .set({ state: 'delivering', ...released, leaseOwner: engine, handedTo: engine })
    .where(and(eq(messages.id, messageId), eq(messages.leaseOwner, owner)))
}

/** An attempt another engine made (Svix), read back: logged once, whatever the polling. */
export interface RemoteAttempt {
  id: string
  at: Date
  status: number | null
  durationMs: number
  /** Sealed, or null. */
  responseBody: string | null
  error: string | null
}

/** Mirrors what the other engine did: its attempts in the log, and the message's state. */
export async function recordRemoteAttempts(
  tx: WriteTx,
  messageId: string,
  engine: string,
  attempts: readonly RemoteAttempt[],
  settled: { state: 'succeeded'; at: Date } | { state: 'failed'; error: string } | null,
): Promise<void> {
  for (const a of attempts) {
    await tx
      .insert(deliveryAttempts)
      .values({
        id: a.id,
        messageId,
        workerId: engine,
        attemptedAt: a.at,
        responseStatus: a.status,
        durationMs: a.durationMs,
        responseBody: a.responseBody,
        error: a.error,
      })
      .onConflictDoNothing()
  }
  if (!settled) return
  await tx
    .update(messages)
    .set(
      settled.state === 'succeeded'
        ? {
            state: 'succeeded',
            deliveredAt: settled.at,
            attempts: attempts.length,
            lastError: null,
          }
        : { state: 'failed', attempts: attempts.length, lastError: settled.error },
    )
    .where(eq(messages.id, messageId))
}

/** The outside copies of these messages were expunged. */
export async function markRemoteErased(
  tx: WriteTx,
  messageIds: readonly string[],
  now: Date,
): Promise<void> {
  if (messageIds.length === 0) return
  await tx
    .update(messages)
    .set({ remoteErasedAt: now })
    .where(inArray(messages.id, [...messageIds]))
}

export type ReplayResult = 'replayed' | 'not_found' | 'erased' | 'in_flight'

const fresh = (now: Date) => ({
  state: 'pending',
  attempts: 0,
  nextAttemptAt: now,
  leaseOwner: null,
  leaseExpiresAt: null,
})

/**
 * An operator's replay of one message, whatever its state, as long as its payload exists: the
 * retry schedule starts afresh; its earlier attempts stay in the log.
 */
export async function replayMessage(
  tx: WriteTx,
  messageId: string,
  now: Date,
): Promise<ReplayResult> {
  const [row] = await tx.select().from(messages).where(eq(messages.id, messageId))
  if (!row) return 'not_found'
  if (!row.payloadSealed) return 'erased'
  if (row.state === 'delivering' && row.leaseExpiresAt && row.leaseExpiresAt > now)
    return 'in_flight'
  await tx.update(messages).set(fresh(now)).where(eq(messages.id, messageId))
  return 'replayed'
}

/** Every failed or dead message of a receiver created in a time range, replayed. */
export async function replayFailedMessages(
  tx: WriteTx,
  receiverId: string,
  from: Date,
  to: Date,
  now: Date,
): Promise<number> {
  const result = await tx
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
