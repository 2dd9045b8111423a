/** Operator API: listing and reading reports, tenant-scoped. */
import { z } from 'zod'
import { LocalizedText, Timestamp } from '../primitives'
import { RoutingDecision } from '../receivers'
import { Decision } from '../report/decision'
import { NormalisedReport } from '../report/normalised'
import { ReportStatus } from '../report/status'
import { CategoryCode } from '../taxonomy/categories'
import { PlatformCode } from '../taxonomy/platforms'

export const ReportListQuery = z.object({
  category: CategoryCode.optional(),
  status: ReportStatus.optional(),
  platform: PlatformCode.optional(),
  urgent: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  receiverId: z.string().max(60).optional(),
  from: Timestamp.optional(),
  to: Timestamp.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
})
export type ReportListQuery = z.infer<typeof ReportListQuery>

export const ReportListItem = z
  .object({
    reference: z.string(),
    category: CategoryCode,
    platform: PlatformCode,
    status: ReportStatus,
    urgent: z.boolean(),
    raid: z.boolean(),
    partnerId: z.string(),
    submittedAt: Timestamp,
    withdrawnAt: Timestamp.nullable(),
    /** When its personal data was erased (withdrawal or retention): only the tombstone is left. */
    erasedAt: Timestamp.nullable(),
  })
  .meta({ id: 'ReportListItem' })
export type ReportListItem = z.infer<typeof ReportListItem>

export const TimelineEvent = z.object({
  at: Timestamp,
  kind: z.enum([
    'received',
    'routing',
    'delivered',
    'status_changed',
    'withdrawn',
    'purged',
    'contested',
    // The living report: an addition, a consent given later.
    'added',
    'consented',
  ]),
  status: ReportStatus.optional(),
  routing: RoutingDecision.optional(),
  actor: z.string().optional(),
  note: z.string().optional(),
  /** The decision given with a status: its fields, and the sentences the reporter reads. */
  decision: z.object({ fields: Decision, summary: LocalizedText }).optional(),
})
export type TimelineEvent = z.infer<typeof TimelineEvent>

export const ReportDetail = z
  .object({
    report: NormalisedReport.nullable(),
    summary: ReportListItem,
    timeline: z.array(TimelineEvent),
  })
  .meta({ id: 'ReportDetail' })
export type ReportDetail = z.infer<typeof ReportDetail>

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() })
}
