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
import { Sha256Hex } from './device-digest'
import { AccountRef, ReportSource, ReportWhat, ReportWho } from './intake'
import { attachmentMediaTypes, reportLimits } from './limits'
import { ReportReference } from './reference'
import { ReportStatus } from './status'

/**
 * One stored file and how it got there (docs/evidence.md): `sha256`/`bytes` are the stored
 * copy (metadata stripped), `received*` what arrived, `original*` what the device said of the
 * file before re-encoding it. Files stored before device hashes existed have no `original*`
 * nor `received*`.
 */
export const AttachmentMeta = z.object({
  id: z.string().max(64),
  mediaType: z.enum(attachmentMediaTypes),
  bytes: z.number().int().positive().max(reportLimits.attachmentMaxBytes),
  width: z.number().int().positive().max(20000),
  height: z.number().int().positive().max(20000),
  /** SHA-256 of the stored copy, after metadata stripping: what a receiver downloads. */
  sha256: Sha256Hex,
  /** SHA-256 and size of the bytes the hub received, before stripping. */
  receivedSha256: Sha256Hex.optional(),
  receivedBytes: z.number().int().positive().max(reportLimits.attachmentMaxBytes).optional(),
  receivedAt: Timestamp.optional(),
  /** The device's SHA-256 and size of the original file, before it re-encoded it. */
  originalSha256: Sha256Hex.optional(),
  originalBytes: z.number().int().positive().max(reportLimits.originalFileMaxBytes).optional(),
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
