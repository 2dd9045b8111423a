/** Where a report stands, and what a receiver may tell about it. */
import { z } from 'zod'
import { boundedText } from '../primitives'
import { Decision, restrictsSomething } from './decision'
import { reportLimits } from './limits'
import { reportStatuses } from './status-codes'

export { reportStatuses }
export const ReportStatus = z.enum(reportStatuses)
export type ReportStatus = z.infer<typeof ReportStatus>

/** The statuses a receiver may set. */
export const ReceiverStatus = ReportStatus.extract([
  'acknowledged',
  'in_review',
  'action_taken',
  'no_action',
  'referred_to_authorities',
])
export type ReceiverStatus = z.infer<typeof ReceiverStatus>

export const ActionTaken = z.enum([
  'content_removed',
  'content_restricted',
  'account_suspended',
  'account_terminated',
  'content_labelled',
  'other',
])
export type ActionTaken = z.infer<typeof ActionTaken>

/** `POST /v1/reports/{reference}/status`, with a receiver's API key. */
export const StatusUpdate = z
  .strictObject({
    status: ReceiverStatus,
    actions: z.array(ActionTaken).max(6).optional(),
    /** Shown to the reporter on the status page as written: no internal notes here. */
    noteForReporter: boundedText(reportLimits.noteMaxLength).optional(),
    /**
     * The platform's decision, as a DSA statement of reasons: with `action_taken` (it restricts
     * something) or `no_action` (it restricts nothing). The reporter reads it in plain words.
     */
    decision: Decision.optional(),
  })
  .superRefine((update, ctx) => {
    const { decision } = update
    if (update.status === 'action_taken' && !update.actions?.length && !decision) {
      ctx.addIssue({
        code: 'custom',
        path: ['actions'],
        message: 'Say what was done when the status is action_taken (actions or a decision)',
      })
    }
    if (decision && update.status === 'action_taken' && !restrictsSomething(decision)) {
      ctx.addIssue({
        code: 'custom',
        path: ['decision', 'decision_visibility'],
        message: 'A decision with action_taken restricts something',
      })
    }
    if (decision && update.status === 'no_action' && restrictsSomething(decision)) {
      ctx.addIssue({
        code: 'custom',
        path: ['decision', 'decision_visibility'],
        message: 'A decision with no_action restricts nothing: use action_taken',
      })
    }
    if (decision && update.status !== 'action_taken' && update.status !== 'no_action') {
      ctx.addIssue({
        code: 'custom',
        path: ['decision'],
        message: 'A decision goes with the status action_taken or no_action only',
      })
    }
    if (update.status !== 'action_taken' && update.actions?.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['actions'],
        message: 'Actions go with the status action_taken only',
      })
    }
  })
  .meta({ id: 'StatusUpdate', title: 'Status update from a receiver' })
export type StatusUpdate = z.infer<typeof StatusUpdate>
