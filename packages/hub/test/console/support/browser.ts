/**
 * What the console's Chromium suites need besides the browser (`@safe-place/test-chromium`):
 * the console built once from its sources exactly as shipped, axe-core (WCAG 2.0–2.2 A/AA
 * rules, through open shadow roots), and a partner page that embeds the widget from the hub so
 * the reporter's follow view can be checked.
 */

import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { dirname } from 'node:path'
import type { Page } from 'playwright-core'
import { build } from 'vite'

const require = createRequire(import.meta.url)
const axeSource: string = require('axe-core').source

/** Builds `@safe-place/console` into its `dist/` (what the hub serves), in production mode. */
export async function buildConsole(): Promise<void> {
  const root = dirname(require.resolve('@safe-place/console/package.json'))
  // Vitest sets NODE_ENV=test, which would make Vite pick Lit's development build.
  const env = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await build({
      mode: 'production',
      root,
      configFile: `${root}/vite.config.ts`,
      logLevel: 'error',
    })
  } finally {
    if (env === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = env
  }
}

export interface AxeViolation {
  id: string
  nodes: string[]
}

export async function axe(page: Page): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol: the console's CSP (rightly) refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource)
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
      .axe.run
    const result = (await run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    })) as { violations: { id: string; nodes: { target: unknown; failureSummary: string }[] }[] }
    return result.violations.map((v) => ({
      id: v.id,
      nodes: v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary}`),
    }))
  })
}

/** A partner page on its own origin embedding `<safe-place-help>` from the hub. */
export async function startPartnerPage(
  hubUrl: () => string,
  siteKey: () => string,
): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    // `/en` serves the page in English; anything else in French.
    const locale = req.url?.startsWith('/en') ? 'en' : 'fr'
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end(`<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>Partenaire</title>
<script type="module" src="${hubUrl()}/widget/safe-place-help.js"></script></head>
<body><main><h1>Partenaire</h1>
<safe-place-help site-key="${siteKey()}" hub="${hubUrl()}/" locale="${locale}"></safe-place-help></main></body></html>`)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
