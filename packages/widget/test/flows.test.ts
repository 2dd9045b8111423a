/**
 * Every flow of the panel in Chromium against the fake hub: home, urgent numbers, help
 * resources, the report wizard (JSON and multipart with a cleaned screenshot), validation,
 * drafts kept in memory, proof-of-work, receipt, follow and withdraw, and the events.
 */

import { launchChromium } from '@safe-place/test-chromium'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type FakeHub, startFakeHub } from './support/fake-hub'
import { type HostServer, startHostServer } from './support/host-page'
import {
  body,
  button,
  events,
  fillReport,
  heading,
  jpegWithExif,
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
  context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] })
})

afterAll(async () => {
  await browser?.close()
  await Promise.all([hub?.close(), host?.close()])
})

beforeEach(async () => {
  hub.reports.length = 0
  hub.challengeRequired = false
  await page?.close()
  page = await context.newPage()
})

async function load(options: Partial<Parameters<HostServer['pageUrl']>[0]> = {}) {
  await page.goto(host.pageUrl({ hub: hub.url, ...options }))
  await page.waitForFunction(() => customElements.get('safe-place-help'))
  if (options.mode !== 'inline') await widget(page).locator('button.launcher').waitFor()
  await recordEvents(page)
}

describe('home, urgent and help', () => {
  it('opens on three doors and a follow button, in French by default', async () => {
    await load()
    await openPanel(page)
    expect(await heading(page)).toBe('Comment pouvons-nous vous aider ?')
    const doors = await widget(page).locator('.door .door-label').allTextContents()
    expect(doors).toEqual([
      'Je suis en danger maintenant',
      'Signaler un contenu ou un compte',
      'Trouver de l’aide et du soutien',
    ])
    await expect(button(page, 'Suivre un signalement').isVisible()).resolves.toBe(true)
  })

  it('follows the document language, and the locale attribute wins', async () => {
    await load({ lang: 'en' })
    await openPanel(page)
    expect(await heading(page)).toBe('How can we help?')
    await load({ lang: 'en', locale: 'fr' })
    await openPanel(page)
    expect(await heading(page)).toBe('Comment pouvons-nous vous aider ?')
  })

  it('shows the emergency numbers first, as tel: and sms: links', async () => {
    await load()
    await openPanel(page)
    await button(page, /Je suis en danger/).click()
    const hrefs = await body(page)
      .locator('a.channel')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    expect(hrefs.slice(0, 3)).toEqual(['tel:17', 'tel:112', 'sms:114'])
    for (const number of ['tel:3114', 'tel:3919', 'tel:3018']) expect(hrefs).toContain(number)
    expect(await body(page).locator('form, input, textarea').count()).toBe(0)
  })

  it('finds help by situation, from the hub or the bundled copy', async () => {
    await load({ country: 'FR' })
    await openPanel(page)
    await button(page, /Trouver de l’aide/).click()
    await widget(page).locator('#resources-category').selectOption('ncii')
    await expect
      .poll(() => body(page).locator('.resource h3').first().textContent())
      .toContain('StopNCII')
    expect(hub.requests.some((r) => r.startsWith('GET /v1/resources'))).toBe(true)
  })
})

describe('element', () => {
  it('prefetches the panel on launcher hover, before any click', async () => {
    const chunks: string[] = []
    page.on('request', (r) => {
      if (r.url().includes('/chunks/')) chunks.push(r.url())
    })
    await load()
    const apiBefore = hub.requests.filter((r) => r.includes('/v1/')).length
    expect(chunks).toEqual([])
    await widget(page).locator('button.launcher').hover()
    await expect.poll(() => chunks.length).toBe(1)
    expect(
      await widget(page)
        .locator('dialog')
        .evaluate((d) => (d as HTMLDialogElement).open),
    ).toBe(false)
    expect(hub.requests.filter((r) => r.includes('/v1/')).length).toBe(apiBefore)
  })

  it('lets partners override any string', async () => {
    await load()
    await widget(page).evaluate((el) => {
      ;(el as HTMLElement & { strings: Record<string, string> }).strings = {
        launcher: 'Parler à quelqu’un',
        homeTitle: 'Bonjour',
      }
    })
    await expect
      .poll(() => widget(page).locator('button.launcher').textContent())
      .toBe('Parler à quelqu’un')
    await openPanel(page)
    expect(await heading(page)).toBe('Bonjour')
  })

  it('without a hub attribute, talks to the hub it was loaded from', async () => {
    const before = hub.requests.length
    await load({ noHubAttribute: true })
    await openPanel(page)
    await expect
      .poll(() => hub.requests.slice(before).filter((r) => r === 'GET /v1/widget-config'))
      .toHaveLength(1)
  })

  it('renders inline, without a launcher, with its exit button', async () => {
    await load({ mode: 'inline' })
    expect(await widget(page).locator('button.launcher').count()).toBe(0)
    await body(page).locator('h2').waitFor()
    expect(await heading(page)).toBe('Comment pouvons-nous vous aider ?')
    expect(await button(page, 'Quitter vite').isVisible()).toBe(true)
  })
})

