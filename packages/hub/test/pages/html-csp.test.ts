/**
 * Every HTML answer of the hub carries a Content-Security-Policy. The routes are read from the
 * app's own router table (`app.routes`), not from a list kept by hand: each GET route is asked
 * for (parameters filled with a sample, wildcards with the folder's index), every answer that
 * is `text/html` must carry a CSP that forbids framing and foreign scripts, and the console and
 * the docs must be among them. A route added later that answers HTML without a policy of its
 * own gets the strict one.
 */

import { OpenAPIHono } from '@hono/zod-openapi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HubEnv } from '../../src/http/env'
import { makeTestHub, type TestHub } from '../support/test-hub'

let hub: TestHub

beforeAll(async () => {
  hub = await makeTestHub()
})
afterAll(() => hub?.close())

/** Concrete paths for a router pattern: `:param` gets a sample, `*` the folder and its index. */
function concretePaths(pattern: string): string[] {
  const filled = pattern.replace(/:[A-Za-z0-9_]+(\{[^}]*\})?/g, 'x')
  if (!filled.includes('*')) return [filled]
  return ['', 'index.html'].map((tail) => filled.replace('*', tail))
}

const isHtml = (res: Response) => /^text\/html\b/i.test(res.headers.get('content-type') ?? '')

function expectPagePolicy(res: Response, where: string): void {
  const csp = res.headers.get('content-security-policy') ?? ''
  expect(csp, `${where}: content-security-policy`).not.toBe('')
  expect(csp, where).toMatch(/default-src '(none|self)'/)
  expect(csp, where).toContain("frame-ancestors 'none'")
  expect(csp, where).toContain("base-uri 'none'")
  expect(csp, where).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/)
  expect(res.headers.get('x-content-type-options'), where).toBe('nosniff')
  expect(res.headers.get('referrer-policy'), where).toBe('no-referrer')
}

describe('a CSP on every HTML answer', () => {
  it('finds every GET route that answers text/html in the router table and checks its CSP', async () => {
    const patterns = [
      ...new Set(hub.app.routes.filter((r) => r.method === 'GET').map((r) => r.path)),
    ]
    expect(patterns.length).toBeGreaterThan(20)
    const pages: string[] = []
    for (const pattern of patterns) {
      for (const path of concretePaths(pattern)) {
        const res = await hub.app.request(path, { headers: { accept: 'text/html' } })
        if (!isHtml(res)) continue
        pages.push(path)
        expectPagePolicy(res, `GET ${path} (route ${pattern})`)
      }
    }
    // The enumeration found the pages it must find (or it proves nothing).
    expect(pages).toEqual(expect.arrayContaining(['/console', '/console/', '/docs']))
  })

  it('checks every route the OpenAPI document says answers HTML', async () => {
    const doc = (await (await hub.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses?: Record<string, { content?: object }> }>>
    }
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => Object.keys(op.responses?.['200']?.content ?? {}).includes('text/html'))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    )
    expect(documented).toEqual(expect.arrayContaining(['GET /console', 'GET /docs']))
    for (const route of documented) {
      const [method, path] = route.split(' ') as [string, string]
      const res = await hub.app.request(path, { method })
      expect(isHtml(res), route).toBe(true)
      expectPagePolicy(res, route)
    }
  })

  it('gives the strict policy to an HTML answer that brings none of its own', async () => {
    const extra = new OpenAPIHono<HubEnv>()
    extra.get('/later-page', (c) => c.html('<p>added later</p>'))
    extra.get('/later-json', (c) => c.json({ ok: true }))
    const fresh = await makeTestHub()
    try {
      fresh.app.route('/', extra)
      const page = await fresh.app.request('/later-page')
      expectPagePolicy(page, '/later-page')
      expect(page.headers.get('content-security-policy')).toBe(
        "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      )
      expect(page.headers.get('x-frame-options')).toBe('DENY')
      // JSON answers are left as they were.
      const json = await fresh.app.request('/later-json')
      expect(json.headers.get('content-security-policy')).toBeNull()
    } finally {
      fresh.close()
    }
  })
})
