/**
 * The reporter's view of their report: status and timeline in plain words, in their language.
 * Receiver ids, routing reasons and anything internal never appear; a receiver's note for the
 * reporter does, as they wrote it.
 */
import type {
  ActionTaken,
  Locale,
  ReportStatus,
  ReportStatusView,
  StatusTimelineEntry,
} from '@safe-place/schemas'
import { asc, eq } from 'drizzle-orm'
import type { Keyring } from '../crypto/keyring'
import type { ReportRow } from '../db/rows'
import { timelineEvents } from '../db/schema'
import type { ReadDb } from '../db/types'
import {
  contestedMessage,
  livingReportMessages,
  purgedMessage,
  statusMessages,
} from '../i18n/status-messages'
import { notificationsActive } from '../notifications/subscriptions'
import { describeActions } from '../routing/status-wording'
import { contestable, contestViewOf } from './contest'
import { decisionSummary, decisionsOf } from './decisions'

export const noteContext = (eventId: string) => `note:${eventId}`

export async function statusViewOf(
  db: ReadDb,
  keyring: Keyring,
  report: ReportRow,
  locale: Locale,
): Promise<ReportStatusView> {
  const events = await db
    .select()
    .from(timelineEvents)
    .where(eq(timelineEvents.reportId, report.id))
    .orderBy(asc(timelineEvents.at))
  const timeline: StatusTimelineEntry[] = []
  for (const event of events) {
    const at = event.at.toISOString()
    if (event.kind === 'purged') {
      timeline.push({ at, message: purgedMessage[locale] })
      continue
    }
    if (event.kind === 'contested') {
      timeline.push({ at, message: contestedMessage[locale] })
      continue
    }
    if (event.kind === 'added' || event.kind === 'consented') {
      timeline.push({ at, message: livingReportMessages[event.kind][locale] })
      continue
    }
    if (!event.status || event.kind === 'routing' || event.kind === 'delivered') continue
    const status = event.status as ReportStatus
    // What was done, in words, before the receiver's own note.
    const done = describeActions(event.actions as ActionTaken[] | null, locale)
    let message = done
      ? `${statusMessages[status][locale]} ${done}`
      : statusMessages[status][locale]
    if (event.noteSealed) {
      try {
        message = `${message} ${keyring.open(event.noteSealed, noteContext(event.id))}`.slice(
          0,
          1200,
        )
      } catch {
        // A note that cannot be opened (lost key) is left out rather than failing the page.
      }
    }
    timeline.push({ at, status, message })
  }
  const [decisions, contest, notified] = await Promise.all([
    decisionsOf(db, keyring, report.id),
    contestViewOf(db, keyring, report.id, locale, {
      proofPack: report.status !== 'withdrawn' && report.erasedAt === null,
    }),
    notificationsActive(db, report.id),
  ])
  return {
    reference: report.reference,
    category: report.category as ReportStatusView['category'],
    status: report.status as ReportStatus,
    locale,
    submittedAt: report.submittedAt.toISOString(),
    updatedAt: report.updatedAt.toISOString(),
    timeline: timeline.slice(-200),
    decisions: decisions.slice(-20).map(({ at, decision }) => ({
      at: at.toISOString(),
      summary: decisionSummary(report, decision, locale),
      ...(decision.appeal_url ? { appealUrl: decision.appeal_url } : {}),
      ...(decision.statement_url ? { statementUrl: decision.statement_url } : {}),
    })),
    contestable: contestable(report, contest !== undefined),
    ...(contest ? { contest } : {}),
    notifications: notified ? { active: true, channel: 'email' } : { active: false },
  }
}
