/**
 * Cases: one situation (a raid against one creator, a stalker's accounts, one leaked picture)
 * and every report about it. The hub groups reports into cases by what they share — the
 * targeted person's handle, an offending account, a content URL — and the federation's support
 * team works the desk from them. Operators only: receivers and partner keys never see a case.
 */
import { z } from 'zod'
import { ReportListItem, TimelineEvent } from '../admin/reports'
import { Timestamp } from '../primitives'
import { CategoryCode } from '../taxonomy/categories'

/** `open` on the desk; `closed` by an operator; `merged` into another case (which holds its reports). */
export const CaseStatus = z.enum(['open', 'closed', 'merged'])
export type CaseStatus = z.infer<typeof CaseStatus>

/** What two reports shared when one joined the other's case. */
export const CaseMatch = z.enum(['target_handle', 'account', 'content_url'])
export type CaseMatch = z.infer<typeof CaseMatch>

/** An operator key, as the desk names it (never its secret). */
export const CaseOperator = z.object({ keyId: z.string(), name: z.string() }).meta({
  id: 'CaseOperator',
})
export type CaseOperator = z.infer<typeof CaseOperator>

export const CaseSummary = z
  .object({
    id: z.string(),
    /** `CS-7K3Q-9XWD`: read aloud, typed in the CLI. */
    reference: z.string(),
    partnerId: z.string(),
    status: CaseStatus,
    /** One of its reports is urgent (immediate danger or a crisis category). */
    urgent: z.boolean(),
    /** Many reports about one target in a short time (`docs/cases.md`). */
    raid: z.boolean(),
    raidDetectedAt: Timestamp.nullable(),
    /** The category of the report that sets the due time (the strictest service level). */
    category: CategoryCode,
    reports: z.number().int().min(0),
    firstReportAt: Timestamp,
    lastReportAt: Timestamp,
    /** From the service level of its strictest report; null once closed or merged. */
    dueAt: Timestamp.nullable(),
    /** Open and past its due time. */
    overdue: z.boolean(),
    assignee: CaseOperator.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    closedAt: Timestamp.nullable(),
    /** Set once merged: the case that now holds its reports. */
    mergedInto: z.object({ id: z.string(), reference: z.string() }).nullable(),
  })
  .meta({ id: 'CaseSummary' })
export type CaseSummary = z.infer<typeof CaseSummary>

const booleanQuery = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional()

export const CaseListQuery = z.object({
  /** `open` (default: the desk's queue), `closed`, `merged` or `all`. */
  status: z.enum(['open', 'closed', 'merged', 'all']).default('open'),
  /** An operator key id, `me` (the caller) or `none` (nobody has it). */
  assignee: z.string().max(60).optional(),
  raid: booleanQuery,
  overdue: booleanQuery,
  partnerId: z.string().max(60).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
})
export type CaseListQuery = z.infer<typeof CaseListQuery>

/** A report of a case, as its page lists it: the report's summary and why it is there. */
export const CaseReport = ReportListItem.extend({
  joinedAt: Timestamp,
  /** What it shared with the case when it joined; empty when it started the case or was split off. */
  matched: z.array(CaseMatch),
}).meta({ id: 'CaseReport' })
export type CaseReport = z.infer<typeof CaseReport>

/** Grouping and desk decisions, on the case's own timeline. */
export const CaseEventKind = z.enum([
  'created',
  'joined',
  'merged',
  'merged_into',
  'split',
  'split_from',
  'raid_detected',
  'assigned',
  'released',
  'note_added',
  'bulk_status',
  'closed',
  'reopened',
])
export type CaseEventKind = z.infer<typeof CaseEventKind>

/**
 * One entry of the case page's timeline, which merges the case's own decisions with its
 * reports' timelines (received, routing decisions, deliveries, receivers' statuses, notes for
 * the reporter) and its internal notes. `source` says which.
 */
export const CaseTimelineEntry = z
  .object({
    at: Timestamp,
    source: z.enum(['case', 'report', 'delivery', 'internal_note']),
    /** For `case`: a `CaseEventKind`; for `report`: a report timeline kind; `delivery`: its state. */
    kind: z.string(),
    /** The report concerned, when there is one. */
    reference: z.string().optional(),
    /** Why: the grouping match(es), a routing reason, a raid's count… */
    matched: z.array(CaseMatch).optional(),
    reason: z.string().optional(),
    /** An operator's name, a receiver's id, `operator` or `hub`. */
    actor: z.string().optional(),
    /** For `assigned`: the operator the case went to. */
    assignee: z.string().optional(),
    status: z.string().optional(),
    routing: TimelineEvent.shape.routing,
    receiverId: z.string().optional(),
    /** The other case of a merge or a split. */
    otherCase: z.object({ id: z.string(), reference: z.string() }).optional(),
    /** How many reports a decision touched (a merge, a split, a bulk status, a raid). */
    count: z.number().int().optional(),
    /** A note for the reporter (`source: report`) or an internal note (`internal_note`). */
    note: z.string().optional(),
  })
  .meta({ id: 'CaseTimelineEntry' })
export type CaseTimelineEntry = z.infer<typeof CaseTimelineEntry>

/**
 * An internal note: written by an operator for the support team, sealed at rest, about one
 * report of the case and erased with that report's personal data. Never in a webhook, never on
 * the reporter's status page, never shown to receivers or partners.
 */
export const InternalNote = z
  .object({
    id: z.string(),
    at: Timestamp,
    author: z.string(),
    /** The report it is about (its personal data's fate is the note's). */
    about: z.string(),
    text: z.string(),
  })
  .meta({ id: 'InternalNote' })
export type InternalNote = z.infer<typeof InternalNote>

export const CaseDetail = z
  .object({
    summary: CaseSummary,
    /** The newest reports first, at most 200; `reportsTotal` says how many there are. */
    reports: z.array(CaseReport),
    reportsTotal: z.number().int(),
    /**
     * Oldest first: every decision on the case (up to 500) and every internal note, with the
     * newest 500 of the rest (reports joining, their timelines, deliveries).
     */
    timeline: z.array(CaseTimelineEntry),
    notes: z.array(InternalNote),
    /** Other open cases its newest reports also matched: candidates for a merge. */
    related: z.array(z.object({ id: z.string(), reference: z.string() })),
  })
  .meta({ id: 'CaseDetail' })
export type CaseDetail = z.infer<typeof CaseDetail>
