/** Helpers to drive `<safe-place-help>` in a page (Playwright locators pierce open shadow roots). */
import type { Locator, Page } from 'playwright-core'

export const widget = (page: Page): Locator => page.locator('safe-place-help')

/** The panel's scrolling body (where every view renders). */
export const body = (page: Page): Locator => widget(page).locator('.body')

export async function openPanel(page: Page): Promise<void> {
  await widget(page).locator('button.launcher').click()
  await body(page).locator('h2').first().waitFor()
}

export async function heading(page: Page): Promise<string> {
  return (await body(page).locator('h2').first().textContent())?.trim() ?? ''
}

export const button = (page: Page, name: string | RegExp): Locator =>
  widget(page).getByRole('button', { name })

/** Records the element's events (type + detail) in `window.__events`. */
export async function recordEvents(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __events: { type: string; detail: unknown }[] }
    w.__events = []
    for (const type of ['open', 'close', 'submitted', 'error', 'quick-exit']) {
      document.addEventListener(`safe-place:${type}`, (event) => {
        w.__events.push({ type: event.type, detail: (event as CustomEvent).detail ?? null })
      })
    }
  })
}

export async function events(page: Page): Promise<{ type: string; detail: unknown }[]> {
  return page.evaluate(
    () => (window as unknown as { __events: { type: string; detail: unknown }[] }).__events,
  )
}

/** A real JPEG made by the browser, with an EXIF block carrying a fake GPS position inserted. */
export async function jpegWithExif(page: Page, marker: string): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(64, 48)
    const context = canvas.getContext('2d')!
    context.fillStyle = '#c33'
    context.fillRect(0, 0, 64, 48)
    const blob = await canvas.convertToBlob({ type: 'image/jpeg' })
    const bytes = new Uint8Array(await blob.arrayBuffer())
    let text = ''
    for (const byte of bytes) text += String.fromCharCode(byte)
    return btoa(text)
  })
  const jpeg = Buffer.from(base64, 'base64')
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'binary'), Buffer.from(marker, 'utf8')])
  const length = Buffer.alloc(2)
  length.writeUInt16BE(payload.length + 2)
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1]), length, payload])
  return Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)])
}

/** Walks the report wizard with the mouse, filling a typical report. */
export async function fillReport(
  page: Page,
  options: { category?: RegExp; screenshot?: Buffer; consent?: RegExp; notify?: string } = {},
): Promise<void> {
  const w = widget(page)
  await button(page, /Signaler un contenu|Report content/).click()
  await w.getByRole('radio', { name: options.category ?? /^Menaces|^Threats/ }).check()
  await button(page, /Continuer|Continue/).click()
  await w.locator('#platform').selectOption('instagram')
  await w.locator('#urls').fill('https://instagram.com/p/abc123')
  await w.locator('#accounts').fill('@attacker\nhttps://instagram.com/other')
  await button(page, /Continuer|Continue/).click()
  await w.locator('#description').fill('Des menaces de mort depuis lundi.')
  await w.locator('#ongoing').check()
  await button(page, /Continuer|Continue/).click()
  if (options.screenshot) {
    await w.locator('#files').setInputFiles({
      name: 'IMG_0001.jpg',
      mimeType: 'image/jpeg',
      buffer: options.screenshot,
    })
    await w.getByText(/Capture 1|Screenshot 1/).waitFor()
  }
  await button(page, /Continuer|Continue/).click()
  await w.getByRole('radio', { name: /^Oui$|^Yes$/ }).check()
  await button(page, /Continuer|Continue/).click()
  if (options.consent) await w.getByRole('checkbox', { name: options.consent }).check()
  await w.locator('#goodFaith').check()
  await button(page, /Continuer|Continue/).click()
  if (options.notify) {
    await w.locator('#notify').check()
    await w.locator('#notifyEmail').fill(options.notify)
  }
  await button(page, /Continuer|Continue/).click()
  await body(page).locator('dl.review').waitFor()
}
