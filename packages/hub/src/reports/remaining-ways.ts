/**
 * The ways that remain when she contests an answer, as data with their conditions: the
 * platform's own appeal (its address from the decision, when it gave one), a certified
 * out-of-court dispute settlement body (DSA Art. 21), the trusted flagger, PHAROS, and filing
 * a complaint (with the proof pack where the hub has one for the report).
 */
import { helpResources, type Locale, type RemainingWay } from '@safe-place/schemas'
import { remainingWayWords as words } from '../i18n/remaining-ways'

/** The European Commission's list of certified out-of-court dispute settlement bodies. */
const OUT_OF_COURT_BODIES_URL =
  'https://digital-strategy.ec.europa.eu/en/policies/dsa-out-court-dispute-settlement'

function resourceUrl(id: string): string | undefined {
  const resource = helpResources.find((r) => r.id === id)
  return resource?.channels.find((c) => c.kind === 'web')?.href
}

export interface RemainingWaysInput {
  /** The platform's appeal address, from its latest decision. */
  appealUrl?: string | undefined
  /** The report has a proof pack she can download (`GET …/evidence-pack`). */
  proofPack?: boolean
}

export function remainingWays(locale: Locale, input: RemainingWaysInput = {}): RemainingWay[] {
  const way = (
    id: RemainingWay['id'],
    extra: { url?: string | undefined; resourceId?: string },
    conditions = words[id].conditions,
  ): RemainingWay => ({
    id,
    title: words[id].title[locale],
    conditions: conditions[locale],
    ...(extra.url ? { url: extra.url } : {}),
    ...(extra.resourceId ? { resourceId: extra.resourceId } : {}),
  })
  return [
    way('platform_appeal', { url: input.appealUrl }),
    way('out_of_court_settlement', { url: OUT_OF_COURT_BODIES_URL }),
    way('trusted_flagger', {
      url: resourceUrl('point-de-contact'),
      resourceId: 'point-de-contact',
    }),
    way('pharos', { url: resourceUrl('pharos'), resourceId: 'pharos' }),
    way(
      'complaint',
      { resourceId: 'france-victimes' },
      input.proofPack ? words.complaint.withProofPack : words.complaint.conditions,
    ),
  ]
}
