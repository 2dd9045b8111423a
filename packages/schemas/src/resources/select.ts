/** Picks the resources for a person: by country, language and category, emergencies first. */
import type { Locale } from '../locales'
import type { CategoryCode } from '../taxonomy/category-data'
import { getCategory } from '../taxonomy/category-data'
import type { HelpResource } from './resource'

const EU_COUNTRIES = new Set(
  'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' '),
)

export interface ResourceQuery {
  country?: string
  locale?: Locale
  category?: CategoryCode
  /** Only the "I am in danger now" numbers, in their order. */
  emergency?: boolean
}

function inScope(resource: HelpResource, country: string | undefined): boolean {
  if (!country || resource.scope === 'WORLD') return true
  if (resource.scope === 'EU') return EU_COUNTRIES.has(country)
  return resource.scope === country
}

export function selectResources(
  all: readonly HelpResource[],
  query: ResourceQuery = {},
): HelpResource[] {
  const country = query.country?.toUpperCase()
  const inCountry = all.filter((r) => inScope(r, country))
  if (query.emergency) {
    return inCountry
      .filter((r) => r.emergencyRank !== undefined)
      .sort((a, b) => (a.emergencyRank ?? 99) - (b.emergencyRank ?? 99))
  }
  if (!query.category) return inCountry
  const category = query.category
  const recommended = getCategory(category).safety.resources
  const rank = (r: HelpResource) => {
    const index = recommended.indexOf(r.id)
    return index === -1 ? recommended.length : index
  }
  return inCountry
    .filter((r) => recommended.includes(r.id) || r.categories.includes(category))
    .sort((a, b) => rank(a) - rank(b))
}
