/**
 * Profiles → payloads: the `report.created` event a receiver gets, cut to its profile and
 * under 20 KB. The one entry point the router uses.
 */
import type { NormalisedReport, ReportCreatedEvent } from '@safe-place/schemas'
import { buildContentPayload } from './content'
import { buildFullPayload } from './full'
import { buildNoticePayload } from './notice'
import type { ProfileReceiver } from './receiver'

export type { ProfileReceiver } from './receiver'

export function buildReportCreatedEvent(
  report: NormalisedReport,
  receiver: ProfileReceiver,
  now: Date,
): ReportCreatedEvent {
  const timestamp = now.toISOString()
  const envelope = (data: unknown) => ({ type: 'report.created', timestamp, data })
  switch (receiver.profile) {
    case 'full':
      return {
        type: 'report.created',
        timestamp,
        data: buildFullPayload(report, receiver, envelope),
      }
    case 'notice':
      return {
        type: 'report.created',
        timestamp,
        data: buildNoticePayload(report, receiver, envelope),
      }
    case 'content':
      return { type: 'report.created', timestamp, data: buildContentPayload(report, envelope) }
  }
}
