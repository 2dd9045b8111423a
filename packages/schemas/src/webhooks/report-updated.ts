/**
 * `report.updated`: the person added to her report (a new incident). Each receiver that got
 * the report gets the addition cut to its profile, with its `sequence` (1, 2…); for one
 * receiver the events of a report arrive in order (docs/delivery.md).
 */
import { z } from 'zod'
import { Timestamp } from '../primitives'
import { ReportReference } from '../report/reference'
import { ContentAddition, FullAddition, NoticeAddition } from './additions'

const Truncated = z.array(z.string().max(100)).max(20).optional()

const common = {
  reference: ReportReference,
  /** The addition's number in its report: 1 for the first, then 2, 3… */
  sequence: z.number().int().min(1),
  updatedAt: Timestamp,
  truncated: Truncated,
}

export const ReportUpdatedData = z.discriminatedUnion('profile', [
  z.object({ profile: z.literal('full'), ...common, addition: FullAddition }),
  z.object({ profile: z.literal('notice'), ...common, addition: NoticeAddition }),
  z.object({ profile: z.literal('content'), ...common, addition: ContentAddition }),
])
export type ReportUpdatedData = z.infer<typeof ReportUpdatedData>

export const ReportUpdatedEvent = z
  .object({ type: z.literal('report.updated'), timestamp: Timestamp, data: ReportUpdatedData })
  .meta({ id: 'ReportUpdatedEvent' })
export type ReportUpdatedEvent = z.infer<typeof ReportUpdatedEvent>
