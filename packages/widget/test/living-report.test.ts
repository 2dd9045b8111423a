/**
 * The living report in Chromium, keyboard only: a person follows her report with its reference
 * and code (typed in lower case, without dashes), adds an incident with a screenshot — hashed
 * on the device before and after re-encoding — and downloads her report file. axe finds
 * nothing on the way, in French and English; no web storage, cookie or IndexedDB is touched;
 * the downloaded file's object URL is revoked.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { launchChromium } from '@safe-place/test-chromium'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axe } from './support/axe'
import { FAKE_PACK, type FakeHub, startFakeHub } from './support/fake-hub'
import { type HostServer, startHostServer } from './support/host-page'
import { byId, byText, tabTo } from './support/keyboard'
import { watchStorage } from './support/storage'
import { body, button, fillReport, jpegWithExif, openPanel, widget } from './support/widget'

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

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex')

/** A report sent with the mouse; its receipt read off the screen. */
async function sendReport(page: Page) {
  await openPanel(page)
  await fillReport(page, { consent: /Fédération|Federation/ })
  await button(page, /Envoyer le signalement|Send the report/).click()
  const w = widget(page)
  await w.locator('#receipt-token').waitFor()
  const reference = (await w.locator('#receipt-reference').textContent()) ?? ''
  const token = (await w.locator('#receipt-token').textContent()) ?? ''
  await button(page, /^(Terminer|Done)$/).click()
  return { reference, token }
}

/** Records the object URLs the page makes and revokes. */
async function watchObjectUrls(page: Page) {
  await page.addInitScript(() => {
    const log = { made: [] as string[], revoked: [] as string[] }
    ;(window as unknown as { __urls: typeof log }).__urls = log
    const make = URL.createObjectURL.bind(URL)
    const revoke = URL.revokeObjectURL.bind(URL)
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      const url = make(blob)
      log.made.push(url)
      return url
    }
    URL.revokeObjectURL = (url: string) => {
      log.revoked.push(url)
      revoke(url)
    }
  })
}

