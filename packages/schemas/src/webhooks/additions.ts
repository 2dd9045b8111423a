/**
 * A report's additions as each profile may carry them (docs/delivery.md): the `full` profile
 * the whole addition, the `notice` profile where the content is and the person's explanation,
 * the `content` profile where the content is. Used by `report.updated` and, for a receiver
 * that gets a report after additions were made, by `report.created` (`additions`).
 */
import { z } from 'zod'
import { HttpUrl, Timestamp } from '../primitives'
import { ReportAddition } from '../report/addition'
import { AccountRef } from '../report/intake'
import { reportLimits } from '../report/limits'
import { AttachmentMeta } from '../report/normalised'
import { PlatformCode } from '../taxonomy/platforms'

export const FullAddition = ReportAddition.extend({
  evidence: ReportAddition.shape.evidence.extend({
    attachments: z
      .array(AttachmentMeta.extend({ url: HttpUrl.optional() }))
      .max(reportLimits.attachmentsMax),
  }),
})
export type FullAddition = z.infer<typeof FullAddition>

const where = {
  sequence: ReportAddition.shape.sequence,
  addedAt: Timestamp,
  platform: PlatformCode.optional(),
  platformOther: z.string().optional(),
  contentUrls: z.array(HttpUrl),
  accounts: z.array(AccountRef),
}

export const NoticeAddition = z.object({
  ...where,
  /** Why the new content is presumed illegal, in the reporter's words. */
  explanation: z.string().optional(),
})
export type NoticeAddition = z.infer<typeof NoticeAddition>

export const ContentAddition = z.object(where)
export type ContentAddition = z.infer<typeof ContentAddition>
