/**
 * Wires the panel's DOM events to React state: the element fires composed `CustomEvent`s,
 * which React props cannot name (`safe-place:…`), so a ref and listeners do it.
 */
import { type RefObject, useEffect, useState } from 'react'
import type { SafePlaceHelpEventMap } from './safe-place-help'

export interface SafePlaceState {
  open: boolean
  /** Public references of the reports sent from this page (never the receipt token). */
  references: string[]
  lastError: string | undefined
}

const initial: SafePlaceState = { open: false, references: [], lastError: undefined }

/**
 * @example
 * const ref = useRef<HTMLElement>(null)
 * const state = useSafePlaceEvents(ref)
 * return <safe-place-help ref={ref} site-key="sk_…" />
 */
export function useSafePlaceEvents(ref: RefObject<HTMLElement | null>): SafePlaceState {
  const [state, setState] = useState(initial)
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const handlers: { [K in keyof SafePlaceHelpEventMap]: (e: SafePlaceHelpEventMap[K]) => void } =
      {
        'safe-place:open': () => setState((s) => ({ ...s, open: true })),
        'safe-place:close': () => setState((s) => ({ ...s, open: false })),
        'safe-place:submitted': (e) =>
          setState((s) => ({ ...s, references: [...s.references, e.detail.reference] })),
        'safe-place:error': (e) => setState((s) => ({ ...s, lastError: e.detail.code })),
        // The person left in a hurry: forget everything, synchronously.
        'safe-place:quick-exit': () => setState(initial),
      }
    const entries = Object.entries(handlers) as [string, (e: Event) => void][]
    for (const [type, handler] of entries) element.addEventListener(type, handler)
    return () => {
      for (const [type, handler] of entries) element.removeEventListener(type, handler)
    }
  }, [ref])
  return state
}
