/**
 * The reporter contests the answer her report got ("no action", or a decision she disagrees
 * with), with a short reason: recorded once (sealed, erased with the report), written on the
 * timeline, and `report.contested` queued — in the same write unit — to the receivers she
 * consented to that got the report, the federation's support first (urgent). What remains is
 * answered as data (`remaining-ways.ts`).
 */
import {
  type ContestView,
  type Locale,
  ReceiverProfile,
  type ReportContestedEvent,
} from '@safe-place/schemas'
import { eq } from 'drizzle-orm'
import type { Keyring } from '../crypto/keyring'
import { violatesUnique } from '../db/constraint-error'
import type { ReportRow } from '../db/rows'
import { reportContests, reports, timelineEvents } from '../db/schema'
import type { ReadDb, WriteTx } from '../db/types'
import { enqueueMessages } from '../delivery/outbox'
import { receiversThatGotReport } from '../delivery/recipients'
import { HubError } from '../hub-error'
import { newId } from '../ids'
import { decisionsOf } from './decisions'
import { remainingWays } from './remaining-ways'

const contestContext = (reportId: string) => `contest:${reportId}`

const ANSWERS = ['action_taken', 'no_action'] as const
type Answer = (typeof ANSWERS)[number]
const isAnswer = (status: string): status is Answer =>
  (ANSWERS as readonly string[]).includes(status)

export async function contestReport(
  tx: WriteTx,
  keyring: Keyring,
  reportId: string,
  reason: string,
  now: Date,
): Promise<{ messageIds: string[] }> {
  // Read again in the unit: it may have been withdrawn or contested since it was opened.
  const [report] = await tx.select().from(reports).where(eq(reports.id, reportId))
  if (!report || report.status === 'withdrawn' || report.withdrawnAt) {
    throw new HubError(
      'report_withdrawn',
      'This report was withdrawn: there is nothing to contest.',
    )
  }
  if (report.erasedAt) throw new HubError('report_erased')
  const [already] = await tx
    .select({ at: reportContests.at })
    .from(reportContests)
    .where(eq(reportContests.reportId, reportId))
  if (already) throw new HubError('already_contested')
  const status = report.status
  if (!isAnswer(status)) throw new HubError('nothing_to_contest')
  try {
    await tx.insert(reportContests).values({
      reportId,
      at: now,
      status,
      reasonSealed: keyring.seal(reason, contestContext(reportId)),
    })
  } catch (error) {
    // Another process recorded hers first.
    if (violatesUnique(error, reportContests.reportId)) throw new HubError('already_contested')
    throw error
  }
  await tx
    .insert(timelineEvents)
    .values({ id: newId('evt'), reportId, at: now, kind: 'contested', status: null })
  await tx.update(reports).set({ updatedAt: now }).where(eq(reports.id, reportId))
  return { messageIds: await tellReceivers(tx, keyring, report, status, reason, now) }
}

async function tellReceivers(
  tx: WriteTx,
  keyring: Keyring,
  report: ReportRow,
  status: Answer,
  reason: string,
  now: Date,
): Promise<string[]> {
  // A target under 15 reporting for herself: her consent alone does not stand
  // (docs/safety-rules.md), so her words go to no receiver.
  const under15 = report.targetAge === 'under_15' && report.reporterRole === 'target'
  const consented = new Set(
    under15 ? [] : (report.consents as { receiverId: string }[]).map((c) => c.receiverId),
  )
  const recipients = (await receiversThatGotReport(tx, report.id)).filter((r) =>
    consented.has(r.id),
  )
  const latest = (await decisionsOf(tx, keyring, report.id)).at(-1)?.decision
  const identifiers = latest && {
    ...(latest.puid ? { puid: latest.puid } : {}),
    ...(latest.statement_url ? { statement_url: latest.statement_url } : {}),
    application_date: latest.application_date,
  }
  const at = now.toISOString()
  return enqueueMessages(
    tx,
    keyring,
    recipients.map((receiver) => {
      const profile = ReceiverProfile.parse(receiver.profile)
      const event: ReportContestedEvent = {
        type: 'report.contested',
        timestamp: at,
        data: {
          profile,
          reference: report.reference,
          status,
          contestedAt: at,
          // Her words go where her words already went: not to a `content` receiver.
          ...(profile !== 'content' ? { reason } : {}),
          ...(identifiers ? { decision: identifiers } : {}),
        },
      }
      // The federation's support first: it is the one that can call her back.
      return {
        receiverId: receiver.id,
        reportId: report.id,
        event,
        urgent: receiver.kind === 'federation',
      }
    }),
    now,
  )
}

/**
 * Her contest as she sees it on the report page, or undefined before she contested. The
 * complaint way points to her proof pack while the report still has one (not withdrawn, not
 * erased by retention).
 */
export async function contestViewOf(
  db: ReadDb,
  keyring: Keyring,
  reportId: string,
  locale: Locale,
  options: { proofPack: boolean },
): Promise<ContestView | undefined> {
  const [row] = await db.select().from(reportContests).where(eq(reportContests.reportId, reportId))
  if (!row) return undefined
  const latest = (await decisionsOf(db, keyring, reportId)).at(-1)?.decision
  return {
    contestedAt: row.at.toISOString(),
    ways: remainingWays(locale, { appealUrl: latest?.appeal_url, proofPack: options.proofPack }),
  }
}

/** Her reason, opened for the operator; undefined before she contested or once erased. */
export async function contestReasonOf(
  db: ReadDb,
  keyring: Keyring,
  reportId: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ sealed: reportContests.reasonSealed })
    .from(reportContests)
    .where(eq(reportContests.reportId, reportId))
  if (!row?.sealed) return undefined
  try {
    return keyring.open(row.sealed, contestContext(reportId))
  } catch {
    return undefined
  }
}

/** Whether she may contest now: an answer is there, she has not contested, it is not withdrawn. */
export function contestable(report: ReportRow, contested: boolean): boolean {
  return !contested && !report.erasedAt && isAnswer(report.status)
}
