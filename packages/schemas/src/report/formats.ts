/** Receipt formats (zod-free, so the panel can check what a person types). */

/** No 0/O, 1/I/L or U: nothing a frightened person can misread. */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ'

/** `SP-` and two groups of four characters of the alphabet, e.g. `SP-7K3Q-9XWD`. */
export const REFERENCE_PATTERN: RegExp = /^SP-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/

/** `rt_` and 32 random bytes in base64url. */
export const RECEIPT_TOKEN_PATTERN: RegExp = /^rt_[A-Za-z0-9_-]{43}$/
