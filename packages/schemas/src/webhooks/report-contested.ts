/**
 * `report.contested`: the reporter disagrees with the answer her report got and says why. Sent
 * to the receivers she consented to, the federation's support first (urgent), cut to each
 * profile: the reason she wrote goes to `full` and `notice` (the notifier's own explanation),
 * never to `content`, which carries nothing about her.
 */
import { z } from 'zod'
import { Timestamp } from '../primitives'
import { ReceiverProfile } from '../receivers'
import { ReportReference } from '../report/reference'

export const ReportContestedData = z.object({
  profile: ReceiverProfile,
  reference: ReportReference,
  /** The status she contests: `no_action` or `action_taken`. */
  status: z.enum(['action_taken', 'no_action']),
  contestedAt: Timestamp,
  /** Her reason, as written: `full` and `notice` only. */
  reason: z.string().max(1000).optional(),
  /** The platform's identifiers of the decision contested, when it gave some. */
  decision: z
    .object({
      puid: z.string().max(500).optional(),
      statement_url: z.string().max(2048).optional(),
      application_date: z.string().max(10).optional(),
    })
    .optional(),
})
export type ReportContestedData = z.infer<typeof ReportContestedData>

export const ReportContestedEvent = z
  .object({ type: z.literal('report.contested'), timestamp: Timestamp, data: ReportContestedData })
  .meta({ id: 'ReportContestedEvent' })
export type ReportContestedEvent = z.infer<typeof ReportContestedEvent>
