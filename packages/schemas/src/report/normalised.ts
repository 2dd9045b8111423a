/**
 * The canonical report: one shape whatever sent it (widget, SDK, API, legacy form adapter),
 * with the DSA fields computed by the hub. This is what is stored and what the `full` profile
 * carries; the other profiles (`notice`, `content`) are cut from it by the hub.
 */
import { z } from 'zod'
import { CountryCode, HttpUrl, Locale, Timestamp } from '../primitives'
import { CategoryCode } from '../taxonomy/categories'
import { DsaFields } from '../taxonomy/dsa'
import { OzoneReason } from '../taxonomy/ozone'
import { PlatformCode } from '../taxonomy/platforms'
import { ConsentRecord } from './consent'
import { Contact } from './contact'
import { AccountRef, ReportSource, ReportWhat, ReportWho } from './intake'
import { attachmentMediaTypes, reportLimits } from './limits'
import { ReportReference } from './reference'
import { ReportStatus } from './status'

export const AttachmentMeta = z.object({
  id: z.string().max(64),
  mediaType: z.enum(attachmentMediaTypes),
  bytes: z.number().int().positive().max(reportLimits.attachmentMaxBytes),
  width: z.number().int().positive().max(20000),
  height: z.number().int().positive().max(20000),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
})
export type AttachmentMeta = z.infer<typeof AttachmentMeta>

export const UserAgentFamily = z.enum([
  'chrome',
  'firefox',
  'safari',
  'edge',
  'samsung',
  'opera',
  'other',
  'unknown',
])
export type UserAgentFamily = z.infer<typeof UserAgentFamily>

export const NormalisedReport = z
  .object({
    reference: ReportReference,
    status: ReportStatus,
    urgent: z.boolean(),
    category: CategoryCode,
    subtypes: z.array(z.string()).max(reportLimits.subtypesMax),
    dsa: DsaFields,
    ozoneReasons: z.array(OzoneReason).max(4),
    what: ReportWhat.required({ ongoing: true, raid: true }),
    where: z.object({
      platform: PlatformCode,
      platformOther: z.string().optional(),
      contentUrls: z.array(HttpUrl).max(reportLimits.contentUrlsMax),
      accounts: z.array(AccountRef).max(reportLimits.accountsMax),
    }),
    who: ReportWho.required({ targetAge: true, minorInvolved: true }),
    evidence: z.object({
      urls: z.array(HttpUrl).max(reportLimits.evidenceUrlsMax),
      texts: z.array(z.string()).max(reportLimits.evidenceTextsMax),
      attachments: z.array(AttachmentMeta).max(reportLimits.attachmentsMax),
    }),
    consents: z.array(ConsentRecord).max(reportLimits.consentsMax),
    goodFaith: z.boolean(),
    contact: Contact.nullable(),
    context: z.object({
      partnerId: z.string(),
      source: ReportSource,
      locale: Locale,
      country: CountryCode.optional(),
      userAgentFamily: UserAgentFamily,
      submittedAt: Timestamp,
    }),
  })
  .meta({ id: 'NormalisedReport', title: 'Normalised report' })
export type NormalisedReport = z.infer<typeof NormalisedReport>
