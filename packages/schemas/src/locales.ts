/** The panel's languages, French first (zod-free). */
export const locales = ['fr', 'en'] as const
export type Locale = (typeof locales)[number]

/** A text in every supported locale. */
export type LocalizedText = { [L in Locale]: string }
