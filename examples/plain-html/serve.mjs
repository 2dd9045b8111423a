#!/usr/bin/env node
// Serves index.html on its own origin, with the hub URL and site key filled in and a strict
// Content-Security-Policy: the page may load script from the hub and talk to the hub, nothing
// else, which is what a careful partner site would allow.
//
//   node serve.mjs --port 5173 --hub http://127.0.0.1:8787 --site-key sk_demo_…
//   (or PORT, SAFE_PLACE_HUB_URL, SAFE_PLACE_SITE_KEY; --host / HOST, default 127.0.0.1)
//
// Also importable: `import { servePlainHtml } from './serve.mjs'` → { url, close }.
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const escapeHtml = (value) =>
  String(value).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  )

/** The CSP of the page: scripts, styles, images and requests from the hub only. */
export function contentSecurityPolicy(hubUrl) {
  const hub = new URL(hubUrl).origin
  return [
    "default-src 'none'",
    `script-src ${hub}`,
    `connect-src ${hub}`,
    `style-src ${hub}`,
    `img-src ${hub} data: blob:`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/**
 * Starts the page server.
 * @param {{ hubUrl: string, siteKey: string, port?: number, host?: string }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function servePlainHtml({ hubUrl, siteKey, port = 0, host = '127.0.0.1' }) {
  const hub = new URL(hubUrl).origin
  const template = await readFile(new URL('./index.html', import.meta.url), 'utf8')
  const page = template
    .replaceAll('{{HUB_URL}}', escapeHtml(hub))
    .replaceAll('{{SITE_KEY}}', escapeHtml(siteKey))
  const csp = contentSecurityPolicy(hub)
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end()
      return
    }
    if (path !== '/' && path !== '/index.html') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found')
      return
    }
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': csp,
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    })
    res.end(req.method === 'HEAD' ? undefined : page)
  })
  await new Promise((resolve) => server.listen(port, host, resolve))
  const address = server.address()
  const url = `http://${host}:${address.port}/`
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      hub: { type: 'string' },
      'site-key': { type: 'string' },
    },
  })
  const env = process.env
  const siteKey = values['site-key'] ?? env.SAFE_PLACE_SITE_KEY
  if (!siteKey) {
    console.error('Give the site key: --site-key sk_… (or SAFE_PLACE_SITE_KEY).')
    process.exit(2)
  }
  const { url, close } = await servePlainHtml({
    hubUrl: values.hub ?? env.SAFE_PLACE_HUB_URL ?? 'http://127.0.0.1:8787',
    siteKey,
    port: Number(values.port ?? env.PORT ?? 5173),
    host: values.host ?? env.HOST ?? '127.0.0.1',
  })
  console.log(`Plain HTML example on ${url}`)
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.once(signal, () => close().then(() => process.exit(0)))
}
