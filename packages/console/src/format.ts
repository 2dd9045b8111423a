/** Display helpers: dates, labels of codes (from the taxonomy data), shares. */
import { categories, platforms } from '@safe-place/schemas/data'
import type { ConsoleLocale } from './i18n/index'

export function dateTime(locale: ConsoleLocale, iso: string | null | undefined): string {
  if (!iso) return '—'
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(new Date(iso))
}

export function categoryLabel(locale: ConsoleLocale, code: string): string {
  return categories.find((c) => c.code === code)?.label[locale] ?? code
}

export function platformLabel(code: string): string {
  return platforms.find((p) => p.code === code)?.name ?? code
}

export function percent(share: number | null | undefined): string | null {
  return share === null || share === undefined ? null : `${Math.round(share * 1000) / 10} %`
}

/** `YYYY-MM-DD` of a date, UTC. */
export function day(d: Date): string {
  return d.toISOString().slice(0, 10)
}
