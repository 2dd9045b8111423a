/** The words of the `/docs` page around Swagger UI (which has its own, in English), fr/en. */
import type { Locale } from '@safe-place/schemas'

export const docsPageMessages: Record<'title' | 'noscript', Record<Locale, string>> = {
  title: {
    fr: 'Safe Place : documentation de l’API du hub',
    en: 'Safe Place: hub API documentation',
  },
  noscript: {
    fr: 'Cette page a besoin de JavaScript. Le document OpenAPI seul est à /openapi.json.',
    en: 'This page needs JavaScript. The OpenAPI document alone is at /openapi.json.',
  },
}
