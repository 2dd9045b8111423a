/**
 * The `/docs` page and its initialiser. The page holds no script of its own: it loads Swagger
 * UI's bundle and `/docs/init.js` (this file's `DOCS_INITIALISER`), which reads where the
 * OpenAPI document is from a data attribute, so the strict CSP needs no hash, nonce or
 * 'unsafe-inline'. The validator badge is off: it would send the document to another host.
 */
import type { Locale } from '@safe-place/schemas'
import { html } from 'hono/html'
import { docsPageMessages } from '../i18n/docs-page'

export const DOCS_INITIALISER = `'use strict'
window.addEventListener('load', function () {
  var root = document.getElementById('swagger-ui')
  window.ui = SwaggerUIBundle({
    url: root.getAttribute('data-openapi-url'),
    domNode: root,
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
  })
})
`

export function docsPage(locale: Locale, openApiUrl: string) {
  const words = (key: keyof typeof docsPageMessages) => docsPageMessages[key][locale]
  return html`<!doctype html>
<html lang="${locale}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${words('title')}</title>
    <link rel="stylesheet" href="/docs/swagger-ui.css" />
    <link rel="icon" type="image/png" href="/docs/favicon-32x32.png" />
  </head>
  <body>
    <noscript><p>${words('noscript')}</p></noscript>
    <div id="swagger-ui" data-openapi-url="${openApiUrl}"></div>
    <script src="/docs/swagger-ui-bundle.js"></script>
    <script src="/docs/init.js"></script>
  </body>
</html>
`
}
