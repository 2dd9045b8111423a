/**
 * Profiles → payloads: the `report.created` event a receiver gets, cut to its profile and
 * under 20 KB — with the additions made before it got the report (a consent given later), cut
 * to the same profile — and `report.updated` for each later addition (`updated.ts`).
 */
import type { NormalisedReport, ReportAddition, ReportCreatedEvent } from '@safe-place/schemas'
import { additionFor } from './addition'
import { buildContentPayload } from './content'
import { fitToLimit, popItems } from './fit'
import { buildFullPayload } from './full'
import { buildNoticePayload } from './notice'
import type { ProfileReceiver } from './receiver'

export type { ProfileReceiver } from './receiver'
export { buildReportUpdatedEvent } from './updated'

export function buildReportCreatedEvent(
  report: NormalisedReport,
  receiver: ProfileReceiver,
  now: Date,
  additions: readonly ReportAddition[] = [],
): ReportCreatedEvent {
  const timestamp = now.toISOString()
  const envelope = (data: unknown) => ({ type: 'report.created', timestamp, data })
  let event: ReportCreatedEvent
  switch (receiver.profile) {
    case 'full':
      event = {
        type: 'report.created',
        timestamp,
        data: buildFullPayload(report, receiver, envelope),
      }
      break
    case 'notice':
      event = {
        type: 'report.created',
        timestamp,
        data: buildNoticePayload(report, receiver, envelope),
      }
      break
    case 'content':
      event = { type: 'report.created', timestamp, data: buildContentPayload(report, envelope) }
      break
  }
  if (additions.length) withAdditions(event, report, receiver, additions)
  return event
}

/** The additions as this profile may carry them; the latest dropped first if the body is too big. */
function withAdditions(
  event: ReportCreatedEvent,
  report: NormalisedReport,
  receiver: ProfileReceiver,
  additions: readonly ReportAddition[],
): void {
  const cut = additions.map((a) => additionFor(receiver.profile, a, report.category))
  const data = event.data as { additions?: unknown[]; truncated?: string[] }
  data.additions = cut
  const truncated = [...(data.truncated ?? [])]
  fitToLimit(() => event, [['additions', popItems(cut)]], truncated)
  if (truncated.length) data.truncated = truncated
}
