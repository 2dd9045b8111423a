/**
 * Retention: personal data is kept only as long as it can help. Attachments go after
 * `attachmentsDays`; the personal data of closed reports (a receiver's final status) after
 * `closedReportDays`, of any report after `anyReportDays` — erased through the one list
 * (`reports/erase.ts`), outbox payloads and receivers' answers included. Idempotent answers and
 * spent proof-of-work challenges go when they expire. The tombstone (category, dates, flags) stays for statistics, and
 * the reporter's timeline says the data was erased.
 *
 * Each batch of reports is a write unit of its own, so a large purge never holds the write
 * turn for long.
 */
import { and, inArray, isNotNull, isNull, lt, lte, or } from 'drizzle-orm'
import type { DatabaseHandle } from '../db/client'
import {
  attachments,
  idempotencyKeys,
  powChallengesSpent,
  reports,
  timelineEvents,
} from '../db/schema'
import { newId } from '../ids'
import { erasePersonalData } from '../reports/erase'
import type { HubSettings } from '../settings'

const DAY_MS = 24 * 60 * 60 * 1000
const BATCH = 200
const closedStatuses = ['action_taken', 'no_action', 'referred_to_authorities'] as const

export interface PurgeResult {
  attachments: number
  reports: number
}

export async function purgeExpired(
  database: Pick<DatabaseHandle, 'db' | 'write'>,
  retention: HubSettings['retention'],
  now: Date,
): Promise<PurgeResult> {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS)
  const oldFiles = await database.write((tx) =>
    tx
      .update(attachments)
      .set({ dataSealed: null })
      .where(
        and(
          isNotNull(attachments.dataSealed),
          lt(attachments.createdAt, before(retention.attachmentsDays)),
        ),
      )
      .returning({ id: attachments.id }),
  )
  const due = and(
    isNull(reports.erasedAt),
    or(
      and(
        inArray(reports.status, [...closedStatuses]),
        lt(reports.updatedAt, before(retention.closedReportDays)),
      ),
      lt(reports.submittedAt, before(retention.anyReportDays)),
    ),
  )
  let purged = 0
  for (;;) {
    const ids = (
      await database.db.select({ id: reports.id }).from(reports).where(due).limit(BATCH)
    ).map((r) => r.id)
    if (ids.length === 0) break
    await database.write(async (tx) => {
      await erasePersonalData(tx, ids, now)
      await tx.update(reports).set({ purgedAt: now }).where(inArray(reports.id, ids))
      await tx
        .insert(timelineEvents)
        .values(ids.map((reportId) => ({ id: newId('evt'), reportId, at: now, kind: 'purged' })))
    })
    purged += ids.length
  }
  return { attachments: oldFiles.length, reports: purged }
}

/**
 * What only lives for minutes or hours: idempotent answers past their 24 hours (they hold a
 * receipt token) and spent proof-of-work challenges past their expiry.
 */
export async function purgeExpiredTokens(
  database: Pick<DatabaseHandle, 'write'>,
  now: Date,
): Promise<{ idempotencyKeys: number; challenges: number }> {
  return database.write(async (tx) => {
    const answers = await tx.delete(idempotencyKeys).where(lte(idempotencyKeys.expiresAt, now))
    const challenges = await tx
      .delete(powChallengesSpent)
      .where(lte(powChallengesSpent.expiresAt, now))
    return { idempotencyKeys: answers.rowsAffected, challenges: challenges.rowsAffected }
  })
}

/** Runs the purge now and then every `intervalMs`; the timer does not keep the process alive. */
export function scheduleRetention(
  run: () => Promise<unknown>,
  intervalMs = 60 * 60 * 1000,
): () => void {
  void run().catch(() => {})
  const timer = setInterval(() => void run().catch(() => {}), intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
