/**
 * What partners and people must be able to rely on, in Chromium: no request to any host but the
 * hub and no storage of any kind; a strict CSP without `unsafe-inline`; hostile host CSS; and a
 * hub that cannot be reached (help still works, sending fails clearly, retry reuses the key).
 */

import { launchChromium } from '@safe-place/test-chromium'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type FakeHub, startFakeHub } from './support/fake-hub'
import { type HostServer, type PageOptions, startHostServer } from './support/host-page'
import { watchStorage } from './support/storage'
import {
  body,
  button,
  events,
  fillReport,
  heading,
  openPanel,
  recordEvents,
  widget,
} from './support/widget'

let browser: Browser
let hub: FakeHub
let host: HostServer
let context: BrowserContext
let page: Page

beforeAll(async () => {
  ;[browser, hub, host] = await Promise.all([launchChromium(), startFakeHub(), startHostServer()])
})

afterAll(async () => {
  await browser?.close()
  await Promise.all([hub?.close(), host?.close()])
})

beforeEach(async () => {
  hub.down = false
  hub.reports.length = 0
  hub.postKeys.length = 0
  await context?.close()
  context = await browser.newContext()
  page = await context.newPage()
})

async function load(options: Partial<PageOptions> = {}) {
  await page.goto(host.pageUrl({ hub: hub.url, ...options }))
  await widget(page).locator('button.launcher').waitFor()
  await recordEvents(page)
}

describe('privacy', () => {
  it('talks to the hub only, without cookie or referrer, and stores nothing', async () => {
    await watchStorage(page)
    const requests: { url: string; type: string; headers: Record<string, string> }[] = []
    page.on('request', (r) =>
      requests.push({ url: r.url(), type: r.resourceType(), headers: r.headers() }),
    )
    await load({ country: 'FR' })
    await openPanel(page)
    await button(page, /Trouver de l’aide/).click()
    await body(page).locator('.resource').first().waitFor()
    await button(page, 'Accueil').click()
    await fillReport(page, { consent: /Fédération/ })
    await button(page, 'Envoyer le signalement').click()
    await expect.poll(async () => heading(page)).toBe('Signalement envoyé')

    const foreign = requests.filter(
      (r) =>
        new URL(r.url).origin !== hub.origin &&
        !(r.type === 'document' && r.url.startsWith(host.origin)),
    )
    expect(foreign).toEqual([])
    const api = requests.filter((r) => r.url.includes('/v1/'))
    expect(api.length).toBeGreaterThanOrEqual(3)
    for (const r of api) {
      expect(r.headers.cookie ?? '', r.url).toBe('')
      expect(r.headers.referer ?? '', r.url).toBe('')
    }
    expect(
      await page.evaluate(() => (window as unknown as { __storage: string[] }).__storage),
    ).toEqual([])
    expect(
      await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie]),
    ).toEqual([0, 0, ''])
    expect(await context.cookies()).toEqual([])
  })

  it('events carry no report content', async () => {
    await load()
    await openPanel(page)
    await fillReport(page)
    await button(page, 'Envoyer le signalement').click()
    await expect.poll(async () => heading(page)).toBe('Signalement envoyé')
    const all = JSON.stringify(await events(page))
    expect(all).not.toContain('menaces')
    expect(all).not.toContain('attacker')
    const token = (await widget(page).locator('#receipt-token').textContent()) ?? ''
    expect(token.length).toBeGreaterThan(10)
    expect(all).not.toContain(token)
  })
})

describe('Content-Security-Policy', () => {
  it("works under script-src 'self'; style-src 'self'; connect-src <hub>", async () => {
    const violations: string[] = []
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text())
    })
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        ;(window as unknown as { __csp: string[] }).__csp ??= []
        ;(window as unknown as { __csp: string[] }).__csp.push(
          `${e.violatedDirective} ${e.blockedURI}`,
        )
      })
    })
    const response = await page.goto(host.pageUrl({ hub: hub.url, src: 'self', csp: true }))
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'")
    await widget(page).locator('button.launcher').waitFor()
    const launcherBackground = await widget(page)
      .locator('button.launcher')
      .evaluate((b) => getComputedStyle(b).backgroundColor)
    expect(launcherBackground).toBe('rgb(85, 54, 184)')
    await openPanel(page)
    const doorPadding = await widget(page)
      .locator('.door')
      .first()
      .evaluate((b) => getComputedStyle(b).paddingTop)
    expect(doorPadding).toBe('14px')
    await fillReport(page)
    await button(page, 'Envoyer le signalement').click()
    await expect.poll(async () => heading(page)).toBe('Signalement envoyé')
    expect(violations).toEqual([])
    expect(
      await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []),
    ).toEqual([])
  })
})

