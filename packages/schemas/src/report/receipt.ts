/** What the reporter gets back after sending, and what the status page shows later. */
import { z } from 'zod'
import { Locale, Timestamp } from '../primitives'
import { CategoryCode } from '../taxonomy/categories'
import { ContestView } from './contest'
import { NotificationSettings } from './notifications'
import { ReceiptToken, ReportReference } from './reference'
import { ReportStatus } from './status'

export const NextStep = z.object({
  code: z.enum([
    'keep_receipt',
    'save_evidence',
    'contact_help',
    'report_to_platform',
    'file_complaint',
    'stay_safe',
  ]),
  message: z.string().max(500),
  resourceIds: z.array(z.string().max(40)).max(10),
})
export type NextStep = z.infer<typeof NextStep>

/** `201` answer to `POST /v1/reports`: the token is shown here, once, and never again. */
export const Receipt = z
  .object({
    reference: ReportReference,
    receiptToken: ReceiptToken,
    status: ReportStatus,
    nextSteps: z.array(NextStep).max(10),
  })
  .meta({ id: 'Receipt', title: 'Receipt' })
export type Receipt = z.infer<typeof Receipt>

/** One line of the reporter's timeline, already in plain words in the asked locale. */
export const StatusTimelineEntry = z.object({
  at: Timestamp,
  status: ReportStatus.optional(),
  message: z.string().max(1200),
})
export type StatusTimelineEntry = z.infer<typeof StatusTimelineEntry>

/** A platform's decision, as the reporter reads it: two or three plain sentences, never codes. */
export const DecisionView = z.object({
  at: Timestamp,
  summary: z.string().max(1200),
  /** Where she can appeal to the platform itself, if it said. */
  appealUrl: z.string().max(2048).optional(),
  /** The platform's statement of reasons, if it gave its address. */
  statementUrl: z.string().max(2048).optional(),
})
export type DecisionView = z.infer<typeof DecisionView>

/** `GET /v1/reports/{reference}/status`: no internal data, nothing the reporter did not write. */
export const ReportStatusView = z
  .object({
    reference: ReportReference,
    category: CategoryCode,
    status: ReportStatus,
    locale: Locale,
    submittedAt: Timestamp,
    updatedAt: Timestamp,
    timeline: z.array(StatusTimelineEntry).max(200),
    /** The decisions platforms gave on the report, latest last. */
    decisions: z.array(DecisionView).max(20).optional(),
    /** Whether she may contest the answer now (there is one, she has not yet, not withdrawn). */
    contestable: z.boolean().optional(),
    /** Once she contested: when, and the ways that remain. */
    contest: ContestView.optional(),
    notifications: NotificationSettings.optional(),
  })
  .meta({ id: 'ReportStatusView', title: 'Report status, as the reporter sees it' })
export type ReportStatusView = z.infer<typeof ReportStatusView>