describe('the living report, keyboard only', () => {
  let context: BrowserContext
  let page: Page

  it('follows, adds an incident with a screenshot, downloads the report file, stores nothing', async () => {
    context = await browser.newContext({ acceptDownloads: true })
    page = await context.newPage()
    await watchStorage(page)
    await watchObjectUrls(page)
    await page.goto(host.pageUrl({ hub: hub.url }))
    await widget(page).locator('button.launcher').waitFor()
    const { reference, token } = await sendReport(page)
    const w = widget(page)

    // From here on, the keyboard only.
    await tabTo(page, byText('Suivre un signalement'))
    await page.keyboard.press('Enter')
    await tabTo(page, byId('reference'))
    await page.keyboard.type(reference.toLowerCase())
    await tabTo(page, byId('token'))
    await page.keyboard.type(token.replaceAll('-', '').toLowerCase())
    await page.keyboard.press('Enter')
    await w.locator('.timeline').waitFor()
    await axe(page, 'follow, fr')

    await tabTo(page, byId('add'))
    await page.keyboard.press('Enter')
    await expect
      .poll(() =>
        w
          .locator('#add-description')
          .evaluate((e) => e === (e.getRootNode() as ShadowRoot).activeElement),
      )
      .toBe(true)
    await axe(page, 'addition form, fr')
    await page.keyboard.type('Ce matin, un nouveau compte a repris les menaces.')
    await tabTo(page, byId('add-urls'))
    await page.keyboard.type('https://instagram.com/p/nouveau')
    await tabTo(page, byId('add-accounts'))
    await page.keyboard.type('@nouveau_compte')
    await tabTo(page, byId('add-files'))
    const original = await jpegWithExif(page, 'SECRET-GPS-MARKER')
    const chooser = page.waitForEvent('filechooser')
    await page.keyboard.press('Space')
    await (await chooser).setFiles({
      name: 'IMG_0002.jpg',
      mimeType: 'image/jpeg',
      buffer: original,
    })
    await w.getByText(/Capture 1/).waitFor()
    await tabTo(page, byText('Envoyer les éléments'))
    await page.keyboard.press('Enter')
    await expect.poll(() => w.locator('.notice').textContent()).toContain('ont été ajoutés')
    await expect
      .poll(() => w.locator('.timeline li').allTextContents())
      .toContainEqual(expect.stringContaining('ajouté des éléments'))
    await axe(page, 'after the addition, fr')

    const [added] = hub.additions
    expect(added?.reference).toBe(reference)
    // Sent with a key of its own, so a retry after a lost answer adds it once.
    expect(added?.idempotencyKey).toMatch(/^sp_[0-9a-f]{32}$/)
    expect(added?.addition.what.description).toBe(
      'Ce matin, un nouveau compte a repris les menaces.',
    )
    expect(added?.addition.where).toEqual({
      contentUrls: ['https://instagram.com/p/nouveau'],
      accounts: [{ handle: '@nouveau_compte' }],
    })
    // Hashed on the device: the original as chosen, and what was sent after re-encoding.
    const sent = added!.files[0]!
    expect(added?.addition.evidence.files).toEqual([
      { originalSha256: sha(original), originalBytes: original.length, sentSha256: sha(sent) },
    ])
    expect(sent.includes(Buffer.from('SECRET-GPS-MARKER'))).toBe(false)

    await tabTo(page, byId('pack'))
    const download = page.waitForEvent('download')
    await page.keyboard.press('Enter')
    const file = await download
    expect(file.suggestedFilename()).toBe(`safe-place-${reference}.zip`)
    expect(await readFile((await file.path())!)).toEqual(FAKE_PACK)
    await expect.poll(() => w.locator('.notice').textContent()).toContain('Dossier téléchargé')
    await axe(page, 'after the download, fr')

    // Nothing kept: no storage touched, and the file's object URL let go.
    await expect
      .poll(() =>
        page.evaluate(
          () => (window as unknown as { __urls: { made: string[]; revoked: string[] } }).__urls,
        ),
      )
      .toEqual({
        made: [expect.stringMatching(/^blob:/)],
        revoked: [expect.stringMatching(/^blob:/)],
      })
    expect(
      await page.evaluate(() => (window as unknown as { __storage: string[] }).__storage),
    ).toEqual([])
    expect(await context.cookies()).toEqual([])
    await context.close()
  })

  it('offers both from the receipt, and is axe-clean in English', async () => {
    context = await browser.newContext({ acceptDownloads: true })
    page = await context.newPage()
    await page.goto(host.pageUrl({ hub: hub.url, lang: 'en' }))
    await widget(page).locator('button.launcher').waitFor()
    await openPanel(page)
    await fillReport(page, { consent: /federation/ })
    await button(page, 'Send the report').click()
    await widget(page).locator('#receipt-token').waitFor()
    await axe(page, 'receipt, en')
    const download = page.waitForEvent('download')
    await button(page, 'Download my report file').click()
    expect((await download).suggestedFilename()).toMatch(/^safe-place-SP-.*\.zip$/)
    await expect.poll(() => widget(page).locator('.notice').textContent()).toContain('downloaded')
    await button(page, 'Add to my report').click()
    await body(page).locator('#add-description').waitFor()
    await axe(page, 'addition form, en')
    await context.close()
  })

  it('asks for no file where the category never takes one', async () => {
    context = await browser.newContext()
    page = await context.newPage()
    await page.goto(host.pageUrl({ hub: hub.url, lang: 'en' }))
    await widget(page).locator('button.launcher').waitFor()
    await openPanel(page)
    await fillReport(page, { category: /^Intimate images shared/ })
    await button(page, 'Send the report').click()
    await widget(page).locator('#receipt-token').waitFor()
    await button(page, 'Add to my report').click()
    await body(page).locator('#add-description').waitFor()
    expect(await body(page).locator('#add-files').count()).toBe(0)
    await context.close()
  })
})
