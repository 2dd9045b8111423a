/**
 * Who receives reports, and how much of each: the receiver kinds and profiles (docs/routing.md).
 */
import { z } from 'zod'

export const ReceiverKind = z.enum([
  'federation',
  'trusted_flagger',
  'moderation_vendor',
  'partner',
  /** The operator's own endpoint for operational alerts (`operations.*`): never gets a report. */
  'operations',
])
export type ReceiverKind = z.infer<typeof ReceiverKind>

/** The kinds the router may send reports to: every kind but `operations`. */
export type RoutableReceiverKind = Exclude<ReceiverKind, 'operations'>

/**
 * - `full`: everything the reporter consented to, contact included (the federation's support);
 * - `notice`: a DSA Article 16 notice (trusted flagger, hosting platform);
 * - `content`: content locations only, nothing about the reporter (moderation vendor).
 */
export const ReceiverProfile = z.enum(['full', 'notice', 'content'])
export type ReceiverProfile = z.infer<typeof ReceiverProfile>

/** Why the router sent a report to a receiver or not; recorded on the report's timeline. */
export const RoutingReason = z.enum([
  'consented',
  'consent_not_required',
  'no_consent',
  'category_not_covered',
  'platform_not_covered',
  'country_not_covered',
  'minor_sexual_hotline_only',
  'under_15_hotline_only',
  'receiver_disabled',
  'withdrawn',
])
export type RoutingReason = z.infer<typeof RoutingReason>

export const RoutingDecision = z.object({
  receiverId: z.string(),
  decision: z.enum(['send', 'skip']),
  reason: RoutingReason,
})
export type RoutingDecision = z.infer<typeof RoutingDecision>
