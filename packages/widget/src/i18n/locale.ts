/** The panel's languages (the same as `locales` of `@safe-place/schemas`), French first. */
export type Locale = 'fr' | 'en'
