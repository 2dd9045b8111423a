/**
 * Writes an accepted report in one transaction: the report (personal content sealed), its
 * attachments (sealed), its timeline, the routing decisions and the outbox messages, and the
 * idempotent answer. Either all of it is durable when the 201 leaves, or none of it exists.
 */
import type { NormalisedReport, Receipt } from '@safe-place/schemas'
import { eq } from 'drizzle-orm'
import type { ProcessedAttachment } from '../attachments/processed'
import type { Keyring } from '../crypto/keyring'
import type { PlannedWrite } from '../db/group-commit'
import {
  attachments,
  idempotencyKeys,
  messages,
  receivers,
  reports,
  timelineEvents,
} from '../db/schema'
import { insertRows, type TableRows } from '../db/table-rows'
import type { Transaction } from '../db/transaction'
import { messageRows } from '../delivery/outbox'
import { newId } from '../ids'
import { planReportMessages, type ReceiverRow } from '../routing/plan'
import type { RoutingRules } from '../routing/rules'
import { forgetExpiredKey, type IdempotencyRequest, idempotencyRow } from './idempotency'
import { newReference } from './reference'
import { reportContext, sealedContentOf } from './sealed-content'

export const attachmentContext = (attachmentId: string) => `attachment:${attachmentId}`

export interface StoreReportInput {
  /** Normalised with a placeholder reference: the final one is chosen here. */
  report: NormalisedReport
  siteKeyId: string
  receiptTokenHash: string
  files: readonly ProcessedAttachment[]
  idempotency: IdempotencyRequest | undefined
  /** Builds the receipt for the final reference (the idempotent answer stores it). */
  receiptFor: (reference: string, status: NormalisedReport['status']) => Receipt
  now: Date
  /** The configured rule table; the defaults of docs/routing.md without it. */
  rules?: RoutingRules | undefined
}

const MAX_REFERENCE_TRIES = 8

function isUniqueViolation(error: unknown, column: string): boolean {
  const text = String((error as { cause?: unknown })?.cause ?? '') + String(error)
  return /UNIQUE constraint failed/i.test(text) && text.includes(column)
}

export interface StoredReport {
  report: NormalisedReport
  receipt: Receipt
  reportId: string
  queued: number
}

/**
 * Everything the report's transaction inserts, as rows (no I/O): the report (personal content
 * sealed, final status), its attachments (sealed), its timeline, the routing decisions, the
 * outbox messages and the idempotent answer. The report comes first: the others refer to it.
 */
export function planReport(
  keyring: Keyring,
  input: StoreReportInput,
  enabled: readonly ReceiverRow[],
): PlannedWrite<StoredReport> {
  const reportId = newId('rpt')
  const received: NormalisedReport = { ...input.report, reference: newReference() }
  const plan = planReportMessages({
    report: received,
    receivers: enabled,
    now: input.now,
    rules: input.rules,
  })
  const report: NormalisedReport = plan.messages.length
    ? { ...received, status: 'routed' }
    : received
  const timeline: (typeof timelineEvents.$inferInsert)[] = [
    { id: newId('evt'), reportId, at: input.now, kind: 'received', status: 'received' },
    ...plan.decisions.map((d) => ({
      id: newId('evt'),
      reportId,
      at: input.now,
      kind: 'routing',
      receiverId: d.receiverId,
      decision: d.decision,
      reason: d.reason,
    })),
  ]
  if (plan.messages.length) {
    timeline.push({
      id: newId('evt'),
      reportId,
      at: input.now,
      kind: 'status_changed',
      status: 'routed',
    })
  }
  const outbox = messageRows(
    keyring,
    plan.messages.map((m) => ({
      receiverId: m.receiverId,
      reportId,
      event: m.event,
      urgent: m.urgent,
    })),
    input.now,
  )
  const receipt = input.receiptFor(report.reference, report.status)
  const inserts: TableRows[] = [
    { table: reports, rows: [reportRow(keyring, input, reportId, report)] },
    {
      table: attachments,
      rows: input.files.map((f) => ({
        id: f.id,
        reportId,
        mediaType: f.mediaType,
        bytes: f.bytes,
        width: f.width,
        height: f.height,
        sha256: f.sha256,
        dataSealed: keyring.sealBytes(f.data, attachmentContext(f.id)),
        createdAt: input.now,
      })),
    },
    { table: timelineEvents, rows: timeline },
    { table: messages, rows: outbox },
  ]
  if (input.idempotency) {
    inserts.push({
      table: idempotencyKeys,
      rows: [idempotencyRow(keyring, input.siteKeyId, input.idempotency, receipt, input.now)],
    })
  }
  return { inserts, result: { report, receipt, reportId, queued: plan.messages.length } }
}

function reportRow(
  keyring: Keyring,
  input: StoreReportInput,
  reportId: string,
  report: NormalisedReport,
): typeof reports.$inferInsert {
  return {
    id: reportId,
    reference: report.reference,
    partnerId: report.context.partnerId,
    siteKeyId: input.siteKeyId,
    receiptTokenHash: input.receiptTokenHash,
    status: report.status,
    urgent: report.urgent,
    category: report.category,
    subtypes: report.subtypes,
    platform: report.where.platform,
    raid: report.what.raid,
    ongoing: report.what.ongoing,
    reporterRole: report.who.role,
    targetAge: report.who.targetAge,
    targetIsWomanOrGirl: report.who.targetIsWomanOrGirl ?? null,
    minorInvolved: report.who.minorInvolved,
    goodFaith: report.goodFaith,
    locale: report.context.locale,
    country: report.context.country ?? null,
    source: report.context.source,
    userAgentFamily: report.context.userAgentFamily,
    dsa: report.dsa,
    ozoneReasons: report.ozoneReasons,
    consents: report.consents.map((c) => ({
      receiverId: c.receiverId,
      textVersion: c.textVersion,
    })),
    sealed: keyring.sealJson(sealedContentOf(report), reportContext(reportId)),
    attachmentCount: input.files.length,
    submittedAt: input.now,
    updatedAt: input.now,
  }
}

/** Loads what routing needs; a batch loads it once for all its reports. */
export type LoadReceivers = () => Promise<ReceiverRow[]>

/**
 * Stores one report on its own, inside the caller's transaction (a group commit's savepoint):
 * the same rows as `planReport`, drawing another reference if the first is taken.
 */
export async function storeReport(
  tx: Transaction,
  keyring: Keyring,
  input: StoreReportInput,
  loadReceivers: LoadReceivers = () =>
    tx.select().from(receivers).where(eq(receivers.enabled, true)),
): Promise<StoredReport> {
  const enabled = await loadReceivers()
  if (input.idempotency) await forgetExpiredKey(tx, input.siteKeyId, input.idempotency, input.now)
  for (let attempt = 0; ; attempt++) {
    const planned = planReport(keyring, input, enabled)
    try {
      // The report's row goes first: a taken reference fails there, before anything else.
      await insertRows(tx, planned.inserts)
      return planned.result
    } catch (error) {
      if (attempt < MAX_REFERENCE_TRIES && isUniqueViolation(error, 'reports.reference')) continue
      throw error
    }
  }
}
