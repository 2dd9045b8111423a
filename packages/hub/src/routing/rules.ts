/**
 * Routing as data: which categories each kind of receiver gets by default (docs/routing.md),
 * and whether it only gets reports about platforms it covers. Configuration may override any
 * part of it (`mergeRoutingRules`); the safety rules are not here but in `evaluate.ts`, so no
 * configuration can send `minor_sexual` to a vendor.
 */
import type { CategoryCode, RoutableReceiverKind } from '@safe-place/schemas'

interface RoutingRule {
  /** Categories this kind gets, or `*` for every category. */
  categories: readonly CategoryCode[] | '*'
  /** Also send reports flagged as a raid, whatever their category. */
  raids: boolean
  /**
   * Only reports about a platform the receiver covers: its `platforms` filter, or — without
   * one — reports sent through the receiver's own partner.
   */
  ownPlatformsOnly: boolean
}

export type RoutingRules = Readonly<Record<RoutableReceiverKind, RoutingRule>>

export const DEFAULT_ROUTING_RULES: RoutingRules = {
  federation: { categories: '*', raids: false, ownPlatformsOnly: false },
  // Content presumed illegal in France, which the trusted flagger qualifies itself: online
  // harassment (pile-ons by many accounts included, hence raids), stalking and impersonation
  // are offences too. Opt-in like every kind: the receiver's consent rule still applies.
  trusted_flagger: {
    categories: [
      'harassment',
      'threat',
      'hate_speech',
      'sexist_hate',
      'ncii',
      'sexual_deepfake',
      'sextortion',
      'cyberstalking',
      'doxxing',
      'impersonation',
      'minor_sexual',
      'defamation_disinfo',
    ],
    raids: true,
    ownPlatformsOnly: false,
  },
  moderation_vendor: {
    categories: ['harassment', 'insult_bullying', 'threat', 'hate_speech', 'sexist_hate'],
    raids: true,
    ownPlatformsOnly: true,
  },
  partner: { categories: '*', raids: false, ownPlatformsOnly: true },
}

export type RoutingRulesOverride = Partial<Record<RoutableReceiverKind, Partial<RoutingRule>>>

/** The defaults with the operator's overrides laid over them, kind by kind. */
export function mergeRoutingRules(override: RoutingRulesOverride = {}): RoutingRules {
  return {
    federation: { ...DEFAULT_ROUTING_RULES.federation, ...override.federation },
    trusted_flagger: { ...DEFAULT_ROUTING_RULES.trusted_flagger, ...override.trusted_flagger },
    moderation_vendor: {
      ...DEFAULT_ROUTING_RULES.moderation_vendor,
      ...override.moderation_vendor,
    },
    partner: { ...DEFAULT_ROUTING_RULES.partner, ...override.partner },
  }
}
