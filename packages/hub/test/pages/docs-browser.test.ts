/**
 * `/docs` in Chromium against a real hub on 127.0.0.1: Swagger UI renders the hub's operations
 * from the pinned `swagger-ui-dist` the hub serves itself, every request the page makes goes to
 * the hub and nowhere else, and the strict CSP it is served under is never violated.
 */

import { launchChromium } from '@safe-place/test-chromium'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listen, makeTestHub, type TestHub } from '../support/test-hub'

let hub: TestHub
let server: { url: string; close(): Promise<void> }
let browser: Browser

beforeAll(async () => {
  hub = await makeTestHub()
  ;[server, browser] = await Promise.all([listen(hub.app), launchChromium()])
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  hub?.close()
})

interface Watched {
  page: Page
  requests: string[]
  violations: string[]
  errors: string[]
}

/** A page that records every request, every CSP violation and every error it meets. */
async function watchedPage(locale = 'fr-FR'): Promise<Watched> {
  const context = await browser.newContext({ locale })
  const page = await context.newPage()
  const watched: Watched = { page, requests: [], violations: [], errors: [] }
  page.on('request', (r) => watched.requests.push(r.url()))
  page.on('pageerror', (e) => watched.errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error') watched.errors.push(m.text())
    if (/Content Security Policy/i.test(m.text())) watched.violations.push(m.text())
  })
  // Injected over the DevTools protocol, so the page's CSP does not apply to the listener.
  await page.exposeFunction('__cspViolation', (v: string) => watched.violations.push(v))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __cspViolation(v: string): void }).__cspViolation
      report(`${e.effectiveDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`)
    })
  })
  return watched
}

describe('/docs in Chromium', () => {
  it('renders the operations from files the hub serves itself, under a strict CSP', async () => {
    const { page, requests, violations, errors } = await watchedPage()
    const response = await page.goto(`${server.url}/docs`)
    const csp = response?.headers()['content-security-policy'] ?? ''
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain('unsafe')
    // Swagger UI fetched /openapi.json and laid out the operations.
    await page.getByText('/v1/reports/{reference}/status').first().waitFor({ timeout: 20_000 })
    await expect
      .poll(() => page.getByText('/v1/reports', { exact: true }).count())
      .toBeGreaterThan(0)
    expect(await page.getByText('/v1/admin/reports', { exact: true }).count()).toBeGreaterThan(0)
    // Open one operation: its details render too, still without a violation.
    await page.getByText('/v1/admin/reports', { exact: true }).first().click()
    await page
      .getByRole('button', { name: /Try it out/ })
      .first()
      .waitFor()
    await page.waitForTimeout(200)

    const origin = new URL(server.url).origin
    const elsewhere = requests.filter(
      (url) => !url.startsWith('data:') && new URL(url).origin !== origin,
    )
    expect(elsewhere, 'requests to another host').toEqual([])
    expect(requests).toContain(`${origin}/openapi.json`)
    expect(requests).toContain(`${origin}/docs/swagger-ui-bundle.js`)
    expect(violations, 'CSP violations').toEqual([])
    expect(errors, 'page errors').toEqual([])
    // The watch would have seen one: an image from elsewhere is refused and reported.
    await page.evaluate(() => {
      const img = document.createElement('img')
      img.src = 'https://third-party.invalid/pixel.png'
      document.body.append(img)
    })
    await expect
      .poll(() => violations.join('\n'))
      .toContain('img-src blocked https://third-party.invalid')
    await page.context().close()
  })

  it('speaks French first and English when asked', async () => {
    const fr = await fetch(`${server.url}/docs`, { headers: { 'accept-language': 'de, fr;q=0.5' } })
    const frText = await fr.text()
    expect(frText).toContain('<html lang="fr">')
    expect(frText).toContain('documentation de l’API du hub')
    const en = await fetch(`${server.url}/docs`, {
      headers: { 'accept-language': 'fr;q=0.4, en-GB;q=0.9' },
    })
    expect(await en.text()).toContain('<html lang="en">')
  })

  it('serves the pinned files with nosniff and no referrer, and nothing else under /docs/', async () => {
    for (const path of [
      '/docs',
      '/docs/swagger-ui-bundle.js',
      '/docs/swagger-ui.css',
      '/docs/init.js',
    ]) {
      const res = await fetch(`${server.url}${path}`)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer')
      expect(res.headers.get('x-frame-options'), path).toBe('DENY')
    }
    const page = await (await fetch(`${server.url}/docs`)).text()
    // No inline script: every <script> has a src and no body.
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
    expect(page).not.toMatch(/<script[^>]*>[^<]+<\/script>/)
    expect(page).not.toMatch(/https?:\/\//)
    for (const path of [
      '/docs/package.json',
      '/docs/index.html',
      '/docs/..%2Fpackage.json',
      '/docs/swagger-ui-bundle.js.map',
    ]) {
      expect((await fetch(`${server.url}${path}`)).status, path).toBe(404)
    }
  })
})
