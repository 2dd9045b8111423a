/**
 * Erasing a report's personal data: the sealed content, the attachments' bytes, the notes, and
 * what receivers answered to its deliveries (the first 2 KB of an answer, kept for the operator,
 * may quote the payload back — a receiver's error page echoing the contact, say).
 * What stays is the tombstone (reference, category, platform, dates, flags) for statistics.
 * Shared by withdrawal and the retention job.
 */
import { eq, inArray } from 'drizzle-orm'
import { attachments, deliveryAttempts, messages, reports, timelineEvents } from '../db/schema'
import type { Executor } from '../db/transaction'

export async function erasePersonalData(tx: Executor, reportId: string): Promise<void> {
  await tx.update(reports).set({ sealed: null }).where(eq(reports.id, reportId))
  await tx.update(attachments).set({ dataSealed: null }).where(eq(attachments.reportId, reportId))
  await tx
    .update(timelineEvents)
    .set({ noteSealed: null })
    .where(eq(timelineEvents.reportId, reportId))
  await tx
    .update(deliveryAttempts)
    .set({ responseBody: null })
    .where(
      inArray(
        deliveryAttempts.messageId,
        tx.select({ id: messages.id }).from(messages).where(eq(messages.reportId, reportId)),
      ),
    )
}