describe('report wizard', () => {
  it('sends a complete report as JSON and shows the receipt', async () => {
    await load()
    await openPanel(page)
    await fillReport(page, { consent: /Fédération des créatrices/ })
    await button(page, 'Envoyer le signalement').click()
    await expect.poll(async () => heading(page)).toBe('Signalement envoyé')
    expect(hub.reports).toHaveLength(1)
    const sent = hub.reports[0]!
    expect(sent.contentType).toMatch(/^application\/json/)
    expect(sent.report).toMatchObject({
      category: 'threat',
      what: { description: 'Des menaces de mort depuis lundi.', ongoing: true, raid: false },
      where: {
        platform: 'instagram',
        contentUrls: ['https://instagram.com/p/abc123'],
        accounts: [{ handle: '@attacker' }, { url: 'https://instagram.com/other' }],
      },
      who: { role: 'target', targetIsWomanOrGirl: true, targetAge: 'not_stated' },
      goodFaith: true,
      context: { locale: 'fr', source: 'widget' },
    })
    expect(sent.report.consents.map((c) => [c.receiverId, c.textVersion])).toEqual([
      ['rcv_federation0001', 'v1'],
    ])
    expect(sent.report.contact).toBeUndefined()
    const reference = await widget(page).locator('#receipt-reference').textContent()
    const token = await widget(page).locator('#receipt-token').textContent()
    expect(reference).toMatch(/^SP-/)
    expect(token).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/)
    await button(page, /Copier/).click()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(token)
    await expect(body(page).getByText('Gardez des captures').isVisible()).resolves.toBe(true)
    const submitted = (await events(page)).filter((e) => e.type === 'safe-place:submitted')
    expect(submitted).toEqual([{ type: 'safe-place:submitted', detail: { reference } }])
  })

  it('re-encodes screenshots on the device: EXIF is gone, multipart is used', async () => {
    await load()
    await openPanel(page)
    const jpeg = await jpegWithExif(page, 'GPS-48.8566-2.3522-SECRET')
    expect(jpeg.includes('GPS-48.8566')).toBe(true)
    await fillReport(page, { screenshot: jpeg })
    await button(page, 'Envoyer le signalement').click()
    await expect.poll(async () => heading(page)).toBe('Signalement envoyé')
    const sent = hub.reports[0]!
    expect(sent.contentType).toMatch(/^multipart\/form-data/)
    expect(sent.attachments).toHaveLength(1)
    const file = sent.attachments[0]!
    expect(file.type).toBe('image/jpeg')
    expect(file.name).toBe('capture-1.jpg')
    expect(file.bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]))
    expect(file.bytes.includes('GPS-48.8566')).toBe(false)
    expect(file.bytes.includes('Exif')).toBe(false)
  })

  it('forbids images for intimate-image categories, kindly, with the right services', async () => {
    await load()
    await openPanel(page)
    const w = widget(page)
    await button(page, /Signaler un contenu/).click()
    await w.getByRole('radio', { name: /^Images intimes diffusées/ }).check()
    await button(page, 'Continuer').click()
    await w.locator('#platform').selectOption('x')
    await w.locator('#urls').fill('https://x.com/a/status/1')
    await button(page, 'Continuer').click()
    await button(page, 'Continuer').click()
    expect(await heading(page)).toBe('Preuves')
    expect(await w.locator('input[type=file]').count()).toBe(0)
    await expect(w.getByText('Pas d’image ici, pour vous protéger').isVisible()).resolves.toBe(true)
    const names = await body(page).locator('.resource h3').allTextContents()
    expect(names.join(' ')).toContain('StopNCII')
    expect(names.join(' ')).toContain('Take It Down')
  })

  it('shows crisis numbers before the form for self-harm, and hotline-only sharing for minors', async () => {
    await load()
    await openPanel(page)
    const w = widget(page)
    await button(page, /Signaler un contenu/).click()
    await w.getByRole('radio', { name: /^Risque de suicide/ }).check()
    await button(page, 'Continuer').click()
    const crisis = body(page).locator('.crisis')
    await expect(crisis.locator('a[href="tel:3114"]').count()).resolves.toBe(1)
    await button(page, 'Précédent').click()
    await w.getByRole('radio', { name: /^Contenu sexuel impliquant un mineur/ }).check()
    await button(page, 'Continuer').click()
    await w.locator('#platform').selectOption('tiktok')
    await w.locator('#urls').fill('https://tiktok.com/@x/video/1')
    for (let i = 0; i < 4; i++) await button(page, 'Continuer').click()
    expect(await heading(page)).toBe('À qui l’envoyer ?')
    expect(await w.locator('input[type=checkbox][id^=consent-]').count()).toBe(0)
    await expect(w.getByText(/seulement à Point de Contact/).isVisible()).resolves.toBe(true)
  })

  it('announces errors, links them to the field and focuses it', async () => {
    await load()
    await openPanel(page)
    const w = widget(page)
    await button(page, /Signaler un contenu/).click()
    await button(page, 'Continuer').click()
    await expect(w.getByRole('alert').first().textContent()).resolves.toContain(
      'Quelque chose manque',
    )
    const radio = w.locator('#category')
    expect(await radio.getAttribute('aria-invalid')).toBe('true')
    expect(await radio.getAttribute('aria-describedby')).toBe('category-error')
    expect(await w.locator('#category-error').textContent()).toContain('Choisissez')
    expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.id)).toBe(
      'category',
    )
    await w.getByRole('radio', { name: /^Harcèlement/ }).check()
    await button(page, 'Continuer').click()
    await w.locator('#platform').selectOption('x')
    await w.locator('#urls').fill('javascript:alert(1)')
    await button(page, 'Continuer').click()
    expect(await w.locator('#urls').getAttribute('aria-describedby')).toBe('urls-hint urls-error')
    expect(await w.locator('#urls-error').textContent()).toContain('https://')
  })

  it('keeps what was typed when the panel is closed and opened again', async () => {
    await load()
    await openPanel(page)
    const w = widget(page)
    await button(page, /Signaler un contenu/).click()
    await w.getByRole('radio', { name: /^Harcèlement/ }).check()
    await button(page, 'Continuer').click()
    await w.locator('#accounts').fill('@someone')
    await page.keyboard.press('Escape')
    await expect
      .poll(() => w.locator('dialog').evaluate((d) => (d as HTMLDialogElement).open))
      .toBe(false)
    await openPanel(page)
    expect(await heading(page)).toBe('Où cela se passe-t-il ?')
    expect(await w.locator('#accounts').inputValue()).toBe('@someone')
    await button(page, 'Précédent').click()
    expect(await w.getByRole('radio', { name: /^Harcèlement/ }).isChecked()).toBe(true)
    const types = (await events(page)).map((e) => e.type)
    expect(types).toEqual(['safe-place:open', 'safe-place:close', 'safe-place:open'])
    expect((await events(page)).every((e) => e.detail === null)).toBe(true)
  })

  it('solves the proof-of-work challenge in the background, without a puzzle', async () => {
    hub.challengeRequired = true
    await load()
    await openPanel(page)
    await fillReport(page)
    expect(hub.requests).toContain('GET /v1/challenge')
    await button(page, 'Envoyer le signalement').click()
    await expect.poll(async () => heading(page)).toBe('Signalement envoyé')
    expect(hub.reports[0]?.pow).toBeTruthy()
    const solution = JSON.parse(Buffer.from(hub.reports[0]!.pow!, 'base64').toString('utf8'))
    expect(Object.keys(solution).sort()).toEqual([
      'algorithm',
      'challenge',
      'number',
      'salt',
      'signature',
    ])
  })
})

