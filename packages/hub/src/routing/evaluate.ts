/**
 * One routing decision: a report against one receiver, with the reason recorded on the
 * timeline. The safety rules come first and cannot be configured away:
 *
 * 1. a disabled receiver gets nothing;
 * 2. `minor_sexual` (and any `hotlineOnly` category) goes to the trusted flagger only, consent
 *    not required (the report may be anonymous);
 * 3. a target under 15 reporting for themself: their consent alone is not enough (French
 *    digital consent age), so the report goes to the hotline only, as if no consent was given;
 * 4. nothing reaches a receiver that requires consent without a consent recorded for it.
 */
import {
  getCategory,
  type NormalisedReport,
  type RoutableReceiverKind,
  type RoutingDecision,
  type RoutingReason,
} from '@safe-place/schemas'
import type { RoutingRules } from './rules'

export interface RoutableReceiver {
  id: string
  partnerId: string
  kind: RoutableReceiverKind
  enabled: boolean
  consentRequired: boolean
  filters: { categories?: string[]; platforms?: string[]; countries?: string[] }
}

const send = (receiverId: string, reason: RoutingReason): RoutingDecision => ({
  receiverId,
  decision: 'send',
  reason,
})
const skip = (receiverId: string, reason: RoutingReason): RoutingDecision => ({
  receiverId,
  decision: 'skip',
  reason,
})

/** The reporter is a child under 15 speaking for themself: their consent cannot stand alone. */
export function consentRestsOnUnder15(report: NormalisedReport): boolean {
  return report.who.targetAge === 'under_15' && report.who.role === 'target'
}

function coversCountry(receiver: RoutableReceiver, report: NormalisedReport): boolean {
  const countries = receiver.filters.countries
  if (!countries?.length) return true
  return report.context.country !== undefined && countries.includes(report.context.country)
}

function coversPlatform(
  receiver: RoutableReceiver,
  report: NormalisedReport,
  ownOnly: boolean,
): boolean {
  const platforms = receiver.filters.platforms
  if (platforms?.length) return platforms.includes(report.where.platform)
  return !ownOnly || report.context.partnerId === receiver.partnerId
}

export function evaluateReceiver(
  report: NormalisedReport,
  receiver: RoutableReceiver,
  rules: RoutingRules,
): RoutingDecision {
  const id = receiver.id
  if (report.status === 'withdrawn') return skip(id, 'withdrawn')
  if (!receiver.enabled) return skip(id, 'receiver_disabled')

  const category = getCategory(report.category)
  const hotline = receiver.kind === 'trusted_flagger'
  const consented = report.consents.some((c) => c.receiverId === id)

  if (category.safety.hotlineOnly) {
    if (!hotline) return skip(id, 'minor_sexual_hotline_only')
    if (!coversCountry(receiver, report)) return skip(id, 'country_not_covered')
    return send(id, consented ? 'consented' : 'consent_not_required')
  }
  if (consentRestsOnUnder15(report)) {
    if (!hotline) return skip(id, 'under_15_hotline_only')
    if (!coversCountry(receiver, report)) return skip(id, 'country_not_covered')
    return send(id, 'under_15_hotline_only')
  }

  const rule = rules[receiver.kind]
  const byRule =
    rule.categories === '*' ||
    rule.categories.includes(report.category) ||
    (rule.raids && report.what.raid)
  if (!byRule) return skip(id, 'category_not_covered')
  const filterCategories = receiver.filters.categories
  if (filterCategories?.length && !filterCategories.includes(report.category)) {
    return skip(id, 'category_not_covered')
  }
  if (!coversPlatform(receiver, report, rule.ownPlatformsOnly)) {
    return skip(id, 'platform_not_covered')
  }
  if (!coversCountry(receiver, report)) return skip(id, 'country_not_covered')

  if (consented) return send(id, 'consented')
  if (receiver.consentRequired) return skip(id, 'no_consent')
  return send(id, 'consent_not_required')
}
