/**
 * Consent given later: the person shares her report with a receiver she did not choose at
 * first. Each consent is routed by the same rules as a first report (`routing/evaluate.ts`:
 * safety rules, categories, filters); a receiver that cannot take the report is refused with
 * the reason, one that already has it is a conflict. The receiver then gets the whole report as
 * it stands — `report.created` with the additions so far, cut to its profile — once, and
 * nothing about it reaches the other receivers. All or nothing: one refused consent stores none.
 */
import {
  type ConsentGrant,
  type ConsentRecord,
  type NormalisedReport,
  ReceiverKind,
  ReceiverProfile,
  type RoutingReason,
} from '@safe-place/schemas'
import { eq } from 'drizzle-orm'
import { rebuildReport } from '../admin/reports'
import type { Keyring } from '../crypto/keyring'
import type { ReportRow } from '../db/rows'
import { receivers, reports, timelineEvents } from '../db/schema'
import type { WriteTx } from '../db/types'
import { enqueueMessages, type OutboxMessage } from '../delivery/outbox'
import { buildReportCreatedEvent } from '../delivery/payloads'
import { wasRoutedTo } from '../delivery/recipients'
import { HubError } from '../hub-error'
import { newId } from '../ids'
import { reportContext, type SealedContent, sealedContentOf } from '../intake/sealed-content'
import { consentRestsOnUnder15, evaluateReceiver } from '../routing/evaluate'
import type { RoutingRules } from '../routing/rules'
import { appendToChain } from './chain'
import { consentedEntry } from './chain-content'
import { loadAdditions, openReport } from './living-report'

export interface ConsentInput {
  report: ReportRow
  consents: readonly ConsentGrant[]
  rules: RoutingRules
  now: Date
}

export async function extendConsent(
  tx: WriteTx,
  keyring: Keyring,
  input: ConsentInput,
): Promise<string[]> {
  const { now } = input
  const row = await openReport(tx, input.report.id)
  let report = rebuildReport(
    row,
    keyring.openJson<SealedContent>(row.sealed!, reportContext(row.id)),
  )
  const outgoing: {
    receiver: typeof receivers.$inferSelect
    record: ConsentRecord
    reason: RoutingReason
  }[] = []
  for (const [index, grant] of input.consents.entries()) {
    const path = `consents.${index}.receiverId`
    const [receiver] = await tx.select().from(receivers).where(eq(receivers.id, grant.receiverId))
    // An operations receiver gets alerts, never a report: to her it does not exist.
    if (!receiver?.enabled || receiver.kind === 'operations') {
      throw new HubError('validation_failed', 'This receiver is unknown.', {
        details: [{ path, message: 'Unknown receiver' }],
      })
    }
    if (
      report.consents.some((c) => c.receiverId === receiver.id) ||
      (await wasRoutedTo(tx, row.id, receiver.id))
    ) {
      throw new HubError('conflict', 'This receiver already has the report.', {
        details: [{ path, message: 'Already shared' }],
      })
    }
    const record: ConsentRecord = { ...grant, recordedAt: now.toISOString() }
    report = { ...report, consents: [...report.consents, record] }
    const decision = evaluateReceiver(
      report,
      {
        id: receiver.id,
        partnerId: receiver.partnerId,
        kind: ReceiverKind.exclude(['operations']).parse(receiver.kind),
        enabled: receiver.enabled,
        consentRequired: receiver.consentRequired,
        filters: receiver.filters,
      },
      input.rules,
    )
    if (decision.decision !== 'send') {
      throw new HubError('validation_failed', 'This receiver cannot take this report.', {
        details: [{ path, message: decision.reason }],
      })
    }
    outgoing.push({ receiver, record, reason: decision.reason })
  }

  await tx
    .update(reports)
    .set({
      consents: report.consents.map((c) => ({
        receiverId: c.receiverId,
        textVersion: c.textVersion,
      })),
      sealed: keyring.sealJson(sealedContentOf(report), reportContext(row.id)),
      updatedAt: now,
    })
    .where(eq(reports.id, row.id))
  await tx.insert(timelineEvents).values(
    outgoing.flatMap(({ receiver, reason }) => [
      { id: newId('evt'), reportId: row.id, at: now, kind: 'consented', receiverId: receiver.id },
      {
        id: newId('evt'),
        reportId: row.id,
        at: now,
        kind: 'routing',
        receiverId: receiver.id,
        decision: 'send',
        reason,
      },
    ]),
  )
  const seqs =
    (await appendToChain(
      tx,
      keyring,
      row.id,
      outgoing.map(({ record }) => consentedEntry(record, true, now)),
      now,
    )) ?? []
  // As a first report is routed: an under-15 target's own consent carries no contact.
  const sent: NormalisedReport = consentRestsOnUnder15(report)
    ? { ...report, consents: [], contact: null }
    : report
  const additions = await loadAdditions(tx, keyring, row.id)
  const messages: OutboxMessage[] = outgoing.map(({ receiver }, i) => ({
    receiverId: receiver.id,
    reportId: row.id,
    event: buildReportCreatedEvent(
      sent,
      {
        id: receiver.id,
        kind: ReceiverKind.exclude(['operations']).parse(receiver.kind),
        profile: ReceiverProfile.parse(receiver.profile),
      },
      now,
      additions,
    ),
    urgent: report.urgent,
    reportSeq: seqs[i],
  }))
  return enqueueMessages(tx, keyring, messages, now)
}
