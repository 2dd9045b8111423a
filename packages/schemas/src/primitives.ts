/**
 * Bounded building blocks shared by every schema.
 *
 * Every string and array that crosses a boundary has an upper bound, so no input can make the
 * hub allocate without limit, and every URL is http(s): `javascript:`, `data:` and friends are
 * rejected before they can reach a receiver's dashboard.
 */
import { z } from 'zod'

import { locales } from './locales'

export { locales }
export const Locale = z.enum(locales)
export type Locale = z.infer<typeof Locale>

/** A text in every supported locale (French first). */
export const LocalizedText = z.object({
  fr: z.string().min(1).max(2000),
  en: z.string().min(1).max(2000),
})
export type LocalizedText = z.infer<typeof LocalizedText>

// C0/C1 control characters other than tab, line feed and carriage return have no place in a report.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to match them
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/

/** A trimmed single- or multi-line text of at most `max` characters, without control characters. */
export function boundedText(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((value) => !CONTROL_CHARACTERS.test(value), {
      message: 'Must not contain control characters',
    })
}

export const MAX_URL_LENGTH = 2048

/** An absolute `http:` or `https:` URL; every other scheme is refused. */
export const HttpUrl = z
  .string()
  .trim()
  .max(MAX_URL_LENGTH)
  .pipe(z.url({ protocol: /^https?$/, message: 'Must be an http(s) URL' }))
export type HttpUrl = z.infer<typeof HttpUrl>

/** ISO 3166-1 alpha-2 country code, upper case. */
export const CountryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'Must be an ISO 3166-1 alpha-2 country code such as FR')
export type CountryCode = z.infer<typeof CountryCode>

/** An ISO 8601 date-time with an offset, as every timestamp we emit. */
export const Timestamp = z.iso.datetime({ offset: true })
export type Timestamp = z.infer<typeof Timestamp>

/** A prefixed opaque identifier such as `prt_01J…`. */
export function prefixedId(prefix: string) {
  return z
    .string()
    .regex(
      new RegExp(`^${prefix}_[0-9A-Za-z]{10,40}$`),
      `Must be an identifier starting with ${prefix}_`,
    )
}
