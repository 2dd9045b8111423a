/**
 * Intake without HTTP, as one straight line: a validated report (`parse-intake.ts`) gets its
 * reference, is normalised, planned into rows and committed through the write gate — with the
 * other reports of the same batch, or alone, the same rows either way. A repeated
 * `Idempotency-Key` replays the stored answer. HTTP concerns (body parsing, limits, proof of
 * work) stay in `api/report-intake.ts`.
 */
import type { Receipt, ReportIntake } from '@safe-place/schemas'
import { eq } from 'drizzle-orm'
import type { ProcessedAttachment } from '../attachments/processed'
import { violatesUnique } from '../db/constraint-error'
import type { SiteKeyRow } from '../db/rows'
import { idempotencyKeys, powChallengesSpent, receivers, reports } from '../db/schema'
import { HubError } from '../hub-error'
import { newReceiptCode, receiptSecretHash } from '../reports/receipt-code'
import type { HubRuntime } from '../runtime'
import { findIdempotentReceipt, forgetExpiredKey, type IdempotencyRequest } from './idempotency'
import { nextStepsFor } from './next-steps'
import { isUrgent, normalise } from './normalise'
import { planReport } from './plan-report'
import { challengeAlreadyUsed, type PowTicket } from './proof-of-work'
import { newReference } from './reference'

export interface SubmitInput {
  /** Validated (`parseIntake`, `assertSiteKeyTakes`). */
  intake: ReportIntake
  siteKey: SiteKeyRow
  userAgent: string | undefined
  /** Already checked and stripped (`attachments/`). */
  files: readonly ProcessedAttachment[]
  idempotency: IdempotencyRequest | undefined
  /** The proof of work paying for this report, spent with it. */
  pow?: Pick<PowTicket, 'challengeHash' | 'keepUntil'> | undefined
}

export interface SubmitResult {
  receipt: Receipt
  replayed: boolean
}

/** A reference drawn twice (one chance in a billion per report) is drawn again. */
const MAX_TRIES = 8

export async function submitReport(hub: HubRuntime, input: SubmitInput): Promise<SubmitResult> {
  const { intake, siteKey, idempotency } = input
  if (intake.notifications && !hub.mail.enabled) {
    // Refused before anything is stored: she would wait for mails that never come.
    throw new HubError('notifications_unavailable')
  }
  const now = hub.now()
  const replay = async () =>
    idempotency && findIdempotentReceipt(hub.db, hub.keyring, siteKey.id, idempotency, now)
  const previous = await replay()
  if (previous) return { receipt: previous, replayed: true }

  const receiptToken = newReceiptCode()
  const nextSteps = nextStepsFor(intake, isUrgent(intake))
  const attachments = input.files.map(({ data: _data, ...meta }) => meta)
  for (let attempt = 1; ; attempt++) {
    const report = normalise(intake, {
      reference: newReference(),
      partnerId: siteKey.partnerId,
      userAgent: input.userAgent,
      attachments,
      now,
    })
    try {
      const { receipt } = await hub.writeRows(async (read, batch) =>
        planReport(
          hub.keyring,
          {
            report,
            siteKeyId: siteKey.id,
            receiptTokenHash: receiptSecretHash(receiptToken)!,
            files: input.files,
            idempotency,
            pow: input.pow,
            receiptFor: (status) => ({
              reference: report.reference,
              receiptToken,
              status,
              nextSteps,
            }),
            now,
            rules: hub.routingRules,
            notifyEmail: intake.notifications?.email,
          },
          // Enabled receivers are read once per batch, inside its transaction.
          await batch.once('enabled-receivers', () =>
            read.select().from(receivers).where(eq(receivers.enabled, true)),
          ),
        ),
      )
      hub.engine?.wake()
      return { receipt, replayed: false }
    } catch (error) {
      if (violatesUnique(error, powChallengesSpent.challengeHash)) throw challengeAlreadyUsed()
      if (attempt >= MAX_TRIES) throw error
      if (violatesUnique(error, reports.reference)) continue
      if (!idempotency || !violatesUnique(error, idempotencyKeys.key)) throw error
      // Another request with the same key won the race: answer as it did (or 409). Without a
      // live answer, the key's row had expired and awaits the purge: forget it and go again.
      const twin = await replay()
      if (twin) return { receipt: twin, replayed: true }
      await hub.write((tx) => forgetExpiredKey(tx, siteKey.id, idempotency.key, now))
    }
  }
}
