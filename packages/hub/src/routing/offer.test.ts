import { describe, expect, it } from 'vitest'
import type { ReceiverRow } from '../db/rows'
import { receiversOffered } from './offer'
import { DEFAULT_ROUTING_RULES, mergeRoutingRules } from './rules'

const row = (over: Partial<ReceiverRow>): ReceiverRow =>
  ({ id: 'rcv_x', partnerId: 'ptn_own', kind: 'federation', filters: {}, ...over }) as ReceiverRow
const site = { partnerId: 'ptn_own', categories: ['harassment', 'doxxing', 'ncii'] as const }

describe('receiversOffered', () => {
  it('does not offer another partner’s own receiver on this site', () => {
    const offered = receiversOffered(
      [
        row({ id: 'rcv_mine', kind: 'partner' }),
        row({ id: 'rcv_theirs', kind: 'partner', partnerId: 'ptn_other' }),
        row({
          id: 'rcv_platform',
          kind: 'partner',
          partnerId: 'ptn_other',
          filters: { platforms: ['x'] },
        }),
      ],
      { ...site, categories: [...site.categories] },
      DEFAULT_ROUTING_RULES,
    )
    expect(offered.map((o) => o.row.id)).toEqual(['rcv_mine', 'rcv_platform'])
  })

  it('narrows categories by the rule table and the receiver’s filters', () => {
    const categories = [...site.categories]
    const flaggerRow = row({ kind: 'trusted_flagger', partnerId: 'ptn_flagger' })
    const noFlaggerRaids = mergeRoutingRules({ trusted_flagger: { raids: false } })
    const siteWithInsults = { ...site, categories: [...categories, 'insult_bullying' as const] }
    // The trusted flagger gets harassment too, and raids of any category, so all are offered.
    expect(
      receiversOffered([flaggerRow], siteWithInsults, DEFAULT_ROUTING_RULES)[0]?.categories,
    ).toEqual(['harassment', 'doxxing', 'ncii', 'insult_bullying'])
    expect(receiversOffered([flaggerRow], siteWithInsults, noFlaggerRaids)[0]?.categories).toEqual([
      'harassment',
      'doxxing',
      'ncii',
    ])

    const noRaids = mergeRoutingRules({ moderation_vendor: { raids: false } })
    const vendor = row({ kind: 'moderation_vendor', filters: { platforms: ['instagram'] } })
    expect(receiversOffered([vendor], { ...site, categories }, noRaids)[0]?.categories).toEqual([
      'harassment',
    ])
    // Raids of any category reach a vendor by default, so every category is offered.
    expect(
      receiversOffered([vendor], { ...site, categories }, DEFAULT_ROUTING_RULES)[0]?.categories,
    ).toEqual(categories)

    const narrowed = row({ filters: { categories: ['ncii'] } })
    expect(
      receiversOffered([narrowed], { ...site, categories }, DEFAULT_ROUTING_RULES)[0]?.categories,
    ).toEqual(['ncii'])
    expect(
      receiversOffered(
        [row({ filters: { categories: ['threat'] } })],
        { ...site, categories },
        DEFAULT_ROUTING_RULES,
      ),
    ).toEqual([])
  })
})
