/** Receipt formats (zod-free, so the panel can check what a person types). */

/** No 0/O, 1/I/L or U: nothing a frightened person can misread. */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ'

/** `SP-` and two groups of four characters of the alphabet, e.g. `SP-7K3Q-9XWD`. */
export const REFERENCE_PATTERN: RegExp = /^SP-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/

/** The first receipt tokens: `rt_` and 32 random bytes in base64url. Still accepted. */
export const RECEIPT_TOKEN_PATTERN: RegExp = /^rt_[A-Za-z0-9_-]{43}$/

/** Crockford's base32: digits and letters without I, L, O and U. */
export const RECEIPT_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/**
 * A receipt code as it may be typed: 16 characters of Crockford's base32 (80 bits), in any
 * case, in groups of four with or without dashes; I and L read as 1, O as 0 (`normaliseReceiptCode`).
 * The hub gives it as `7K3Q-9XWD-M2PA-0RTE`.
 */
export const RECEIPT_CODE_PATTERN: RegExp = /^[0-9A-TV-Za-tv-z]{4}(?:-?[0-9A-TV-Za-tv-z]{4}){3}$/

/** Either form of the receipt's secret: a code (`XXXX-XXXX-XXXX-XXXX`) or a first `rt_…` token. */
export const RECEIPT_SECRET_PATTERN: RegExp = new RegExp(
  `${RECEIPT_TOKEN_PATTERN.source}|${RECEIPT_CODE_PATTERN.source}`,
)

/**
 * The one form of what a person typed: a code becomes its 16 upper-case characters in groups of
 * four (`7K3Q-9XWD-M2PA-0RTE`), spaces and dashes dropped, I/L → 1 and O → 0; a first `rt_…`
 * token is kept as it is. Undefined when it is neither.
 */
export function normaliseReceiptCode(typed: string): string | undefined {
  const trimmed = typed.trim()
  if (RECEIPT_TOKEN_PATTERN.test(trimmed)) return trimmed
  const plain = trimmed.replace(/[\s-]/g, '').toUpperCase().replace(/[IL]/g, '1').replace(/O/g, '0')
  if (!/^[0-9A-HJKMNP-TV-Z]{16}$/.test(plain)) return undefined
  return plain.match(/.{4}/g)!.join('-')
}
