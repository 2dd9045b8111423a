/**
 * Typed JSX for `<safe-place-help>` and its events, for React 19. With `@safe-place/widget`
 * installed from npm, its own types augment `HTMLElementTagNameMap` and the event map too.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react'

export interface SafePlaceHelpAttributes
  extends DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> {
  /** The public site key, bound to this page's origin at the hub. */
  'site-key': string
  /** The hub's URL; defaults to the origin the script came from. */
  hub?: string
  locale?: 'fr' | 'en'
}

/** The element's events and what they carry (never what the person wrote). */
export interface SafePlaceHelpEventMap {
  'safe-place:open': CustomEvent<undefined>
  'safe-place:close': CustomEvent<undefined>
  'safe-place:submitted': CustomEvent<{ reference: string }>
  'safe-place:error': CustomEvent<{ code: string }>
  'safe-place:quick-exit': CustomEvent<undefined>
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'safe-place-help': SafePlaceHelpAttributes
    }
  }
}
