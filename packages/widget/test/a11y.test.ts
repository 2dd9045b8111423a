/**
 * Accessibility in Chromium: axe-core (WCAG 2.0–2.2 A/AA rules, inside the shadow root) on every
 * step, in French and English, light and dark; and a keyboard-only person completing a whole
 * report, with focus moved into the dialog, kept there, and returned to the launcher.
 */
import { launchChromium } from '@safe-place/test-chromium'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axe } from './support/axe'
import { type FakeHub, startFakeHub } from './support/fake-hub'
import { type HostServer, startHostServer } from './support/host-page'
import { byId, byText, focused, tabTo } from './support/keyboard'
import { body, button, heading, openPanel, widget } from './support/widget'

let browser: Browser
let hub: FakeHub
let host: HostServer

beforeAll(async () => {
  ;[browser, hub, host] = await Promise.all([launchChromium(), startFakeHub(), startHostServer()])
})

afterAll(async () => {
  await browser?.close()
  await Promise.all([hub?.close(), host?.close()])
})

const next = (page: Page) => button(page, /^(Continuer|Continue)$/).click()

async function everyStep(page: Page, locale: 'fr' | 'en', theme: 'light' | 'dark') {
  const tag = `${locale}-${theme}`
  const w = widget(page)
  await page.goto(host.pageUrl({ hub: hub.url, locale, theme, lang: locale }))
  await w.locator('button.launcher').waitFor()
  await axe(page, `${tag} launcher`)
  await openPanel(page)
  const background = await w.locator('.frame').evaluate((f) => getComputedStyle(f).backgroundColor)
  expect(background).toBe(theme === 'dark' ? 'rgb(23, 22, 28)' : 'rgb(255, 255, 255)')
  await axe(page, `${tag} home`)
  await w.locator('.door.urgent').click()
  await axe(page, `${tag} urgent`)
  await w.locator('button.link').first().click()
  await w.locator('.door.help').click()
  await body(page).locator('.resource').first().waitFor()
  await axe(page, `${tag} resources`)
  await w.locator('button.link').first().click()
  await w.locator('.door.report').click()
  await next(page)
  await axe(page, `${tag} category with an error`)
  await w.getByRole('radio', { name: locale === 'fr' ? /^Menaces/ : /^Threats/ }).check()
  await axe(page, `${tag} category`)
  await next(page)
  await w.locator('#platform').selectOption('other')
  await next(page)
  await axe(page, `${tag} where with errors`)
  await w.locator('#platformOther').fill('Forum')
  await w.locator('#urls').fill('https://forum.example/t/1')
  await next(page)
  await w.locator('#danger').check()
  await axe(page, `${tag} what with crisis numbers`)
  await next(page)
  await axe(page, `${tag} evidence`)
  await next(page)
  await axe(page, `${tag} who`)
  await next(page)
  await axe(page, `${tag} sharing`)
  await next(page)
  await w.getByRole('radio', { name: locale === 'fr' ? 'Par e-mail' : 'By email' }).check()
  await w.locator('#contactValue').fill('nope')
  await next(page)
  await axe(page, `${tag} contact with an error`)
  await w.locator('#contactValue').fill('person@example.org')
  await next(page)
  await axe(page, `${tag} review`)
  await w.locator('form button[type=submit]').click()
  await w.locator('#receipt-reference').waitFor()
  await axe(page, `${tag} receipt`)
  const reference = (await w.locator('#receipt-reference').textContent()) ?? ''
  const token = (await w.locator('#receipt-token').textContent()) ?? ''
  await w.locator('button.primary.wide').click()
  await w.locator('button.secondary.wide').click()
  await axe(page, `${tag} follow`)
  await w.locator('#reference').fill(reference)
  await w.locator('#token').fill(token)
  await w.locator('form button[type=submit]').click()
  await w.locator('.decision').waitFor()
  await axe(page, `${tag} followed, with a decision`)
  await w.locator('#contest').click()
  await w.locator('#contestReason-error').waitFor()
  await axe(page, `${tag} contest with an error`)
  await w.locator('#contestReason').fill('Still online.')
  await w.locator('#contest').click()
  await w.locator('.ways').waitFor()
  await axe(page, `${tag} contested, the ways that remain`)
  await w.locator('#withdraw').click()
  await w.locator('#withdraw-no').waitFor()
  await axe(page, `${tag} withdraw confirmation`)
}

describe('axe-core on every step', () => {
  for (const locale of ['fr', 'en'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      it(`${locale}, ${theme}`, async () => {
        const page = await browser.newPage()
        await everyStep(page, locale, theme)
        await page.close()
      }, 60_000)
    }
  }
})

