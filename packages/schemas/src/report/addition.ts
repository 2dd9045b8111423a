/**
 * The living report: what a person adds to her report later (a new incident: links, accounts,
 * a description, screenshots), and a consent she gives later to one more receiver. Both are
 * sent with the reference and the receipt code; the hub validates them like a first report.
 */
import { z } from 'zod'
import { boundedText, HttpUrl, Timestamp } from '../primitives'
import { PlatformCode } from '../taxonomy/platforms'
import { ConsentGrant } from './consent'
import { AccountRef, ReportEvidence } from './intake'
import { reportLimits as L } from './limits'
import { AttachmentMeta } from './normalised'

/** `POST /v1/reports/{reference}/additions`: JSON, or the `report` part of a multipart body. */
export const ReportAdditionIntake = z
  .strictObject({
    what: z
      .strictObject({
        description: boundedText(L.descriptionMaxLength).optional(),
        /** When it happened, if the person knows. */
        happenedAt: Timestamp.optional(),
      })
      .default({}),
    where: z
      .strictObject({
        /** When the new incident is on another platform than the report's. */
        platform: PlatformCode.optional(),
        platformOther: boundedText(100).optional(),
        contentUrls: z.array(HttpUrl).max(L.contentUrlsMax).default([]),
        accounts: z.array(AccountRef).max(L.accountsMax).default([]),
      })
      .default({ contentUrls: [], accounts: [] }),
    evidence: ReportEvidence.default({ urls: [], texts: [] }),
    /** Honeypot, as in a first report. */
    homepage: z.string().max(500).optional(),
  })
  .meta({ id: 'ReportAdditionIntake', title: 'An addition to a report' })
export type ReportAdditionIntake = z.infer<typeof ReportAdditionIntake>
export type ReportAdditionIntakeInput = z.input<typeof ReportAdditionIntake>

/** An addition as the hub keeps it and the `full` profile carries it. */
export const ReportAddition = z
  .object({
    /** 1 for the first addition, then 2, 3… : the `sequence` of `report.updated`. */
    sequence: z.number().int().min(1).max(L.additionsMax),
    addedAt: Timestamp,
    what: z.object({ description: z.string().optional(), happenedAt: Timestamp.optional() }),
    where: z.object({
      platform: PlatformCode.optional(),
      platformOther: z.string().optional(),
      contentUrls: z.array(HttpUrl).max(L.contentUrlsMax),
      accounts: z.array(AccountRef).max(L.accountsMax),
    }),
    evidence: z.object({
      urls: z.array(HttpUrl).max(L.evidenceUrlsMax),
      texts: z.array(z.string()).max(L.evidenceTextsMax),
      attachments: z.array(AttachmentMeta).max(L.attachmentsMax),
    }),
  })
  .meta({ id: 'ReportAddition', title: 'An addition to a report' })
export type ReportAddition = z.infer<typeof ReportAddition>

/** `POST /v1/reports/{reference}/consents`: share the report with receivers not chosen at first. */
export const ConsentExtension = z
  .strictObject({ consents: z.array(ConsentGrant).min(1).max(L.consentsMax) })
  .superRefine((body, ctx) => {
    const seen = new Set<string>()
    for (const [index, consent] of body.consents.entries()) {
      if (seen.has(consent.receiverId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['consents', index, 'receiverId'],
          message: 'Each receiver may appear only once',
        })
      }
      seen.add(consent.receiverId)
    }
  })
  .meta({ id: 'ConsentExtension', title: 'Consents given after the report was sent' })
export type ConsentExtension = z.infer<typeof ConsentExtension>
