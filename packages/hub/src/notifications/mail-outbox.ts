/**
 * The mail outbox's rows and states, in one place (like `delivery/transitions.ts` for webhooks):
 *
 *   pending ──claim──▶ sending ──250──▶ sent
 *      ▲                  │ └──error──▶ failed (due again later) ──claim──▶ …
 *      │                  │ └──error, schedule exhausted──▶ dead
 *      └─────────── nobody to tell any more ──▶ cancelled
 *
 * A row is queued in the same write unit as what caused it, unique per `dedupeKey` (a report's
 * event, an alert): queuing again is a no-op, so a retried unit or a restart never sends twice
 * for one event. Every function runs inside a write unit (`hub.write`); a worker moves a row on
 * only while it still holds its lease.
 */
import { and, eq, sql } from 'drizzle-orm'
import { mailOutbox } from '../db/schema'
import { execute } from '../db/statements'
import type { WriteTx } from '../db/types'
import { nextRetryDelay, type RetryPolicy } from '../delivery/schedule'
import { newId } from '../ids'

type MailKind = 'report_update' | 'alert'

export interface QueuedMail {
  kind: MailKind
  reportId?: string | null
  alertId?: string | null
  dedupeKey: string
}

/** Queues a mail once per `dedupeKey`; true when this call queued it. */
export async function enqueueMail(tx: WriteTx, mail: QueuedMail, now: Date): Promise<boolean> {
  const inserted = await tx
    .insert(mailOutbox)
    .values({
      id: newId('mail'),
      kind: mail.kind,
      reportId: mail.reportId ?? null,
      alertId: mail.alertId ?? null,
      dedupeKey: mail.dedupeKey,
      state: 'pending',
      nextAttemptAt: now,
      createdAt: now,
    })
    .onConflictDoNothing({ target: mailOutbox.dedupeKey })
  return inserted.rowsAffected > 0
}

export interface ClaimedMail {
  id: string
  kind: MailKind
  reportId: string | null
  alertId: string | null
  attempts: number
}

/** Claims due rows under a lease, oldest first, in one `UPDATE … RETURNING`. */
export async function claimDueMails(
  tx: WriteTx,
  o: { owner: string; now: number; leaseMs: number; limit: number },
): Promise<ClaimedMail[]> {
  const rows = await execute(tx, {
    sql: `UPDATE mail_outbox
             SET state = 'sending', lease_owner = ?, lease_expires_at = ?
           WHERE id IN (
             SELECT id FROM mail_outbox
              WHERE state IN ('pending', 'failed', 'sending')
                AND next_attempt_at <= ?
                AND (lease_expires_at IS NULL OR lease_expires_at < ?)
              ORDER BY next_attempt_at
              LIMIT ?)
          RETURNING id, kind, report_id, alert_id, attempts`,
    args: [o.owner, o.now + o.leaseMs, o.now, o.now, o.limit],
  })
  return rows.map((r) => ({
    id: r.id as string,
    kind: r.kind as MailKind,
    reportId: (r.report_id as string | null) ?? null,
    alertId: (r.alert_id as string | null) ?? null,
    attempts: Number(r.attempts),
  }))
}

const released = { leaseOwner: null, leaseExpiresAt: null }
const held = (id: string, owner: string) =>
  and(eq(mailOutbox.id, id), eq(mailOutbox.leaseOwner, owner))

export async function markSent(tx: WriteTx, id: string, owner: string, at: Date): Promise<void> {
  await tx
    .update(mailOutbox)
    .set({
      state: 'sent',
      sentAt: at,
      attempts: sql`${mailOutbox.attempts} + 1`,
      lastError: null,
      nextAttemptAt: null,
      ...released,
    })
    .where(held(id, owner))
}

/** Nobody to tell any more (she stopped notifications, withdrew, or no address is set). */
export async function markCancelled(tx: WriteTx, id: string, owner: string): Promise<void> {
  await tx
    .update(mailOutbox)
    .set({ state: 'cancelled', nextAttemptAt: null, ...released })
    .where(held(id, owner))
}

/** Due again on the schedule, or dead once it is exhausted; returns the new state. */
export async function markFailed(
  tx: WriteTx,
  mail: ClaimedMail,
  owner: string,
  error: string,
  at: number,
  retry: RetryPolicy,
): Promise<'failed' | 'dead' | 'lost'> {
  const attempts = mail.attempts + 1
  const delay = nextRetryDelay(attempts, retry)
  const state = delay === null ? 'dead' : 'failed'
  const updated = await tx
    .update(mailOutbox)
    .set({
      state,
      attempts,
      lastError: error.slice(0, 200),
      nextAttemptAt: delay === null ? null : new Date(at + delay),
      ...released,
    })
    .where(held(mail.id, owner))
  return updated.rowsAffected === 1 ? state : 'lost'
}
