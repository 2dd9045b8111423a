/**
 * The desk in Chromium, keyboard only, against a real hub: a raid of reports about one creator
 * is one row of the queue; take the case, add an internal note, set the raid's reports
 * `in_review` in one go, then open a report and reveal its hidden screenshot and hide it again
 * — axe-core on every page on the way. With `CONSOLE_SCREENSHOTS_DIR` set, the walk is saved
 * there as numbered PNG files.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { launchChromium } from '@safe-place/test-chromium'
import { eq } from 'drizzle-orm'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiKey } from '../../src/admin/api-keys'
import { createCaseGrouper } from '../../src/cases/grouper'
import { CaseSettings } from '../../src/cases/settings'
import { caseNotes, cases, reports } from '../../src/db/schema'
import { silentLogger } from '../delivery/support/db'
import { listen } from '../support/test-hub'
import { axe, buildConsole } from './support/browser'
import { type ConsoleHub, makeConsoleHub } from './support/console-hub'
import { tabTo } from './support/keyboard'
import { threatScreenshot } from './support/screenshot-image'

const RAID = 24
const CREATOR = '@lea_creatrice_raid'
const NOTE = 'Appelée à 14 h : elle est en sécurité, plainte prévue demain. zq_desk_note_71'
const shots = process.env.CONSOLE_SCREENSHOTS_DIR

let hub: ConsoleHub
let server: { url: string; close(): Promise<void> }
let browser: Browser
let withScreenshot = ''
let step = 0

/** Saves the viewport, or one part of the page, when screenshots are asked for. */
async function shot(page: Page, name: string, part?: Locator): Promise<void> {
  if (!shots) return
  mkdirSync(shots, { recursive: true })
  step++
  const path = join(shots, `${String(step).padStart(2, '0')}-${name}.png`)
  if (part) await part.screenshot({ path })
  else await page.screenshot({ path })
}

const raidReport = (i: number) => ({
  category: 'harassment',
  what: { description: `Message ${i} de la vague contre elle`, ongoing: true, raid: true },
  where: {
    platform: 'instagram',
    contentUrls: [`https://www.instagram.com/p/raidpost${i}/`],
    accounts: [{ handle: `@raid_account_${i}` }],
  },
  who: { role: 'witness', targetHandle: i % 2 ? CREATOR : CREATOR.toUpperCase().replace('@', '') },
})

beforeAll(async () => {
  const built = buildConsole()
  hub = await makeConsoleHub()
  const consent = [hub.consent(hub.receivers.a.id)]
  for (let i = 0; i < RAID; i++) await hub.submit({ ...raidReport(i), consents: consent })
  // One more of the raid, with a screenshot.
  const form = new FormData()
  form.append('report', JSON.stringify({ ...raidReport(99), goodFaith: true, consents: consent }))
  form.append('attachments', new Blob([new Uint8Array(await threatScreenshot())]), 'capture.png')
  const res = await hub.app.request('/v1/reports', {
    method: 'POST',
    headers: { origin: 'https://partner.example', 'safe-place-site-key': hub.siteKey },
    body: form,
  })
  expect(res.status).toBe(201)
  withScreenshot = ((await res.json()) as { reference: string }).reference
  // Unrelated: another creator, another stalker.
  await hub.submit({
    category: 'doxxing',
    where: {
      platform: 'tiktok',
      contentUrls: ['https://www.tiktok.com/@other/video/1'],
      accounts: [],
    },
    who: { role: 'target', targetHandle: '@autre_personne' },
    consents: consent,
  })
  await hub.submit({
    category: 'threat',
    urgency: { immediateDanger: true },
    where: { platform: 'x', contentUrls: [], accounts: [{ handle: '@stalker_x' }] },
    who: { role: 'target' },
    consents: consent,
  })
  // A colleague the case can be handed to.
  await hub.t.write((tx) =>
    createApiKey(tx, { name: 'Nadia (fédération)', scope: 'operator' }, new Date()),
  )
  await createCaseGrouper({
    database: hub.t,
    keyring: hub.t.keyring,
    settings: CaseSettings.parse({}),
    logger: silentLogger,
  }).runOnce()
  await hub.engine.runOnce()
  ;[server, browser] = await Promise.all([listen(hub.app), launchChromium(), built])
}, 90_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  await hub?.close()
})

async function expectNoAxeViolation(page: Page, label: string): Promise<void> {
  await page.waitForTimeout(50)
  expect(await axe(page), label).toEqual([])
}

