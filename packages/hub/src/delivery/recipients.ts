/**
 * Who "got" a report: the receivers a `report.created` message went to, or may have gone to
 * (delivered, in flight, or tried at least once). They are the ones entitled to hear about its
 * status changes and its withdrawal.
 */
import { and, eq, gt, inArray, ne, or, type SQL } from 'drizzle-orm'
import type { ReceiverRow } from '../db/rows'
import { messages, receivers } from '../db/schema'
import type { ReadDb } from '../db/types'

/** The receivers of the report's `report.created` messages that meet `which`. */
async function receiversOfCreated(
  tx: ReadDb,
  reportId: string,
  which: SQL | undefined,
): Promise<ReceiverRow[]> {
  const found = await tx
    .selectDistinct({ receiverId: messages.receiverId })
    .from(messages)
    .where(and(eq(messages.reportId, reportId), eq(messages.eventType, 'report.created'), which))
  if (found.length === 0) return []
  return tx
    .select()
    .from(receivers)
    .where(
      inArray(
        receivers.id,
        found.map((r) => r.receiverId),
      ),
    )
}

export function receiversThatGotReport(tx: ReadDb, reportId: string): Promise<ReceiverRow[]> {
  return receiversOfCreated(
    tx,
    reportId,
    or(inArray(messages.state, ['succeeded', 'delivering']), gt(messages.attempts, 0)),
  )
}

/**
 * The receivers a report was routed to and not taken back from: a `report.created` message
 * exists for them and was not cancelled (a withdrawal cancels). An addition goes to each of
 * them, even before their `report.created` left: the order per report holds it until then.
 */
export function receiversRoutedTo(tx: ReadDb, reportId: string): Promise<ReceiverRow[]> {
  return receiversOfCreated(tx, reportId, ne(messages.state, 'cancelled'))
}

/** Whether a report was routed to a receiver at all (a `report.created` message exists). */
export async function wasRoutedTo(
  tx: ReadDb,
  reportId: string,
  receiverId: string,
): Promise<boolean> {
  const [row] = await tx
    .select({ id: messages.id })
    .from(messages)
    .where(
      and(
        eq(messages.reportId, reportId),
        eq(messages.receiverId, receiverId),
        eq(messages.eventType, 'report.created'),
      ),
    )
    .limit(1)
  return row !== undefined
}
