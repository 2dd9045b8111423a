/**
 * Which receivers the panel offers for consent on a site, and for which categories: only those
 * the routing table could send this site's reports to. A partner's own receiver is not offered
 * on another partner's site, and a kind's categories follow the configured rules, so the
 * reporter is never asked to consent to sharing that cannot happen.
 */
import type { CategoryCode, RoutableReceiverKind } from '@safe-place/schemas'
import type { ReceiverRow } from '../db/rows'
import type { RoutingRules } from './rules'

export interface OfferedReceiver {
  row: ReceiverRow
  /** The categories of this site the receiver can get. */
  categories: CategoryCode[]
}

export function receiversOffered(
  rows: readonly ReceiverRow[],
  site: { partnerId: string; categories: readonly CategoryCode[] },
  rules: RoutingRules,
): OfferedReceiver[] {
  const offered: OfferedReceiver[] = []
  for (const row of rows) {
    if (row.kind === 'operations') continue
    const rule = rules[row.kind as RoutableReceiverKind]
    const ownPlatforms = row.filters.platforms?.length
    if (rule.ownPlatformsOnly && !ownPlatforms && row.partnerId !== site.partnerId) continue
    const byRule = (code: CategoryCode) =>
      rule.categories === '*' || rule.raids || rule.categories.includes(code)
    const byFilter = (code: CategoryCode) =>
      !row.filters.categories?.length || row.filters.categories.includes(code)
    const categories = site.categories.filter((c) => byRule(c) && byFilter(c))
    if (categories.length) offered.push({ row, categories })
  }
  return offered
}