describe('hostile host CSS', () => {
  it('survives * { all: unset }, button { display: none } and a giant font-size', async () => {
    await load({ hostile: true })
    const launcher = widget(page).locator('button.launcher')
    expect(await launcher.isVisible()).toBe(true)
    const box = (await launcher.boundingBox())!
    expect(box.height).toBeGreaterThanOrEqual(44)
    expect(box.width).toBeLessThan(400)
    // Not hidden behind the host's sticky header (z-index max) nor anything else.
    const onTop = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x!, y!)?.localName,
      [box.x + box.width / 2, box.y + box.height / 2],
    )
    expect(onTop).toBe('safe-place-help')
    await openPanel(page)
    const door = widget(page).locator('.door').first()
    expect(await door.isVisible()).toBe(true)
    expect(await door.evaluate((d) => getComputedStyle(d).fontSize)).toBe('16px')
    const dialog = (await widget(page).locator('dialog').boundingBox())!
    const viewport = page.viewportSize()!
    expect(dialog.width).toBeLessThanOrEqual(viewport.width)
    expect(dialog.height).toBeLessThanOrEqual(viewport.height)
    await button(page, /Je suis en danger/).click()
    expect(await body(page).locator('a[href="tel:17"]').isVisible()).toBe(true)
  })
})

describe('hub unreachable', () => {
  it('still shows urgent numbers and help from the bundled copy, and says sending failed', async () => {
    hub.down = true
    await load({ src: 'self', country: 'FR' })
    await openPanel(page)
    await button(page, /Je suis en danger/).click()
    expect(await body(page).locator('a[href="tel:17"]').isVisible()).toBe(true)
    await button(page, 'Accueil').click()
    await button(page, /Trouver de l’aide/).click()
    await expect(
      body(page)
        .getByText(/disponible même hors connexion/)
        .isVisible(),
    ).resolves.toBe(true)
    expect(await body(page).locator('.resource').count()).toBeGreaterThan(5)
    await button(page, 'Accueil').click()
    await fillReport(page)
    await button(page, 'Envoyer le signalement').click()
    const alert = body(page).locator('.send-error')
    await expect.poll(() => alert.textContent()).toContain('Le service ne répond pas')
    expect(await button(page, 'Réessayer').isVisible()).toBe(true)
    expect((await events(page)).filter((e) => e.type === 'safe-place:error')).toEqual([
      { type: 'safe-place:error', detail: { code: 'network' } },
    ])
  })

  it('if even the panel cannot load, the urgent numbers and the exit are there', async () => {
    await page.route('**/chunks/panel-*.js', (route) => route.abort())
    await load({ src: 'self' })
    await widget(page).locator('button.launcher').click()
    const alert = widget(page).locator('.body [role=alert]')
    await expect.poll(() => alert.textContent()).toContain('L’aide n’a pas pu se charger')
    for (const href of ['tel:17', 'tel:112', 'sms:114']) {
      expect(await body(page).locator(`a[href="${href}"]`).count()).toBe(1)
    }
    expect(await button(page, 'Quitter vite').isVisible()).toBe(true)
  })

  it('retries with the same idempotency key: one report, no duplicate', async () => {
    await load({ src: 'self' })
    await openPanel(page)
    await fillReport(page)
    // The hub stores the report but the answer is lost on the way back.
    hub.loseNextAnswer = true
    await button(page, 'Envoyer le signalement').click()
    await expect.poll(() => body(page).locator('.send-error').count()).toBe(1)
    expect(hub.reports).toHaveLength(1)
    await button(page, 'Réessayer').click()
    await expect.poll(async () => heading(page)).toBe('Signalement envoyé')
    expect(hub.postKeys.length).toBe(2)
    expect(hub.postKeys[0]).toBe(hub.postKeys[1])
    expect(hub.reports).toHaveLength(1)
  })
})
