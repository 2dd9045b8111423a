/**
 * Writes an accepted report in one transaction: the report (personal content sealed), its
 * attachments (sealed), its timeline, the routing decisions and the outbox messages, and the
 * idempotent answer. Either all of it is durable when the 201 leaves, or none of it exists.
 */
import type { NormalisedReport, Receipt } from '@safe-place/schemas'
import { eq } from 'drizzle-orm'
import type { ProcessedAttachment } from '../attachments/processed'
import type { Keyring } from '../crypto/keyring'
import { attachments, receivers, reports, timelineEvents } from '../db/schema'
import type { Transaction } from '../db/transaction'
import { enqueueMessages } from '../delivery/outbox'
import { newId } from '../ids'
import { planReportMessages, type ReceiverRow } from '../routing/plan'
import type { RoutingRules } from '../routing/rules'
import { type IdempotencyRequest, rememberReceipt } from './idempotency'
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
  /** The configured rule table; the defaults of TAXONOMY.md §4 without it. */
  rules?: RoutingRules | undefined
}

const MAX_REFERENCE_TRIES = 8

function isUniqueViolation(error: unknown, column: string): boolean {
  const text = String((error as { cause?: unknown })?.cause ?? '') + String(error)
  return /UNIQUE constraint failed/i.test(text) && text.includes(column)
}

async function insertReport(
  tx: Transaction,
  keyring: Keyring,
  input: StoreReportInput,
  reportId: string,
): Promise<NormalisedReport> {
  for (let attempt = 0; ; attempt++) {
    const report = { ...input.report, reference: newReference() }
    try {
      await tx.insert(reports).values({
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
      })
      return report
    } catch (error) {
      if (attempt < MAX_REFERENCE_TRIES && isUniqueViolation(error, 'reference')) continue
      throw error
    }
  }
}

/** Loads what routing needs; a batch loads it once for all its reports. */
export type LoadReceivers = () => Promise<ReceiverRow[]>

/** Runs inside the caller's transaction (a group commit's savepoint). */
export async function storeReport(
  tx: Transaction,
  keyring: Keyring,
  input: StoreReportInput,
  loadReceivers: LoadReceivers = () =>
    tx.select().from(receivers).where(eq(receivers.enabled, true)),
): Promise<{ report: NormalisedReport; receipt: Receipt; reportId: string; queued: number }> {
  {
    const reportId = newId('rpt')
    let report = await insertReport(tx, keyring, input, reportId)

    if (input.files.length) {
      await tx.insert(attachments).values(
        input.files.map((f) => ({
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
      )
    }

    await tx.insert(timelineEvents).values({
      id: newId('evt'),
      reportId,
      at: input.now,
      kind: 'received',
      status: 'received',
    })

    const enabled = await loadReceivers()
    const plan = planReportMessages({
      report,
      receivers: enabled,
      now: input.now,
      rules: input.rules,
    })
    if (plan.decisions.length) {
      await tx.insert(timelineEvents).values(
        plan.decisions.map((d) => ({
          id: newId('evt'),
          reportId,
          at: input.now,
          kind: 'routing',
          receiverId: d.receiverId,
          decision: d.decision,
          reason: d.reason,
        })),
      )
    }
    await enqueueMessages(
      tx,
      keyring,
      plan.messages.map((m) => ({
        receiverId: m.receiverId,
        reportId,
        event: m.event,
        urgent: m.urgent,
      })),
      input.now,
    )
    if (plan.messages.length) {
      report = { ...report, status: 'routed' }
      await tx.update(reports).set({ status: 'routed' }).where(eq(reports.id, reportId))
      await tx.insert(timelineEvents).values({
        id: newId('evt'),
        reportId,
        at: input.now,
        kind: 'status_changed',
        status: 'routed',
      })
    }

    const receipt = input.receiptFor(report.reference, report.status)
    if (input.idempotency) {
      await rememberReceipt(tx, keyring, input.siteKeyId, input.idempotency, receipt, input.now)
    }
    return { report, receipt, reportId, queued: plan.messages.length }
  }
}
