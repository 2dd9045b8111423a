/**
 * The rows an accepted report is made of, planned without I/O: the report (personal content
 * sealed), its attachments (sealed), its timeline, the routing decisions, the outbox messages
 * and the idempotent answer. The write gate inserts them in one transaction, so either all of
 * it is durable when the 201 leaves, or none of it exists.
 */
import type { NormalisedReport, Receipt } from '@safe-place/schemas'
import type { ProcessedAttachment } from '../attachments/processed'
import { attachmentRow } from '../attachments/stored'
import type { Keyring } from '../crypto/keyring'
import type { ReceiverRow } from '../db/rows'
import {
  attachments,
  caseQueue,
  idempotencyKeys,
  messages,
  powChallengesSpent,
  reportNotifications,
  reports,
  timelineEvents,
} from '../db/schema'
import type { TableRows } from '../db/table-rows'
import type { PlannedRows } from '../db/write-gate'
import { messageRows } from '../delivery/outbox'
import { planChain } from '../evidence/chain'
import { createdEntry, routedEntry } from '../evidence/chain-content'
import { newId } from '../ids'
import { addressContext } from '../notifications/subscriptions'
import { planReportMessages } from '../routing/plan'
import type { RoutingRules } from '../routing/rules'
import { type IdempotencyRequest, idempotencyRow } from './idempotency'
import { reportContext, sealedContentOf } from './sealed-content'

export interface PlanReportInput {
  /** Normalised, with its reference. */
  report: NormalisedReport
  siteKeyId: string
  receiptTokenHash: string
  files: readonly ProcessedAttachment[]
  idempotency: IdempotencyRequest | undefined
  /** The proof of work paying for the report: spent in its transaction, or the report fails. */
  pow: { challengeHash: string; keepUntil: Date } | undefined
  /** The receipt for the report's status once routed (the idempotent answer stores it). */
  receiptFor: (status: NormalisedReport['status']) => Receipt
  now: Date
  rules: RoutingRules
  /** "Tell me when it moves": her address, sealed for the hub alone (never in the report). */
  notifyEmail?: string | undefined
}

export interface StoredReport {
  report: NormalisedReport
  receipt: Receipt
  reportId: string
  queued: number
}

export function planReport(
  keyring: Keyring,
  input: PlanReportInput,
  enabled: readonly ReceiverRow[],
): PlannedRows<StoredReport> {
  const reportId = newId('rpt')
  const plan = planReportMessages({
    report: input.report,
    receivers: enabled,
    now: input.now,
    rules: input.rules,
  })
  const report: NormalisedReport = plan.messages.length
    ? { ...input.report, status: 'routed' }
    : input.report
  const at = input.now
  const timeline: (typeof timelineEvents.$inferInsert)[] = [
    { id: newId('evt'), reportId, at, kind: 'received', status: 'received' },
    ...plan.decisions.map((d) => ({
      id: newId('evt'),
      reportId,
      at,
      kind: 'routing',
      receiverId: d.receiverId,
      decision: d.decision,
      reason: d.reason,
    })),
  ]
  if (plan.messages.length) {
    timeline.push({ id: newId('evt'), reportId, at, kind: 'status_changed', status: 'routed' })
  }
  // Its evidence chain starts here: the report as submitted, then where it went.
  const chain = planChain(
    keyring,
    reportId,
    [
      createdEntry(report, at),
      routedEntry(
        plan.messages.map((m) => m.receiverId),
        at,
      ),
    ],
    at,
  )
  const outbox = messageRows(
    keyring,
    plan.messages.map((m) => ({ ...m, reportId, reportSeq: chain.seqs[1] })),
    input.now,
  )
  const receipt = input.receiptFor(report.status)
  // The report comes first: the other rows refer to it.
  const inserts: TableRows[] = [
    { table: reports, rows: [reportRow(keyring, input, reportId, report)] },
    {
      table: attachments,
      rows: input.files.map((f) => attachmentRow(keyring, f, { reportId, now: at })),
    },
    { table: timelineEvents, rows: timeline },
    ...chain.inserts,
    { table: messages, rows: outbox },
    // Grouped into a case after the commit, by the grouper (`cases/grouper.ts`).
    { table: caseQueue, rows: [{ reportId, queuedAt: at }] },
  ]
  if (input.notifyEmail) {
    const addressSealed = keyring.seal(input.notifyEmail, addressContext(reportId))
    inserts.push({
      table: reportNotifications,
      rows: [{ reportId, channel: 'email', addressSealed, createdAt: at, updatedAt: at }],
    })
  }
  if (input.pow) {
    const { challengeHash, keepUntil } = input.pow
    inserts.push({ table: powChallengesSpent, rows: [{ challengeHash, expiresAt: keepUntil }] })
  }
  if (input.idempotency) {
    const row = idempotencyRow(keyring, input.siteKeyId, reportId, input.idempotency, receipt, at)
    inserts.push({ table: idempotencyKeys, rows: [row] })
  }
  return { inserts, result: { report, receipt, reportId, queued: plan.messages.length } }
}

function reportRow(
  keyring: Keyring,
  input: PlanReportInput,
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
