/**
 * Webhook events (Standard Webhooks): the envelope `{ type, timestamp, data }` and one payload
 * per profile per event type. What we emit is forward compatible: receivers' parsers ignore keys
 * they do not know, so the hub can add a field without breaking them.
 */
import { z } from 'zod'
import { HttpUrl, Timestamp } from '../primitives'
import { ReceiverProfile } from '../receivers'
import { AccountRef } from '../report/intake'
import { reportLimits } from '../report/limits'
import { AttachmentMeta, NormalisedReport } from '../report/normalised'
import { ReportReference } from '../report/reference'
import { ActionTaken, ReportStatus } from '../report/status'
import { CategoryCode } from '../taxonomy/categories'
import { DsaFields, DsaNoticeSource } from '../taxonomy/dsa'
import { OzoneReason } from '../taxonomy/ozone'
import { PlatformCode } from '../taxonomy/platforms'
import { ContentAddition, FullAddition, NoticeAddition } from './additions'
import { operationsEvents, operationsEventTypes } from './operations'
import { ReportContestedEvent } from './report-contested'
import { ReportUpdatedEvent } from './report-updated'

export const webhookEventTypes = [
  'report.created',
  'report.updated',
  'report.status_changed',
  'report.withdrawn',
  'webhook.test',
  'report.contested',
  ...operationsEventTypes,
] as const
export const WebhookEventType = z.enum(webhookEventTypes)
export type WebhookEventType = z.infer<typeof WebhookEventType>

/**
 * Set when the body had to be cut to stay under `WEBHOOK_MAX_BODY_BYTES`: the paths of the fields
 * shortened or emptied (e.g. `report.what.description`). Absent when nothing was cut.
 */
const Truncated = z.array(z.string().max(100)).max(20).optional()

/** What was added to the report before this receiver got it (a consent given later). */
const additions = <T extends z.ZodType>(item: T) =>
  z.array(item).max(reportLimits.additionsMax).optional()

/** `full`: the normalised report, cut to what the reporter consented to. */
export const FullReportPayload = z.object({
  profile: z.literal('full'),
  report: NormalisedReport.extend({
    evidence: NormalisedReport.shape.evidence.extend({
      attachments: z.array(AttachmentMeta.extend({ url: HttpUrl.optional() })).max(5),
    }),
  }),
  additions: additions(FullAddition),
  truncated: Truncated,
})

/** `notice`: what a DSA Article 16 notice must contain (docs/taxonomy.md), and nothing more. */
export const NoticePayload = z.object({
  profile: z.literal('notice'),
  notice: z.object({
    reference: ReportReference,
    source: DsaNoticeSource,
    category: CategoryCode,
    dsa: DsaFields,
    ozoneReasons: z.array(OzoneReason),
    platform: PlatformCode,
    platformOther: z.string().optional(),
    /** (b) the exact location of the content. */
    contentUrls: z.array(HttpUrl),
    accounts: z.array(AccountRef),
    /** (a) why the content is presumed illegal, in the reporter's words. */
    explanation: z.string().optional(),
    /** (c) the notifier, only if the reporter consented to be named. */
    notifier: z.object({ name: z.string().optional(), email: z.string().optional() }).nullable(),
    /** (d) the statement of good-faith belief. */
    goodFaith: z.boolean(),
    urgent: z.boolean(),
    raid: z.boolean(),
    minorInvolved: z.boolean(),
    submittedAt: Timestamp,
  }),
  additions: additions(NoticeAddition),
  truncated: Truncated,
})

/** `content`: where the content is and what it is; nothing about the reporter. */
export const ContentPayload = z.object({
  profile: z.literal('content'),
  content: z.object({
    reference: ReportReference,
    category: CategoryCode,
    dsa: DsaFields,
    platform: PlatformCode,
    contentUrls: z.array(HttpUrl),
    accounts: z.array(AccountRef),
    raid: z.boolean(),
    ongoing: z.boolean(),
    urgent: z.boolean(),
    submittedAt: Timestamp,
  }),
  additions: additions(ContentAddition),
  truncated: Truncated,
})

export const ReportCreatedData = z.discriminatedUnion('profile', [
  FullReportPayload,
  NoticePayload,
  ContentPayload,
])
export type ReportCreatedData = z.infer<typeof ReportCreatedData>

/** Same for every profile: no personal data, no note meant for the reporter. */
export const ReportStatusChangedData = z.object({
  profile: ReceiverProfile,
  reference: ReportReference,
  status: ReportStatus,
  actions: z.array(ActionTaken).optional(),
  /**
   * Who set the status: the hub's operator, or a receiver — never which one, nor its kind: a
   * receiver learns nothing about the other receivers of a report.
   */
  changedBy: z.enum(['operator', 'receiver']),
  changedAt: Timestamp,
})
export type ReportStatusChangedData = z.infer<typeof ReportStatusChangedData>

/** The reporter withdrew the report: erase everything you hold about it. */
export const ReportWithdrawnData = z.object({
  profile: ReceiverProfile,
  reference: ReportReference,
  withdrawnAt: Timestamp,
  erase: z.literal(true),
})
export type ReportWithdrawnData = z.infer<typeof ReportWithdrawnData>

export const WebhookTestData = z.object({
  receiverId: z.string(),
  message: z.string(),
})
export type WebhookTestData = z.infer<typeof WebhookTestData>

function envelope<T extends WebhookEventType, D extends z.ZodType>(type: T, data: D) {
  return z.object({ type: z.literal(type), timestamp: Timestamp, data })
}

export const ReportCreatedEvent = envelope('report.created', ReportCreatedData).meta({
  id: 'ReportCreatedEvent',
})
export const ReportStatusChangedEvent = envelope(
  'report.status_changed',
  ReportStatusChangedData,
).meta({ id: 'ReportStatusChangedEvent' })
export const ReportWithdrawnEvent = envelope('report.withdrawn', ReportWithdrawnData).meta({
  id: 'ReportWithdrawnEvent',
})
export const WebhookTestEvent = envelope('webhook.test', WebhookTestData).meta({
  id: 'WebhookTestEvent',
})

export const WebhookEvent = z
  .discriminatedUnion('type', [
    ReportCreatedEvent,
    ReportUpdatedEvent,
    ReportStatusChangedEvent,
    ReportWithdrawnEvent,
    WebhookTestEvent,
    ReportContestedEvent,
    ...operationsEvents,
  ])
  .meta({ id: 'WebhookEvent', title: 'Safe Place webhook event' })
export type WebhookEvent = z.infer<typeof WebhookEvent>
export type ReportCreatedEvent = z.infer<typeof ReportCreatedEvent>
export type ReportStatusChangedEvent = z.infer<typeof ReportStatusChangedEvent>
export type ReportWithdrawnEvent = z.infer<typeof ReportWithdrawnEvent>
export type WebhookTestEvent = z.infer<typeof WebhookTestEvent>

/** The largest body the hub sends; receivers may refuse anything bigger. */
export const WEBHOOK_MAX_BODY_BYTES = 20 * 1024