/** Signs in with the keyboard alone: Tab to the key field, type, Enter. */
async function signIn(page: Page): Promise<void> {
  await page.goto(`${server.url}/console/`)
  await tabTo(page, page.getByLabel(/Clé d’API/))
  await page.keyboard.type(hub.keys.operator)
  await page.keyboard.press('Enter')
  await page.getByRole('heading', { name: 'Signalements', level: 1 }).waitFor()
}

describe('the desk in Chromium, keyboard only', () => {
  it('takes the raid’s case, adds an internal note, sets its reports in_review, reveals and hides a screenshot', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    const imageRequests: string[] = []
    page.on('request', (r) => {
      if (r.url().includes('/v1/console/attachments/')) imageRequests.push(r.url())
    })
    await signIn(page)

    // The queue: the raid is one row, flagged; the unrelated reports are their own cases.
    await tabTo(page, page.getByRole('link', { name: 'Dossiers', exact: true }))
    await page.keyboard.press('Enter')
    const desk = page.locator('sp-desk')
    await desk.getByRole('heading', { name: 'Dossiers à traiter', level: 1 }).waitFor()
    expect(await desk.getByLabel('État du dossier').inputValue()).toBe('open')
    const rows = desk.locator('tbody tr')
    await expect.poll(() => rows.count()).toBe(3)
    const raidRow = rows.filter({ hasText: 'Attaque coordonnée' })
    expect(await raidRow.count()).toBe(1)
    expect(await raidRow.locator('td').nth(3).textContent()).toBe(String(RAID + 1))
    // Urgent first: the immediate-danger threat heads the queue.
    expect(await rows.first().locator('.badge.urgent').count()).toBeGreaterThan(0)
    const caseRef = (await raidRow.getAttribute('data-case'))!
    await expectNoAxeViolation(page, 'desk')
    await shot(page, 'desk-queue')

    // Take it.
    await tabTo(page, desk.getByRole('button', { name: `Prendre le dossier ${caseRef}` }))
    await page.keyboard.press('Enter')
    await desk.getByText(`Dossier ${caseRef} pris en charge.`).waitFor()
    const [taken] = await hub.t.db.select().from(cases).where(eq(cases.reference, caseRef))
    expect(taken?.assigneeKeyId).toMatch(/^key_/)

    // Open the case page.
    await tabTo(page, desk.getByRole('link', { name: caseRef }))
    await page.keyboard.press('Enter')
    const view = page.locator('sp-case-detail')
    await view.getByRole('heading', { name: `Dossier ${caseRef}`, level: 1 }).waitFor()
    expect(await view.locator('[data-field="assignee"]').textContent()).toBe('ops')
    expect(await view.locator('[data-field="raid"]').count()).toBe(1)
    await expectNoAxeViolation(page, 'case page')

    // An internal note, in its own section, apart from the message for the reporter.
    await tabTo(page, view.getByLabel('Note interne (réservée à l’équipe)'))
    await page.keyboard.type(NOTE)
    await tabTo(page, view.getByRole('button', { name: 'Ajouter la note interne' }))
    await page.keyboard.press('Enter')
    await view.getByText('Note interne ajoutée.').waitFor()
    const notes = view.locator('section.internal')
    expect(await notes.textContent()).toContain(NOTE)
    expect(await hub.t.db.select().from(caseNotes)).toHaveLength(1)

    // Every report of the raid in_review at once.
    await tabTo(page, view.getByLabel('Nouveau statut'))
    await page.keyboard.press('ArrowDown')
    expect(await view.getByLabel('Nouveau statut').inputValue()).toBe('in_review')
    await tabTo(page, view.getByRole('button', { name: 'Appliquer à tous les signalements' }))
    await page.keyboard.press('Enter')
    await view.getByText(`${RAID + 1} signalement(s) mis à jour, 0 inchangé(s).`).waitFor()
    const statuses = await hub.t.db
      .select({ status: reports.status })
      .from(reports)
      .where(eq(reports.category, 'harassment'))
    expect(statuses.map((s) => s.status)).toEqual(Array(RAID + 1).fill('in_review'))
    await view.locator('tbody [data-field="status"]').first().waitFor()
    expect(new Set(await view.locator('tbody [data-field="status"]').allTextContents())).toEqual(
      new Set(['En cours d’examen']),
    )
    await expectNoAxeViolation(page, 'case page after changes')
    await page.evaluate(() => window.scrollTo(0, 0))
    await shot(page, 'case-page')
    await shot(page, 'case-reports', view.locator('section[aria-labelledby="reports-title"]'))
    await shot(
      page,
      'case-merged-timeline',
      view.locator('section[aria-labelledby="case-timeline-title"]'),
    )

    // Open the report with a screenshot: hidden (a blurred preview), the picture not fetched.
    await tabTo(page, view.getByRole('link', { name: withScreenshot }).first())
    await page.keyboard.press('Enter')
    const report = page.locator('sp-report-detail')
    const frame = report.locator('sp-screenshot .frame')
    await frame.waitFor()
    expect(await frame.getAttribute('data-state')).toBe('hidden')
    const full = () => imageRequests.filter((u) => !u.includes('variant=preview'))
    expect(full()).toEqual([])
    expect(imageRequests.some((u) => u.includes('variant=preview'))).toBe(true)
    await expectNoAxeViolation(page, 'report with a hidden screenshot')
    const images = report.locator('section[aria-labelledby="images-title"]')
    await shot(page, 'screenshot-hidden', images)

    // Reveal it, then hide it again.
    const reveal = report.getByRole('button', { name: 'Afficher l’image 1' })
    await tabTo(page, reveal)
    await page.keyboard.press('Enter')
    const image = report.getByRole('img', { name: 'Capture d’écran 1 du signalement' })
    await image.waitFor()
    await expect
      .poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBe(480)
    expect(await frame.getAttribute('data-state')).toBe('revealed')
    expect(full()).toHaveLength(1)
    await expectNoAxeViolation(page, 'report with a revealed screenshot')
    await shot(page, 'screenshot-revealed', images)
    const hide = report.getByRole('button', { name: 'Masquer l’image 1' })
    expect(await hide.getAttribute('aria-pressed')).toBe('true')
    await page.keyboard.press('Enter')
    await report.getByRole('button', { name: 'Afficher l’image 1' }).waitFor()
    expect(await frame.getAttribute('data-state')).toBe('hidden')
    expect(await image.count()).toBe(0)
    await shot(page, 'screenshot-hidden-again', images)

    // Revealed, then the page is left: it is hidden again on the way back.
    await page.keyboard.press('Enter')
    await image.waitFor()
    await tabTo(page, report.getByRole('link', { name: 'Retour aux signalements' }), { back: true })
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'Signalements', level: 1 }).waitFor()
    await page.evaluate(() => history.back())
    await report.locator('sp-screenshot .frame').waitFor()
    expect(await report.locator('sp-screenshot .frame').getAttribute('data-state')).toBe('hidden')
    expect(errors).toEqual([])
    await context.close()
  }, 120_000)

  it('keeps the media preference per operator on the hub, and hides even the preview when asked', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const previews: string[] = []
    page.on('request', (r) => {
      if (r.url().includes('variant=preview')) previews.push(r.url())
    })
    await signIn(page)
    await tabTo(page, page.getByRole('link', { name: 'Préférences', exact: true }))
    await page.keyboard.press('Enter')
    const prefs = page.locator('sp-preferences')
    await tabTo(page, prefs.getByLabel(/Floutées et en noir et blanc/))
    // Arrow keys move within a radio group.
    await page.keyboard.press('ArrowDown')
    expect(await prefs.getByLabel(/Masquées entièrement/).isChecked()).toBe(true)
    await tabTo(page, prefs.getByRole('button', { name: 'Enregistrer' }))
    await page.keyboard.press('Enter')
    await prefs.getByText('Préférences enregistrées.').waitFor()
    await expectNoAxeViolation(page, 'preferences')
    await page.goto(`${server.url}/console/#/reports/${withScreenshot}`)
    const frame = page.locator('sp-report-detail sp-screenshot .frame')
    await frame.waitFor()
    await expect
      .poll(() => page.locator('sp-report-detail sp-screenshot').getAttribute('mode'))
      .toBe('hidden')
    expect(await frame.locator('img').count()).toBe(0)
    expect(previews).toEqual([])
    // The desk and the case page in English, keyboard only, pass axe too.
    await tabTo(page, page.getByRole('button', { name: 'Switch to English' }), { back: true })
    await page.keyboard.press('Enter')
    await page.goto(`${server.url}/console/#/desk`)
    await page.getByRole('heading', { name: 'Cases to handle', level: 1 }).waitFor()
    await expectNoAxeViolation(page, 'desk in English')
    await tabTo(page, page.locator('sp-desk tbody a').last())
    await page.keyboard.press('Enter')
    await page.locator('sp-case-detail h2', { hasText: 'Internal notes' }).waitFor()
    await expectNoAxeViolation(page, 'case page in English')
    // The console keeps no copy of it: nothing in web storage but the language.
    const stored = await page.evaluate(() =>
      Object.keys(localStorage).concat(Object.keys(sessionStorage)),
    )
    expect(stored.filter((k) => k !== 'safe-place-console-locale')).toEqual([])
    await context.close()
  })
})
