/** What an operator does to a case: assign, merge, split, notes, statuses. */
import { z } from 'zod'
import { boundedText } from '../primitives'
import { reportLimits } from '../report/limits'
import { ReceiverStatus } from '../report/status'
import { caseLimits } from './limits'

export { caseLimits }

/** Take (`me`), hand to a colleague (an operator key id) or release (`null`). */
export const CaseAssign = z
  .strictObject({ assignee: z.string().min(1).max(60).nullable() })
  .meta({ id: 'CaseAssign' })
export type CaseAssign = z.infer<typeof CaseAssign>

/** Merges the listed cases into the one in the path: their reports move, they become `merged`. */
export const CaseMerge = z
  .strictObject({ from: z.array(z.string().min(1).max(60)).min(1).max(caseLimits.mergeMax) })
  .meta({ id: 'CaseMerge' })
export type CaseMerge = z.infer<typeof CaseMerge>

/** Moves the listed reports (references) out of the case, into a new case of their own. */
export const CaseSplit = z
  .strictObject({
    reports: z.array(z.string().trim().min(1).max(40)).min(1).max(caseLimits.splitMax),
  })
  .meta({ id: 'CaseSplit' })
export type CaseSplit = z.infer<typeof CaseSplit>

export const CaseNoteCreate = z
  .strictObject({
    text: boundedText(caseLimits.noteMaxLength),
    /** The report the note is about (a reference of the case); the case's first report when absent. */
    about: z.string().trim().min(1).max(40).optional(),
  })
  .meta({ id: 'CaseNoteCreate' })
export type CaseNoteCreate = z.infer<typeof CaseNoteCreate>

export const CaseStatusChange = z
  .strictObject({ status: z.enum(['open', 'closed']) })
  .meta({ id: 'CaseStatusChange' })
export type CaseStatusChange = z.infer<typeof CaseStatusChange>

/**
 * One status for every report of the case still live (not withdrawn, not erased), e.g. a raid's
 * reports `in_review` at once; each report's receivers hear `report.status_changed` as for a
 * single change by the operator.
 */
export const CaseBulkStatus = z
  .strictObject({
    status: ReceiverStatus.exclude(['action_taken']),
    noteForReporter: boundedText(reportLimits.noteMaxLength).optional(),
  })
  .meta({ id: 'CaseBulkStatus' })
export type CaseBulkStatus = z.infer<typeof CaseBulkStatus>

export const CaseBulkStatusResult = z
  .object({ updated: z.number().int(), skipped: z.number().int() })
  .meta({ id: 'CaseBulkStatusResult' })
export type CaseBulkStatusResult = z.infer<typeof CaseBulkStatusResult>
