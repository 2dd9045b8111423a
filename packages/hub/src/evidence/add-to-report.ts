/**
 * An addition to a report (a new incident): validated and checked like a first report before
 * it gets here (`api/report-living.ts`), then in one write unit — sealed, its files sealed,
 * on the timeline and in the evidence chain, and queued as `report.updated` to every receiver
 * that got the report, cut to its profile. Refused once the report is withdrawn or erased, and
 * past the report's limits (`reportLimits.additionsMax`, `attachmentsPerReportMax`).
 */
import {
  type CategoryCode,
  ReceiverKind,
  ReceiverProfile,
  type ReportAddition,
  type ReportAdditionIntake,
  reportLimits,
} from '@safe-place/schemas'
import { count, eq, sql } from 'drizzle-orm'
import type { ProcessedAttachment } from '../attachments/processed'
import type { Keyring } from '../crypto/keyring'
import type { ReportRow } from '../db/rows'
import { attachments, reportAdditions, reports, timelineEvents } from '../db/schema'
import type { WriteTx } from '../db/types'
import { enqueueMessages } from '../delivery/outbox'
import { buildReportUpdatedEvent } from '../delivery/payloads'
import { receiversRoutedTo } from '../delivery/recipients'
import { HubError } from '../hub-error'
import { newId } from '../ids'
import { attachmentContext } from '../intake/plan-report'
import { appendToChain } from './chain'
import { addedEntry } from './chain-content'
import { additionContext, openReport } from './living-report'

export interface AdditionInput {
  report: ReportRow
  addition: ReportAdditionIntake
  /** Checked against the device's hashes and stripped (`attachments/receive.ts`). */
  files: readonly ProcessedAttachment[]
  now: Date
}

export interface AdditionResult {
  sequence: number
  /** Queued `report.updated` messages: wake the engine after the commit. */
  messageIds: string[]
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
  })
  if (files.length) {
    await tx.insert(attachments).values(
      files.map((f) => ({
        id: f.id,
        reportId: report.id,
        additionId,
        mediaType: f.mediaType,
        bytes: f.bytes,
        width: f.width,
        height: f.height,
        sha256: f.sha256,
        dataSealed: keyring.sealBytes(f.data, attachmentContext(f.id)),
        createdAt: now,
        receivedSha256: f.receivedSha256 ?? null,
        receivedBytes: f.receivedBytes ?? null,
        originalSha256: f.originalSha256 ?? null,
        originalBytes: f.originalBytes ?? null,
      })),
    )
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
  return { sequence, messageIds }
}