describe('follow and withdraw', () => {
  it('shows the timeline and withdraws after a clear confirmation', async () => {
    await load({ locale: 'en' })
    await openPanel(page)
    await fillReport(page)
    await button(page, 'Send the report').click()
    await expect.poll(async () => heading(page)).toBe('Report sent')
    const reference = (await widget(page).locator('#receipt-reference').textContent()) ?? ''
    const token = (await widget(page).locator('#receipt-token').textContent()) ?? ''
    await button(page, 'Done').click()
    await button(page, 'Follow a report').click()
    const w = widget(page)
    await w.locator('#reference').fill(reference.toLowerCase())
    await w.locator('#token').fill('rt_wrong')
    await button(page, 'See the follow-up').click()
    expect(await w.locator('#token-error').textContent()).toContain('16 characters')
    // Typed as a person would: lower case, no dashes.
    await w.locator('#token').fill(token.replaceAll('-', '').toLowerCase())
    await button(page, 'See the follow-up').click()
    await expect.poll(() => w.locator('.status-now').textContent()).toContain('being reviewed')
    expect(await w.locator('.timeline li').count()).toBe(2)
    await button(page, 'Withdraw my report').click()
    await expect(w.getByText(/This cannot be undone/).isVisible()).resolves.toBe(true)
    await button(page, 'No, keep it').click()
    await button(page, 'Withdraw my report').click()
    await button(page, 'Yes, withdraw and erase').click()
    await expect.poll(() => w.locator('.status-now').textContent()).toContain('withdrawn')
    await expect(
      w.getByText('Your report is withdrawn and its data erased.').isVisible(),
    ).resolves.toBe(true)
    expect(hub.requests).toContain(`DELETE /v1/reports/${reference}`)
  })

  it('reads the decision as the hub words it, contests it, and starts and stops the e-mails', async () => {
    await load({ locale: 'en' })
    await openPanel(page)
    await fillReport(page, { notify: 'me.notify@example.org' })
    await button(page, 'Send the report').click()
    await expect.poll(async () => heading(page)).toBe('Report sent')
    // Asked at submission: the address goes with the report, to the hub alone.
    expect(hub.reports.at(-1)?.report.notifications).toEqual({ email: 'me.notify@example.org' })
    const reference = (await widget(page).locator('#receipt-reference').textContent()) ?? ''
    const token = (await widget(page).locator('#receipt-token').textContent()) ?? ''
    await button(page, 'Done').click()
    await button(page, 'Follow a report').click()
    const w = widget(page)
    await w.locator('#reference').fill(reference)
    await w.locator('#token').fill(token)
    await button(page, 'See the follow-up').click()
    await expect
      .poll(() => w.locator('.decision').textContent())
      .toContain('Instagram removed the content on 3 March 2026')
    expect(await w.getByRole('link', { name: 'Appeal to the platform' }).getAttribute('href')).toBe(
      'https://help.instagram.example/appeal',
    )
    // An empty reason is refused on the spot; a real one is sent, then the ways are listed.
    await button(page, 'Contest the answer').click()
    expect(await w.locator('#contestReason-error').textContent()).toContain('1,000')
    await w.locator('#contestReason').fill('The threats are still online.')
    await button(page, 'Contest the answer').click()
    await expect.poll(() => w.locator('.ways li').count()).toBe(2)
    expect(hub.followed(reference)?.contestReason).toBe('The threats are still online.')
    expect(await w.locator('.ways').textContent()).toContain('Report to PHAROS')
    // Stop the e-mails, then ask again with another address.
    await button(page, 'Stop the e-mails').click()
    await w.locator('#notifyEmail').waitFor()
    expect(hub.followed(reference)?.notifyEmail).toBeUndefined()
    await w.locator('#notifyEmail').fill('other@example.org')
    await button(page, 'Tell me').click()
    await w.locator('#notify-stop').waitFor()
    expect(hub.followed(reference)?.notifyEmail).toBe('other@example.org')
  })

  it('says plainly when the reference or code does not match', async () => {
    await load()
    await openPanel(page)
    await button(page, 'Suivre un signalement').click()
    const w = widget(page)
    await w.locator('#reference').fill('SP-2345-6789')
    await w.locator('#token').fill(`rt_${'a'.repeat(43)}`)
    await button(page, 'Voir le suivi').click()
    await expect.poll(() => w.locator('.follow-error').textContent()).toContain('ne correspond pas')
  })
})
