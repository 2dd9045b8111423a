/**
 * A partner's page for the Chromium suites, built from query options: where the widget script
 * comes from (the hub, or the page's own origin as with npm), its attributes, a hostile global
 * stylesheet, and a strict Content-Security-Policy header. No inline script or style, ever, so
 * the same page works under the CSP.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { SITE_KEY } from './fake-hub'
import { serveWidget } from './serve-dist'

export const NEUTRAL_URL = 'https://neutral.example/weather'

export interface PageOptions {
  hub: string
  /** Where `safe-place-help.js` is loaded from: the hub (default) or this page's origin. */
  src?: 'hub' | 'self'
  locale?: 'fr' | 'en'
  lang?: string
  theme?: 'light' | 'dark' | 'auto'
  mode?: 'launcher' | 'inline'
  hostile?: boolean
  csp?: boolean
  country?: string
  /** Leave out the `hub` attribute: the element then uses the origin its script came from. */
  noHubAttribute?: boolean
}

export interface HostServer {
  origin: string
  pageUrl(options: PageOptions): string
  close(): Promise<void>
}

const hostileCss = `* { all: unset; }
html, body { font-size: 64px !important; }
button { display: none !important; }
dialog { display: none; }
div { position: static !important; }
.sticky { position: sticky; top: 0; z-index: 2147483647; }
`

const escapeAttr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;')

function page(options: PageOptions, origin: string): string {
  const src =
    options.src === 'self'
      ? `${origin}/widget/safe-place-help.js`
      : `${options.hub}widget/safe-place-help.js`
  const attrs = [
    `site-key="${SITE_KEY}"`,
    options.noHubAttribute ? '' : `hub="${escapeAttr(options.hub)}"`,
    `quick-exit-url="${NEUTRAL_URL}"`,
    options.locale ? `locale="${options.locale}"` : '',
    options.theme ? `theme="${options.theme}"` : '',
    options.mode ? `mode="${options.mode}"` : '',
    options.country ? `country="${options.country}"` : '',
  ]
    .filter(Boolean)
    .join(' ')
  return `<!doctype html>
<html lang="${options.lang ?? 'fr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Partner page</title>
${options.hostile ? '<link rel="stylesheet" href="/hostile.css">' : ''}
<script type="module" src="${src}"></script>
</head>
<body>
<header class="sticky"><a href="#main">Partner</a></header>
<main id="main">
<h1>Partner page</h1>
<p>Some partner content.</p>
<button id="host-button" type="button">A host button</button>
<safe-place-help ${attrs}></safe-place-help>
</main>
</body>
</html>`
}

export async function startHostServer(): Promise<HostServer> {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (req.method === 'GET' && (await serveWidget(url.pathname, res))) return
    if (url.pathname === '/hostile.css') {
      res.writeHead(200, { 'content-type': 'text/css' })
      res.end(hostileCss)
      return
    }
    if (url.pathname === '/blank') {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end('<!doctype html><title>Before</title><p>Before</p>')
      return
    }
    if (url.pathname === '/page') {
      const options = JSON.parse(url.searchParams.get('o') ?? '{}') as PageOptions
      const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' }
      if (options.csp) {
        headers['content-security-policy'] =
          `script-src 'self'; style-src 'self'; connect-src ${new URL(options.hub).origin}`
      }
      res.writeHead(200, headers)
      res.end(page(options, origin))
      return
    }
    res.writeHead(404)
    res.end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const origin = `http://127.0.0.1:${port}`
  return {
    origin,
    pageUrl: (options) => `${origin}/page?o=${encodeURIComponent(JSON.stringify(options))}`,
    close: async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}
