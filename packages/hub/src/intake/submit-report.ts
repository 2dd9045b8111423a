/**
 * Intake, without HTTP: validate a candidate report from any source, apply the site key's
 * rules, normalise it and store it, answering with the receipt. Replays the stored answer for a
 * repeated `Idempotency-Key`. HTTP concerns (body parsing, limits, proof of work) stay in
 * `api/reports.ts`.
 */
import { issuesToDetails, type Receipt, ReportIntake, type ReportSource } from '@safe-place/schemas'
import { eq } from 'drizzle-orm'
import { assertAttachmentsAllowed } from '../attachments/policy'
import type { ProcessedAttachment } from '../attachments/processed'
import { newReceiptToken, sha256Hex } from '../auth/secrets'
import type { BatchScope } from '../db/group-commit'
import { receivers } from '../db/schema'
import type { Transaction } from '../db/transaction'
import type { SiteKeyRow } from '../http/env'
import { HubError } from '../http/hub-error'
import type { HubRuntime } from '../runtime'
import { findIdempotentReceipt, type IdempotencyRequest } from './idempotency'
import { nextStepsFor } from './next-steps'
import { normalise } from './normalise'
import { planReport, type StoreReportInput, storeReport } from './store-report'

export interface SubmitInput {
  /** The candidate report, as a source adapter produced it. */
  candidate: unknown
  /** Used when the candidate does not say where it comes from. */
  defaultSource: ReportSource
  siteKey: SiteKeyRow
  userAgent: string | undefined
  /** Already checked and stripped (`attachments/`). */
  files: readonly ProcessedAttachment[]
  idempotency: IdempotencyRequest | undefined
}

export interface SubmitResult {
  receipt: Receipt
  replayed: boolean
}

/** Validates the candidate; shared with the route so it can refuse files before decoding them. */
export function parseIntake(candidate: unknown, defaultSource: ReportSource): ReportIntake {
  const withSource =
    candidate && typeof candidate === 'object' && !Array.isArray(candidate)
      ? withDefaultSource(candidate as Record<string, unknown>, defaultSource)
      : candidate
  const result = ReportIntake.safeParse(withSource)
  if (!result.success) {
    throw new HubError('validation_failed', 'The report is not valid.', {
      details: issuesToDetails(result.error.issues),
    })
  }
  if (result.data.homepage) throw new HubError('spam_detected')
  return result.data
}

function withDefaultSource(candidate: Record<string, unknown>, source: ReportSource) {
  const context = candidate.context
  if (context === undefined) return { ...candidate, context: { source } }
  // Only a plain object gets the default: an array (or anything else) is left for the schema
  // to refuse, rather than turned into a valid context.
  if (context && typeof context === 'object' && !Array.isArray(context) && !('source' in context)) {
    return { ...candidate, context: { ...context, source } }
  }
  return candidate
}

export function assertSiteKeyTakes(siteKey: SiteKeyRow, intake: ReportIntake): void {
  if (siteKey.categories && !siteKey.categories.includes(intake.category)) {
    throw new HubError('validation_failed', 'This site does not take this kind of report.', {
      details: [{ path: 'category', message: `Expected one of ${siteKey.categories.join(', ')}` }],
    })
  }
}

export async function submitReport(hub: HubRuntime, input: SubmitInput): Promise<SubmitResult> {
  const intake = parseIntake(input.candidate, input.defaultSource)
  assertSiteKeyTakes(input.siteKey, intake)
  assertAttachmentsAllowed(intake.category, input.files.length)

  const now = hub.now()
  if (input.idempotency) {
    const previous = await findIdempotentReceipt(
      hub.db,
      hub.keyring,
      input.siteKey.id,
      input.idempotency,
      now,
    )
    if (previous) return { receipt: previous, replayed: true }
  }

  const receiptToken = newReceiptToken()
  const draft = normalise(intake, {
    reference: 'SP-2222-2222',
    partnerId: input.siteKey.partnerId,
    userAgent: input.userAgent,
    attachments: input.files.map(({ data: _data, ...meta }) => meta),
    now,
  })
  const nextSteps = nextStepsFor(intake, draft.urgent)
  try {
    const stored: StoreReportInput = {
      report: draft,
      siteKeyId: input.siteKey.id,
      receiptTokenHash: sha256Hex(receiptToken),
      files: input.files,
      idempotency: input.idempotency,
      receiptFor: (reference, status) => ({ reference, receiptToken, status, nextSteps }),
      now,
      rules: hub.routingRules,
    }
    // Enabled receivers are read once per group commit, inside its transaction.
    const enabled = (tx: Transaction, batch: BatchScope) =>
      batch.once('enabled-receivers', () =>
        tx.select().from(receivers).where(eq(receivers.enabled, true)),
      )
    const { receipt } = await hub.writes.runPlanned(
      async (tx, batch) => planReport(hub.keyring, stored, await enabled(tx, batch)),
      (tx, batch) => storeReport(tx, hub.keyring, stored, () => enabled(tx, batch)),
    )
    hub.engine?.wake()
    return { receipt, replayed: false }
  } catch (error) {
    // Another request with the same key won the race: answer as it did (or 409).
    if (input.idempotency && /idempotency_keys/.test(String((error as Error)?.cause ?? error))) {
      const previous = await findIdempotentReceipt(
        hub.db,
        hub.keyring,
        input.siteKey.id,
        input.idempotency,
        now,
      )
      if (previous) return { receipt: previous, replayed: true }
    }
    throw error
  }
}