describe('user preferences', () => {
  it('forced colours: usable, visible borders, no axe violation', async () => {
    const page = await browser.newPage()
    await page.emulateMedia({ forcedColors: 'active' })
    await page.goto(host.pageUrl({ hub: hub.url }))
    await openPanel(page)
    const style = await widget(page)
      .locator('.door')
      .first()
      .evaluate((d) => getComputedStyle(d).borderTopStyle)
    expect(style).toBe('solid')
    await axe(page, 'forced colours home')
    await page.close()
  })

  it('reduced motion: the dialog opens without animation', async () => {
    const animations = async (reducedMotion: 'reduce' | 'no-preference') => {
      const page = await browser.newPage()
      await page.emulateMedia({ reducedMotion })
      await page.goto(host.pageUrl({ hub: hub.url }))
      await openPanel(page)
      const names = await widget(page).evaluate((el) =>
        el.shadowRoot!.getAnimations().map((a) => (a as CSSAnimation).animationName),
      )
      await page.close()
      return names
    }
    expect(await animations('reduce')).toEqual([])
    const moving = await animations('no-preference')
    expect(moving.every((name) => name === 'sp-in')).toBe(true)
  })
})

describe('keyboard only', () => {
  it('keeps focus inside the open dialog however far one tabs, both ways', async () => {
    const page = await browser.newPage()
    await page.goto(host.pageUrl({ hub: hub.url }))
    await openPanel(page)
    for (const key of ['Tab', 'Shift+Tab']) {
      for (let i = 0; i < 25; i++) {
        await page.keyboard.press(key)
        const f = await focused(page)
        // Chromium may pass focus to its own UI between the last and first element (native
        // modal dialog behaviour); it never lands on the host page.
        if (f.tag !== 'body')
          expect(f.inWidget, `${key} ×${i + 1}: ${JSON.stringify(f)}`).toBe(true)
      }
    }
    await page.close()
  })

  it('on a phone, the panel fills the screen with the exit button in reach', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 667 } })
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await page.goto(host.pageUrl({ hub: hub.url }))
    await openPanel(page)
    const dialog = (await widget(page).locator('dialog').boundingBox())!
    expect([dialog.x, dialog.y, dialog.width, dialog.height]).toEqual([0, 0, 375, 667])
    const exit = (await button(page, 'Quitter vite').boundingBox())!
    expect(exit.y).toBeLessThan(60)
    expect(exit.height).toBeGreaterThanOrEqual(44)
    await axe(page, 'phone home')
    await page.close()
  })

  it('completes a whole report, focus trapped in the dialog and returned to the launcher', async () => {
    const page = await browser.newPage()
    await page.goto(host.pageUrl({ hub: hub.url }))
    await widget(page).locator('button.launcher').waitFor()
    let reached = false
    for (let i = 0; i < 10 && !reached; i++) {
      await page.keyboard.press('Tab')
      reached = (await focused(page)).text === 'Besoin d’aide ?'
    }
    expect(reached).toBe(true)
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await focused(page)).tag).toBe('h2')
    expect(await heading(page)).toBe('Comment pouvons-nous vous aider ?')

    await tabTo(page, (f) => f.text.startsWith('Signaler un contenu'))
    await page.keyboard.press('Enter')
    await tabTo(page, byId('category'))
    await page.keyboard.press('Space')
    await tabTo(page, byText('Continuer'))
    await page.keyboard.press('Enter')
    expect(await heading(page)).toBe('Où cela se passe-t-il ?')

    await tabTo(page, byId('platform'))
    await page.keyboard.type('Instagram')
    await tabTo(page, byId('urls'))
    await page.keyboard.type('https://instagram.com/p/keyboard')
    await tabTo(page, byText('Continuer'))
    await page.keyboard.press('Enter')
    expect(await heading(page)).toBe('Que s’est-il passé ?')

    await tabTo(page, byId('description'))
    await page.keyboard.type('Reported with the keyboard only.')
    await tabTo(page, byId('ongoing'))
    await page.keyboard.press('Space')
    for (const title of ['Preuves', 'Qui est visé ?']) {
      await tabTo(page, byText('Continuer'))
      await page.keyboard.press('Enter')
      expect(await heading(page)).toBe(title)
    }
    await tabTo(page, byText('Continuer'))
    await page.keyboard.press('Enter')
    expect(await heading(page)).toBe('À qui l’envoyer ?')
    await tabTo(page, byId('consent-rcv_federation0001'))
    await page.keyboard.press('Space')
    await tabTo(page, byId('goodFaith'))
    await page.keyboard.press('Space')
    await tabTo(page, byText('Continuer'))
    await page.keyboard.press('Enter')
    await tabTo(page, byText('Continuer'))
    await page.keyboard.press('Enter')
    expect(await heading(page)).toBe('Vérifier avant d’envoyer')
    await tabTo(page, byText('Envoyer le signalement'))
    await page.keyboard.press('Enter')
    await expect.poll(() => heading(page)).toBe('Signalement envoyé')

    const sent = hub.reports.at(-1)!.report
    expect(sent.where.platform).toBe('instagram')
    expect(sent.where.contentUrls).toEqual(['https://instagram.com/p/keyboard'])
    expect(sent.what.description).toBe('Reported with the keyboard only.')
    expect(sent.what.ongoing).toBe(true)
    expect(sent.goodFaith).toBe(true)
    expect(sent.consents.map((c) => c.receiverId)).toEqual(['rcv_federation0001'])

    await page.keyboard.press('Escape')
    await expect.poll(async () => (await focused(page)).text).toBe('Besoin d’aide ?')
    expect(
      await widget(page)
        .locator('dialog')
        .evaluate((d) => (d as HTMLDialogElement).open),
    ).toBe(false)
    await page.close()
  }, 60_000)
})
