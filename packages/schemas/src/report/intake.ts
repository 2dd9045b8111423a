/**
 * What the widget, the SDK and the API send: one report, before the hub normalises it.
 * Strict objects everywhere: an unknown key is an error, never silently kept or dropped.
 */
import { z } from 'zod'
import { boundedText, CountryCode, HttpUrl, Locale, Timestamp } from '../primitives'
import { CategoryCode, getCategory } from '../taxonomy/categories'
import { DsaContentType } from '../taxonomy/dsa'
import { PlatformCode } from '../taxonomy/platforms'
import { ConsentGrant } from './consent'
import { Contact } from './contact'
import { DeviceFileDigest } from './device-digest'
import { reportLimits as L } from './limits'
import { NotificationRequest } from './notifications'

export const ReporterRole = z.enum(['target', 'witness', 'representative'])
export type ReporterRole = z.infer<typeof ReporterRole>

/** The target's age group; `under_15` changes routing (French digital consent age is 15). */
export const TargetAge = z.enum(['adult', '15_17', 'under_15', 'not_stated'])
export type TargetAge = z.infer<typeof TargetAge>

export const ReportSource = z.enum(['widget', 'sdk', 'api', 'legacy_form'])
export type ReportSource = z.infer<typeof ReportSource>

/** An offending account: a handle, a profile URL, or both. */
export const AccountRef = z
  .strictObject({
    handle: boundedText(L.handleMaxLength).optional(),
    url: HttpUrl.optional(),
  })
  .refine((a) => a.handle !== undefined || a.url !== undefined, {
    message: 'Give a handle or a profile URL',
  })
export type AccountRef = z.infer<typeof AccountRef>

export const ReportWhat = z.strictObject({
  description: boundedText(L.descriptionMaxLength).optional(),
  ongoing: z.boolean().default(false),
  /** A coordinated attack: many accounts at once. */
  raid: z.boolean().default(false),
  contentTypes: z.array(DsaContentType).max(8).optional(),
})

export const ReportWhere = z.strictObject({
  platform: PlatformCode,
  platformOther: boundedText(100).optional(),
  contentUrls: z.array(HttpUrl).max(L.contentUrlsMax).default([]),
  accounts: z.array(AccountRef).max(L.accountsMax).default([]),
})

export const ReportWho = z.strictObject({
  role: ReporterRole,
  /** Said by the reporter; `undefined` means not stated. */
  targetIsWomanOrGirl: z.boolean().optional(),
  targetAge: TargetAge.default('not_stated'),
  /** A minor is involved, as victim or in the content. */
  minorInvolved: z.boolean().default(false),
  /** The target's public handle, only if the reporter wants the federation to know. */
  targetHandle: boundedText(L.handleMaxLength).optional(),
})

export const ReportUrgency = z.strictObject({
  immediateDanger: z.boolean().default(false),
})

export const ReportEvidence = z.strictObject({
  urls: z.array(HttpUrl).max(L.evidenceUrlsMax).default([]),
  texts: z.array(boundedText(L.evidenceTextMaxLength)).max(L.evidenceTextsMax).default([]),
  /**
   * One entry per attached file, in the order of the `attachments` parts: the device's SHA-256
   * of the original and of what it sends (docs/evidence.md). Optional; when given, one per file.
   */
  files: z.array(DeviceFileDigest).max(L.attachmentsMax).optional(),
})

export const ReportContext = z.strictObject({
  locale: Locale.default('fr'),
  country: CountryCode.optional(),
  source: ReportSource.default('api'),
  /** When the reporter started: lets the hub tell a person from a script, never stored. */
  startedAt: Timestamp.optional(),
})

export const ReportIntake = z
  .strictObject({
    category: CategoryCode,
    subtypes: z.array(z.string().max(40)).max(L.subtypesMax).optional(),
    what: ReportWhat.default({ ongoing: false, raid: false }),
    where: ReportWhere,
    who: ReportWho,
    urgency: ReportUrgency.default({ immediateDanger: false }),
    evidence: ReportEvidence.default({ urls: [], texts: [] }),
    consents: z.array(ConsentGrant).max(L.consentsMax).default([]),
    /** The reporter states in good faith that the report is accurate and complete (DSA Art. 16). */
    goodFaith: z.boolean().default(false),
    contact: Contact.optional(),
    /**
     * Tell her by e-mail when the report moves: kept by the hub alone (sealed), never sent to a
     * receiver; the message says only that there is news.
     */
    notifications: NotificationRequest.optional(),
    context: ReportContext.default({ locale: 'fr', source: 'api' }),
    /** Honeypot: a field people never see, so never fill. */
    homepage: z.string().max(500).optional(),
  })
  .superRefine((report, ctx) => {
    const known = getCategory(report.category).subtypes?.map((s) => s.code) ?? []
    for (const [index, subtype] of (report.subtypes ?? []).entries()) {
      if (!known.includes(subtype)) {
        ctx.addIssue({
          code: 'custom',
          path: ['subtypes', index],
          message: known.length
            ? `Unknown subtype for ${report.category}: expected one of ${known.join(', ')}`
            : `The category ${report.category} has no subtypes`,
        })
      }
    }
    const seen = new Set<string>()
    for (const [index, consent] of report.consents.entries()) {
      if (seen.has(consent.receiverId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['consents', index, 'receiverId'],
          message: 'Each receiver may appear only once',
        })
      }
      seen.add(consent.receiverId)
    }
    if (report.where.platform === 'other' && !report.where.platformOther) {
      ctx.addIssue({
        code: 'custom',
        path: ['where', 'platformOther'],
        message: 'Name the platform when it is not in the list',
      })
    }
    if (
      report.where.contentUrls.length === 0 &&
      report.where.accounts.length === 0 &&
      !report.what.description
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['where', 'contentUrls'],
        message: 'Give at least a link, an account or a description of what happened',
      })
    }
  })
  .meta({ id: 'ReportIntake', title: 'Report intake' })

/** A report as sent (defaults optional). */
export type ReportIntakeInput = z.input<typeof ReportIntake>
/** A report once validated (defaults applied). */
export type ReportIntake = z.infer<typeof ReportIntake>
