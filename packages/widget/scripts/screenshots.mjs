#!/usr/bin/env node
// Screenshots of every step of the panel (fr and en, light and dark) in Debian's Chromium, into
// screenshots/. Run with `pnpm --filter @safe-place/widget screenshots` (tsx, so the test
// fake hub and host page are reused: the screenshots show exactly what the tests drive).
import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { launchChromium } from '@safe-place/test-chromium'
import { startFakeHub } from '../test/support/fake-hub.ts'
import setup from '../test/support/global-setup.ts'
import { startHostServer } from '../test/support/host-page.ts'

const out = fileURLToPath(new URL('../screenshots/', import.meta.url))
await mkdir(out, { recursive: true })
await setup()
const [browser, hub, host] = await Promise.all([
  launchChromium(),
  startFakeHub(),
  startHostServer(),
])

const next = (w, locale) =>
  w.getByRole('button', { name: locale === 'fr' ? 'Continuer' : 'Continue', exact: true }).click()

async function shoot(page, name) {
  const dialog = page.locator('safe-place-help dialog')
  await page.evaluate(() =>
    Promise.all(
      (document.querySelector('safe-place-help')?.shadowRoot?.getAnimations() ?? []).map(
        (a) => a.finished,
      ),
    ),
  )
  await page.locator('safe-place-help .body').evaluate((b) => b.scrollTo(0, 0))
  await dialog.screenshot({ path: `${out}${name}.png` })
  console.log(`screenshots/${name}.png`)
}

for (const locale of ['fr', 'en']) {
  for (const theme of ['light', 'dark']) {
    const tag = `${locale}-${theme}`
    const page = await browser.newPage({
      viewport: { width: 900, height: 820 },
      deviceScaleFactor: 1,
    })
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await page.goto(host.pageUrl({ hub: hub.url, locale, theme, lang: locale, country: 'FR' }))
    const w = page.locator('safe-place-help')
    await w.locator('button.launcher').click()
    await w.locator('.body h2').waitFor()
    await shoot(page, `home-${tag}`)
    await w.locator('.door.urgent').click()
    await shoot(page, `urgent-${tag}`)
    await w.locator('button.link').first().click()
    await w.locator('.door.help').click()
    await w.locator('.resource').first().waitFor()
    await shoot(page, `resources-${tag}`)
    await w.locator('button.link').first().click()
    await w.locator('.door.report').click()
    await shoot(page, `report-category-${tag}`)
    await w.getByRole('radio', { name: locale === 'fr' ? /^Menaces/ : /^Threats/ }).check()
    await next(w, locale)
    await w.locator('#platform').selectOption('instagram')
    await w.locator('#urls').fill('https://instagram.com/p/abc123')
    await w.locator('#accounts').fill('@attacker')
    await shoot(page, `report-where-${tag}`)
    await next(w, locale)
    await w
      .locator('#description')
      .fill(locale === 'fr' ? 'Des menaces depuis lundi.' : 'Threats since Monday.')
    await shoot(page, `report-what-${tag}`)
    await next(w, locale)
    await shoot(page, `report-evidence-${tag}`)
    await next(w, locale)
    await shoot(page, `report-who-${tag}`)
    await next(w, locale)
    await shoot(page, `report-sharing-${tag}`)
    await next(w, locale)
    await shoot(page, `report-contact-${tag}`)
    await next(w, locale)
    await shoot(page, `report-review-${tag}`)
    await w.locator('form button[type=submit]').click()
    await w.locator('#receipt-reference').waitFor()
    await shoot(page, `receipt-${tag}`)
    await w.locator('button.primary.wide').click()
    await w.locator('button.secondary.wide').click()
    await shoot(page, `follow-${tag}`)
    await page.close()
  }
}
await browser.close()
await Promise.all([hub.close(), host.close()])
