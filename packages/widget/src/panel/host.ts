/**
 * The narrow contract between the element and the lazily loaded panel, both ways, so the
 * element's class (and its published types) never depends on the panel's code.
 */

import type { Strings } from '../i18n/fr'
import type { Locale } from '../i18n/locale'

/** What the element needs from a panel. */
export interface PanelHandle {
  render(): unknown
  /** Drops everything typed or received, at once. */
  wipe(): void
  /** The dialog was closed. */
  closed(): void
}

/** What the panel needs from the element that hosts it. */
export interface PanelHost {
  readonly language: Locale
  readonly strings: Partial<Strings> | undefined
  readonly hubUrl: string
  readonly siteKey: string
  readonly country: string | undefined
  requestUpdate(): void
  emit(event: Event): void
  /** Applies the hub's widget config where the partner's attributes are silent. */
  applyConfig(config: {
    accent?: string | undefined
    mode: string
    quickExitUrl?: string | undefined
  }): void
  /** Moves focus, after the next render, to the first match in the panel. */
  focusAfterRender(selector: string): void
}
