/**
 * An addition to a report (a new incident): validated and checked like a first report before
 * it gets here (`api/report-living.ts`), then in one write unit — sealed, its files sealed,
 * on the timeline and in the evidence chain, and queued as `report.updated` to every receiver
 * that got the report, cut to its profile. Refused once the report is withdrawn or erased, and
 * past the report's limits (`reportLimits.additionsMax`, `attachmentsPerReportMax`).
 *
 * With an `Idempotency-Key`, a retry after a lost answer (a train, a borrowed phone) adds
 * nothing: the same key with the same request finds its addition, with another request it is a
 * `409 idempotency_conflict`. The key is kept with the addition, so it holds for the report's
 * whole life, and erased with it.
 */
import {
  type CategoryCode,
  ReceiverKind,
  ReceiverProfile,
  type ReportAddition,
  type ReportAdditionIntake,
  reportLimits,
} from '@safe-place/schemas'
import { and, count, eq, sql } from 'drizzle-orm'
import type { ProcessedAttachment } from '../attachments/processed'
import { attachmentRow } from '../attachments/stored'
import type { Keyring } from '../crypto/keyring'
import type { ReportRow } from '../db/rows'
import { attachments, reportAdditions, reports, timelineEvents } from '../db/schema'
import type { WriteTx } from '../db/types'
import { enqueueMessages } from '../delivery/outbox'
import { buildReportUpdatedEvent } from '../delivery/payloads'
import { receiversRoutedTo } from '../delivery/recipients'
import { HubError } from '../hub-error'
import { newId } from '../ids'
import type { IdempotencyRequest } from '../intake/idempotency'
import { appendToChain } from './chain'
import { addedEntry } from './chain-content'
import { additionContext, openReport } from './living-report'

export interface AdditionInput {
  report: ReportRow
  addition: ReportAdditionIntake
  /** Checked against the device's hashes and stripped (`attachments/receive.ts`). */
  files: readonly ProcessedAttachment[]
  /** The `Idempotency-Key` and the digest of the request (`requestDigest`), if a key was sent. */
  request?: IdempotencyRequest | undefined
  now: Date
}

export interface AdditionResult {
  sequence: number
  /** Queued `report.updated` messages: wake the engine after the commit. */
  messageIds: string[]
  /** True when the key was seen before: nothing was added this time. */
  replayed: boolean
}

const REQUEST_PURPOSE = 'addition-request'

/** The addition this key already made, if any; a conflict if it came with another request. */
async function earlier(
  tx: WriteTx,
  keyring: Keyring,
  reportId: string,
  request: IdempotencyRequest,
): Promise<AdditionResult | undefined> {
  const [row] = await tx
    .select({ seq: reportAdditions.seq, digest: reportAdditions.requestDigest })
    .from(reportAdditions)
    .where(and(eq(reportAdditions.reportId, reportId), eq(reportAdditions.requestKey, request.key)))
  if (!row) return undefined
  if (!row.digest || !keyring.matchesFingerprint(row.digest, request.digest, REQUEST_PURPOSE)) {
    throw new HubError('idempotency_conflict')
  }
  return { sequence: row.seq, messageIds: [], replayed: true }
}

function normaliseAddition(
  intake: ReportAdditionIntake,
  sequence: number,
  files: readonly ProcessedAttachment[],
  now: Date,
): ReportAddition {
  const { files: _digests, ...evidence } = intake.evidence
  return {
    sequence,
    addedAt: now.toISOString(),
    what: {
      ...(intake.what.description !== undefined && { description: intake.what.description }),
      ...(intake.what.happenedAt !== undefined && { happenedAt: intake.what.happenedAt }),
    },
    where: intake.where,
    evidence: { ...evidence, attachments: files.map(({ data: _data, ...meta }) => meta) },
  }
}

export async function addToReport(
  tx: WriteTx,
  keyring: Keyring,
  input: AdditionInput,
): Promise<AdditionResult> {
  const { now, files } = input
  // Read again in the unit: it may have been withdrawn since it was opened.
  const report = await openReport(tx, input.report.id)
  if (input.request) {
    const done = await earlier(tx, keyring, report.id, input.request)
    if (done) return done
  }
  const [made] = await tx
    .select({ n: count() })
    .from(reportAdditions)
    .where(eq(reportAdditions.reportId, report.id))
  const [stored] = await tx
    .select({ n: count() })
    .from(attachments)
    .where(eq(attachments.reportId, report.id))
  if ((made?.n ?? 0) >= reportLimits.additionsMax) {
    throw new HubError('report_limit_reached', undefined, {
      details: [{ path: 'additions', message: `At most ${reportLimits.additionsMax} additions` }],
    })
  }
  if ((stored?.n ?? 0) + files.length > reportLimits.attachmentsPerReportMax) {
    throw new HubError('report_limit_reached', undefined, {
      details: [
        {
          path: 'attachments',
          message: `At most ${reportLimits.attachmentsPerReportMax} files in a report`,
        },
      ],
    })
  }
  const sequence = (made?.n ?? 0) + 1
  const addition = normaliseAddition(input.addition, sequence, files, now)
  const additionId = newId('add')
  await tx.insert(reportAdditions).values({
    id: additionId,
    reportId: report.id,
    seq: sequence,
    sealed: keyring.sealJson(addition, additionContext(additionId)),
    attachmentCount: files.length,
    createdAt: now,
    requestKey: input.request?.key ?? null,
    requestDigest: input.request
      ? keyring.fingerprint(input.request.digest, REQUEST_PURPOSE)
      : null,
  })
  if (files.length) {
    await tx
      .insert(attachments)
      .values(files.map((f) => attachmentRow(keyring, f, { reportId: report.id, additionId, now })))
  }
  await tx
    .update(reports)
    .set({ updatedAt: now, attachmentCount: sql`${reports.attachmentCount} + ${files.length}` })
    .where(eq(reports.id, report.id))
  await tx
    .insert(timelineEvents)
    .values({ id: newId('evt'), reportId: report.id, at: now, kind: 'added' })
  const [reportSeq] =
    (await appendToChain(tx, keyring, report.id, [addedEntry(addition, now)], now)) ?? []
  const recipients = await receiversRoutedTo(tx, report.id)
  const category = report.category as CategoryCode
  const messageIds = await enqueueMessages(
    tx,
    keyring,
    recipients.map((receiver) => ({
      receiverId: receiver.id,
      reportId: report.id,
      event: buildReportUpdatedEvent(
        { reference: report.reference, category },
        addition,
        {
          id: receiver.id,
          kind: ReceiverKind.parse(receiver.kind),
          profile: ReceiverProfile.parse(receiver.profile),
        },
        now,
      ),
      urgent: report.urgent,
      reportSeq,
    })),
    now,
  )
  return { sequence, messageIds, replayed: false }
}
