/**
 * The quick exit in Chromium: the button and Shift ×3 wipe the panel and drafts at once, hide
 * it, fire `safe-place:quick-exit`, and replace the page so Back does not return to it. The
 * neutral page is held back while we look at the old one, to see what a watcher would see.
 */

import { launchChromium } from '@safe-place/test-chromium'
import type { Browser, Page, Route } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type FakeHub, startFakeHub } from './support/fake-hub'
import { type HostServer, NEUTRAL_URL, startHostServer } from './support/host-page'
import { body, button, events, openPanel, recordEvents, widget } from './support/widget'

let browser: Browser
let hub: FakeHub
let host: HostServer
let page: Page
let snapshot: Promise<Leftovers>

interface Leftovers {
  exited: boolean
  display: string
  dialogOpen: boolean
  text: string
  values: string[]
  panel: boolean
  events: string[]
}

beforeAll(async () => {
  ;[browser, hub, host] = await Promise.all([launchChromium(), startFakeHub(), startHostServer()])
})

afterAll(async () => {
  await browser?.close()
  await Promise.all([hub?.close(), host?.close()])
})

beforeEach(async () => {
  await page?.context().close()
  const context = await browser.newContext()
  page = await context.newPage()
  let resolveSnapshot: (value: Leftovers) => void = () => undefined
  snapshot = new Promise((resolve) => {
    resolveSnapshot = resolve
  })
  await page.exposeBinding('reportLeftovers', (_source, value: Leftovers) => resolveSnapshot(value))
  await page.addInitScript(() => {
    document.addEventListener('safe-place:quick-exit', () => {
      const element = document.querySelector('safe-place-help')!
      const root = element.shadowRoot!
      const w = window as unknown as {
        reportLeftovers: (value: unknown) => void
        __events?: { type: string }[]
      }
      w.reportLeftovers({
        exited: element.hasAttribute('exited'),
        display: getComputedStyle(element).display,
        dialogOpen: root.querySelector('dialog')?.open ?? false,
        text: root.textContent ?? '',
        values: [...root.querySelectorAll('input, textarea')].map(
          (field) => (field as HTMLInputElement).value,
        ),
        panel: Boolean((element as unknown as { _panel: unknown })._panel),
        events: (w.__events ?? []).map((e) => e.type),
      })
    })
  })
  await page.route(`${NEUTRAL_URL}*`, (route: Route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Weather</title><p>Sunny</p>' }),
  )
  await page.goto(`${host.origin}/blank`)
  await page.goto(host.pageUrl({ hub: hub.url }))
  await widget(page).locator('button.launcher').waitFor()
  await recordEvents(page)
})

async function startDraft(): Promise<void> {
  await openPanel(page)
  const w = widget(page)
  await button(page, /Signaler un contenu/).click()
  await w.getByRole('radio', { name: /^Menaces/ }).check()
  await button(page, 'Continuer').click()
  await w.locator('#platform').selectOption('x')
  await w.locator('#accounts').fill('@SECRET-HANDLE')
}

async function expectReplaced(historyBefore: number): Promise<void> {
  await page.waitForURL(NEUTRAL_URL)
  expect(await page.title()).toBe('Weather')
  expect(await page.evaluate(() => history.length)).toBe(historyBefore)
  await page.goBack()
  expect(page.url()).toBe(`${host.origin}/blank`)
}

describe('quick exit', () => {
  it('the exit button wipes, hides, fires the event and replaces the page', async () => {
    const historyBefore = await page.evaluate(() => history.length)
    await startDraft()
    await button(page, 'Quitter vite').click()
    const left = await snapshot
    expect(left.exited).toBe(true)
    expect(left.display).toBe('none')
    expect(left.dialogOpen).toBe(false)
    expect(left.panel).toBe(false)
    expect(left.text).not.toContain('SECRET-HANDLE')
    expect(left.values.join('')).not.toContain('SECRET-HANDLE')
    expect(left.events).toEqual(['safe-place:open'])
    await expectReplaced(historyBefore)
  })

  it('Shift pressed three times anywhere leaves, and each press is announced', async () => {
    const historyBefore = await page.evaluate(() => history.length)
    await startDraft()
    const status = widget(page).locator('dialog .sr[role=status]')
    await page.keyboard.press('Shift')
    await expect.poll(() => status.textContent()).toContain('Maj pressée 1 fois sur 3')
    await page.keyboard.press('Shift')
    await expect.poll(() => status.textContent()).toContain('2 fois sur 3')
    await page.keyboard.press('Shift')
    const left = await snapshot
    expect(left.exited).toBe(true)
    expect(left.text).not.toContain('SECRET-HANDLE')
    expect(left.events).toEqual(['safe-place:open'])
    await expectReplaced(historyBefore)
  })

  it('works before the panel was ever opened', async () => {
    const historyBefore = await page.evaluate(() => history.length)
    await page.locator('#host-button').focus()
    const status = widget(page).locator('.root > .sr[role=status]')
    await page.keyboard.press('Shift')
    await expect.poll(() => status.textContent()).toContain('1 fois sur 3')
    await page.keyboard.press('Shift')
    await page.keyboard.press('Shift')
    await snapshot
    await expectReplaced(historyBefore)
  })

  it('another key resets the count, typing capitals never exits, Escape only closes', async () => {
    await startDraft()
    const w = widget(page)
    await w.locator('#accounts').focus()
    await page.keyboard.press('Shift')
    await page.keyboard.press('Shift')
    await page.keyboard.type('A')
    await page.keyboard.press('Shift')
    await page.keyboard.press('Shift+B')
    await page.keyboard.press('Shift')
    await page.keyboard.press('Shift')
    const status = w.locator('dialog .sr[role=status]')
    await expect.poll(() => status.textContent()).toContain('2 fois sur 3')
    await page.keyboard.press('Escape')
    await expect
      .poll(() => w.locator('dialog').evaluate((d) => (d as HTMLDialogElement).open))
      .toBe(false)
    expect(page.url()).toContain('/page?')
    expect((await events(page)).map((e) => e.type)).not.toContain('safe-place:quick-exit')
    expect(await w.evaluate((el) => el.hasAttribute('exited'))).toBe(false)
    await openPanel(page)
    expect(await body(page).locator('#accounts').inputValue()).toContain('@SECRET-HANDLEAB')
  })
})
