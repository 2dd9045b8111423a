/**
 * The console's languages: French first, English too. `translator(locale)` gives `t(key,
 * values)`, which fills `{name}` placeholders; the chosen language is remembered per browser.
 */
import { en } from './en'
import { fr, type MessageKey, type Messages } from './fr'

export type ConsoleLocale = 'fr' | 'en'
export type { MessageKey }

const catalogues: Record<ConsoleLocale, Messages> = { fr, en }

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string

export function translator(locale: ConsoleLocale): Translate {
  const messages = catalogues[locale]
  return (key, values) =>
    messages[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      values && name in values ? String(values[name]) : whole,
    )
}

/** A message key built from a code (`status_in_review`), if the catalogue has it. */
export function codeKey(prefix: string, code: string): MessageKey | undefined {
  const key = `${prefix}_${code}`
  return key in fr ? (key as MessageKey) : undefined
}

const STORAGE_KEY = 'safe-place-console-locale'

export function initialLocale(): ConsoleLocale {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY)
    if (saved === 'fr' || saved === 'en') return saved
  } catch {
    // Storage may be blocked: fall back to French.
  }
  return 'fr'
}

export function rememberLocale(locale: ConsoleLocale): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale)
  } catch {
    // Not remembered: harmless.
  }
}
