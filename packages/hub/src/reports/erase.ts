/**
 * Erasing a report's personal data: the sealed content, the attachments' bytes and the notes.
 * What stays is the tombstone (reference, category, platform, dates, flags) for statistics.
 * Shared by withdrawal and the retention job.
 */
import { eq } from 'drizzle-orm'
import { attachments, reports, timelineEvents } from '../db/schema'
import type { Executor } from '../db/transaction'

export async function erasePersonalData(tx: Executor, reportId: string): Promise<void> {
  await tx.update(reports).set({ sealed: null }).where(eq(reports.id, reportId))
  await tx.update(attachments).set({ dataSealed: null }).where(eq(attachments.reportId, reportId))
  await tx
    .update(timelineEvents)
    .set({ noteSealed: null })
    .where(eq(timelineEvents.reportId, reportId))
}
