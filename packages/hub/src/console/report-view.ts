/**
 * One report as the console shows it. The operator gets the whole report decrypted (while its
 * personal data exists), the full timeline with notes, and every delivery with every attempt.
 * A receiver gets the report only if it was routed to it, and then exactly what it was sent
 * (its own `report.created` payload: its profile, the reporter's consent), the timeline
 * entries that concern it or no receiver (`admin/timeline-view.ts`), and its own deliveries:
 * nothing about another receiver.
 */

import type { ConsoleDelivery, ConsoleReportDetail, ReportCreatedEvent } from '@safe-place/schemas'
import { and, asc, eq } from 'drizzle-orm'
import { ownReceiversOfScope } from '../admin/own-receivers'
import { rebuildReport, toListItem } from '../admin/reports'
import { loadTimeline } from '../admin/timeline-view'
import type { Keyring } from '../crypto/keyring'
import type { ReportRow } from '../db/rows'
import { caseMembers, cases, messages, reports } from '../db/schema'
import type { ReadDb } from '../db/types'
import { getMessage } from '../delivery/messages-store'
import { payloadContext } from '../delivery/outbox'
import { wasRoutedTo } from '../delivery/recipients'
import { HubError } from '../hub-error'
import { reportContext, type SealedContent } from '../intake/sealed-content'
import type { ReceiverScope } from './scope'

/** The report behind a reference, if this scope may see it; otherwise `not_found`. */
async function visibleReport(
  db: ReadDb,
  scope: ReceiverScope,
  reference: string,
): Promise<ReportRow> {
  const [row] = await db
    .select()
    .from(reports)
    .where(eq(reports.reference, reference.trim().toUpperCase()))
  if (!row || (scope !== undefined && !(await wasRoutedTo(db, row.id, scope)))) {
    throw new HubError('not_found', 'No such report.')
  }
  return row
}

async function deliveriesOf(
  db: ReadDb,
  keyring: Keyring,
  scope: ReceiverScope,
  reportId: string,
): Promise<ConsoleDelivery[]> {
  const ids = await db
    .select({ id: messages.id })
    .from(messages)
    .where(
      and(
        eq(messages.reportId, reportId),
        scope !== undefined ? eq(messages.receiverId, scope) : undefined,
      ),
    )
    .orderBy(asc(messages.id))
  const out: ConsoleDelivery[] = []
  for (const { id } of ids) {
    const message = await getMessage(db, keyring, id)
    if (message) out.push(message)
  }
  return out
}

/** What a receiver was sent about a report, opened from its own outbox message. */
async function receivedBy(
  db: ReadDb,
  keyring: Keyring,
  receiverId: string,
  reportId: string,
): Promise<ConsoleReportDetail['received']> {
  const [message] = await db
    .select({ id: messages.id, payload: messages.payloadSealed })
    .from(messages)
    .where(
      and(
        eq(messages.reportId, reportId),
        eq(messages.receiverId, receiverId),
        eq(messages.eventType, 'report.created'),
      ),
    )
    .limit(1)
  if (!message?.payload) return null
  return keyring.openJson<ReportCreatedEvent>(message.payload, payloadContext(message.id)).data
}

export async function consoleReportDetail(
  db: ReadDb,
  keyring: Keyring,
  scope: ReceiverScope,
  reference: string,
): Promise<ConsoleReportDetail> {
  const row = await visibleReport(db, scope, reference)
  // A receiver has nothing left to see of an erased report: what it was sent is gone too.
  if (scope !== undefined && row.erasedAt) {
    throw new HubError(
      'report_erased',
      "This report's personal data was erased (withdrawn by the reporter or past its retention period): nothing of it can be shown.",
    )
  }
  const [timeline, deliveries] = await Promise.all([
    loadTimeline(db, keyring, row.id, {
      own: ownReceiversOfScope(scope),
      notes: scope === undefined ? 'all' : 'own',
    }),
    deliveriesOf(db, keyring, scope, row.id),
  ])
  const report =
    scope === undefined && row.sealed
      ? rebuildReport(row, keyring.openJson<SealedContent>(row.sealed, reportContext(row.id)))
      : null
  const received = scope !== undefined ? await receivedBy(db, keyring, scope, row.id) : null
  // The case around the report is the operator's alone: a receiver never learns of it.
  if (scope !== undefined)
    return { summary: toListItem(row), report, received, timeline, deliveries }
  const [grouped] = await db
    .select({ id: cases.id, reference: cases.reference })
    .from(caseMembers)
    .innerJoin(cases, eq(cases.id, caseMembers.caseId))
    .where(eq(caseMembers.reportId, row.id))
  const inCase = grouped ?? null
  return { summary: toListItem(row), report, received, timeline, deliveries, case: inCase }
}
