/**
 * Which receivers of the widget config the sharing step shows for this draft: those taking the
 * category (and platform, when they list platforms). Sexual content involving a minor and a
 * target under 15 never rest on consent-based sharing (docs/safety-rules.md): the hub routes them
 * to the hotline, so no box is shown.
 */
import type { WidgetConfig } from '@safe-place/schemas'
import { getCategory } from '@safe-place/schemas/data'
import type { Draft } from './draft'

export type ConsentReceiver = WidgetConfig['receivers'][number]

export type SharingMode = 'consent' | 'hotline' | 'under15'

export function sharingMode(draft: Draft): SharingMode {
  if (draft.category && getCategory(draft.category).safety.hotlineOnly) return 'hotline'
  if (draft.age === 'under_15') return 'under15'
  return 'consent'
}

export function relevantReceivers(
  config: WidgetConfig | undefined,
  draft: Draft,
): ConsentReceiver[] {
  if (!config || !draft.category || sharingMode(draft) !== 'consent') return []
  const category = draft.category
  return config.receivers.filter(
    (r) =>
      r.categories.includes(category) &&
      (!r.platforms || !draft.platform || r.platforms.includes(draft.platform)),
  )
}
