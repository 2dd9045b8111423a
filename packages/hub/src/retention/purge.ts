/**
 * Retention: personal data is kept only as long as it can help. Attachments go after
 * `attachmentsDays`; the sealed content of closed reports (a receiver's final status) after
 * `closedReportDays`; of any report after `anyReportDays`. The tombstone (category, dates,
 * flags) stays for statistics, and the reporter's timeline says the data was erased.
 */
import { and, eq, inArray, isNotNull, isNull, lt, or } from 'drizzle-orm'
import type { Database } from '../db/client'
import { attachments, reports, timelineEvents } from '../db/schema'
import { newId } from '../ids'
import { erasePersonalData } from '../reports/erase'
import type { HubSettings } from '../settings'

const DAY_MS = 24 * 60 * 60 * 1000
export const closedStatuses = ['action_taken', 'no_action', 'referred_to_authorities'] as const

export interface PurgeResult {
  attachments: number
  reports: number
}

export async function purgeExpired(
  db: Database,
  retention: HubSettings['retention'],
  now: Date,
): Promise<PurgeResult> {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS)
  return db.transaction(async (tx) => {
    const oldFiles = await tx
      .update(attachments)
      .set({ dataSealed: null })
      .where(
        and(
          isNotNull(attachments.dataSealed),
          lt(attachments.createdAt, before(retention.attachmentsDays)),
        ),
      )
      .returning({ id: attachments.id })

    const due = await tx
      .select({ id: reports.id })
      .from(reports)
      .where(
        and(
          isNull(reports.purgedAt),
          isNotNull(reports.sealed),
          or(
            and(
              inArray(reports.status, [...closedStatuses]),
              lt(reports.updatedAt, before(retention.closedReportDays)),
            ),
            lt(reports.submittedAt, before(retention.anyReportDays)),
          ),
        ),
      )
    for (const { id } of due) {
      await erasePersonalData(tx, id)
      await tx.update(reports).set({ purgedAt: now }).where(eq(reports.id, id))
      await tx
        .insert(timelineEvents)
        .values({ id: newId('evt'), reportId: id, at: now, kind: 'purged' })
    }
    return { attachments: oldFiles.length, reports: due.length }
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
