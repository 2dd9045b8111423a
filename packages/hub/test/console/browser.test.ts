/**
 * The console in Chromium against a real hub on 127.0.0.1: sign in, filter the inbox, open a
 * report, replay a failed delivery, change a status (and the reporter's follow view in the
 * widget shows it), the statistics chart and its rounded figures, an XSS payload shown as inert
 * text, a receiver that cannot see another receiver's reports, and axe-core on every console page.
 */

import { launchChromium } from '@safe-place/test-chromium'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSiteKey } from '../../src/admin/site-keys'
import { getReceiverRow } from '../../src/delivery/receivers-store'
import { PARTNER_ID } from '../delivery/support/db'
import { listen } from '../support/test-hub'
import { axe, buildConsole, startPartnerPage } from './support/browser'
import {
  type ConsoleHub,
  failing,
  healthy,
  makeConsoleHub,
  threat,
  XSS,
} from './support/console-hub'

let hub: ConsoleHub
let server: { url: string; close(): Promise<void> }
let browser: Browser
let partner: { origin: string; close(): Promise<void> }
let partnerSiteKey = ''
let xssReport: { reference: string; receiptToken: string }
let bReport: { reference: string; receiptToken: string }
let urgentReport: { reference: string; receiptToken: string }

beforeAll(async () => {
  const built = buildConsole()
  hub = await makeConsoleHub()
  xssReport = await threat(hub, [hub.receivers.a.id], { description: XSS })
  bReport = await threat(hub, [hub.receivers.b.id], { platform: 'tiktok' })
  urgentReport = await threat(hub, [hub.receivers.a.id], { urgent: true })
  // Enough reports in one month and category for the statistics to publish a number.
  for (let i = 0; i < 5; i++) await threat(hub, [hub.receivers.a.id], { platform: 'youtube' })
  failing(hub.servers.b)
  await hub.engine.runOnce()
  ;[server, browser] = await Promise.all([listen(hub.app), launchChromium(), built])
  partner = await startPartnerPage(
    () => server.url,
    () => partnerSiteKey,
  )
  partnerSiteKey = (
    await hub.t.write((tx) =>
      createSiteKey(
        tx,
        undefined,
        {
          partnerId: PARTNER_ID,
          allowedOrigins: [partner.origin],
          requireChallenge: false,
          rateLimitPerMinute: 1000,
        },
        new Date(),
      ),
    )
  ).key
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await Promise.all([server?.close(), partner?.close()])
  await hub?.close()
})

async function signIn(key: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext()
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    // The session check before sign-in answers 401 by design.
    if (m.type() === 'error' && !/status of 401/.test(m.text())) errors.push(m.text())
  })
  await page.goto(`${server.url}/console/`)
  await page.getByLabel(/Clé d’API/).fill(key)
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await page.getByRole('heading', { name: 'Signalements', level: 1 }).waitFor()
  ;(page as Page & { errors?: string[] }).errors = errors
  return { context, page }
}

const rows = (page: Page) => page.locator('sp-inbox tbody tr')
const references = async (page: Page) =>
  rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-reference')))

async function expectNoAxeViolation(page: Page, label: string): Promise<void> {
  await page.waitForTimeout(50)
  expect(await axe(page), label).toEqual([])
}

describe('console in Chromium', () => {
  it('serves the page under a strict CSP that forbids framing', async () => {
    const res = await fetch(`${server.url}/console/`)
    expect(res.status).toBe(200)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).toContain("frame-ancestors 'none'")
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(await res.text()).not.toMatch(/<script>|<script [^>]*>[^<]/)
  })

  it('signs in, lists urgent reports first, filters, and passes axe', async () => {
    const { context, page } = await signIn(hub.keys.operator)
    await expectNoAxeViolation(page, 'inbox')
    await expect.poll(() => rows(page).count()).toBe(8)
    expect((await references(page))[0]).toBe(urgentReport.reference)
    await page.getByLabel('Plateforme').selectOption('tiktok')
    await page.getByRole('button', { name: 'Filtrer' }).click()
    await expect.poll(() => references(page)).toEqual([bReport.reference])
    await page.getByLabel('Plateforme').selectOption('')
    await page.getByLabel('Urgence').selectOption('true')
    await page.getByRole('button', { name: 'Filtrer' }).click()
    await expect.poll(() => references(page)).toEqual([urgentReport.reference])
    // English too.
    await page.getByRole('button', { name: 'Switch to English' }).click()
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    await expectNoAxeViolation(page, 'inbox en')
    expect((page as Page & { errors?: string[] }).errors).toEqual([])
    await context.close()
  })

  it('opens a report and shows an XSS payload as inert text', async () => {
    const { context, page } = await signIn(hub.keys.operator)
    await page.getByRole('link', { name: xssReport.reference }).click()
    const description = page.locator('sp-report-detail [data-field="description"]')
    await description.waitFor()
    expect(await description.textContent()).toBe(XSS)
    expect(await description.locator('img, script').count()).toBe(0)
    expect(
      await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    ).toBeUndefined()
    await expectNoAxeViolation(page, 'report detail')
    await context.close()
  })

  it('replays a failed delivery', async () => {
    const { context, page } = await signIn(hub.keys.operator)
    await page.goto(`${server.url}/console/#/reports/${bReport.reference}`)
    const delivery = page.locator('sp-report-detail .delivery')
    await delivery.first().waitFor()
    expect(await delivery.first().textContent()).toContain('500')
    healthy(hub.servers.b)
    await page.getByRole('button', { name: 'Relancer' }).first().click()
    await page.getByText('Livraison relancée.').waitFor()
    await hub.engine.runOnce()
    await page.reload()
    await expect
      .poll(() => page.locator('sp-report-detail .delivery .badge').first().textContent())
      .toBe('Livré')
    await context.close()
  })

  it('changes a status, and the reporter’s follow view in the widget shows it', async () => {
    const { context, page } = await signIn(hub.keys.operator)
    await page.goto(`${server.url}/console/#/reports/${xssReport.reference}`)
    await page.getByLabel('Nouveau statut').selectOption('action_taken')
    await page.getByLabel('Contenu supprimé').check()
    await page
      .getByLabel(/Message pour la personne/)
      .fill('Le contenu a été retiré par la plateforme.')
    await page.getByRole('button', { name: 'Enregistrer le statut' }).click()
    await page.getByText(/Statut enregistré/).waitFor()
    await expect
      .poll(() => page.locator('sp-report-detail [data-field="status"]').textContent())
      .toBe('Mesure prise')
    await context.close()

    // The reporter, on a partner's page, follows the report in the widget.
    const reporter = await browser.newPage()
    await reporter.goto(`${partner.origin}/`)
    const w = reporter.locator('safe-place-help')
    await w.locator('button.launcher').click()
    await w.getByRole('button', { name: 'Suivre un signalement' }).click()
    await w.locator('#reference').fill(xssReport.reference)
    await w.locator('#token').fill(xssReport.receiptToken)
    await w.getByRole('button', { name: 'Voir le suivi' }).click()
    await expect
      .poll(() => w.locator('.timeline').textContent(), { timeout: 10_000 })
      .toContain('Le contenu a été retiré par la plateforme.')
    await reporter.close()
  })

  it('shows a platform’s decision in the reporter’s words and as its DSA fields, and passes axe', async () => {
    const posted = await hub.app.request(`/v1/reports/${urgentReport.reference}/status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${hub.keys.a}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        status: 'action_taken',
        decision: {
          decision_visibility: ['DECISION_VISIBILITY_CONTENT_DISABLED'],
          decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT',
          illegal_content_legal_ground: 'Code pénal, art. 222-17',
          illegal_content_explanation: 'Menaces de mort',
          automated_detection: 'No',
          automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
          territorial_scope: ['FR'],
          application_date: '2026-03-03',
        },
      }),
    })
    expect(posted.status).toBe(200)
    const { context, page } = await signIn(hub.keys.operator)
    await page.goto(`${server.url}/console/#/reports/${urgentReport.reference}`)
    const decision = page.locator('sp-report-detail [data-decision]')
    await decision.waitFor()
    expect(await decision.textContent()).toContain(
      'a bloqué l’accès à la publication le 3 mars 2026, parce qu’elle est illégale.',
    )
    await decision.getByText('Déclaration des motifs (champs DSA)').click()
    expect(await decision.textContent()).toContain('DECISION_GROUND_ILLEGAL_CONTENT')
    expect(await decision.textContent()).toContain('Code pénal, art. 222-17')
    await expectNoAxeViolation(page, 'report detail with a decision')
    await context.close()
  })

  it('renders the statistics chart with every figure rounded to a multiple of 5, and passes axe', async () => {
    const { context, page } = await signIn(hub.keys.operator)
    await page.getByRole('link', { name: 'Statistiques' }).click()
    const chart = page.locator('sp-stats svg.bar-chart')
    await chart.waitFor()
    expect(await chart.locator('g.bar').count()).toBeGreaterThan(0)
    // The page says the rule and the whole months it covers.
    expect(await page.locator('sp-stats h1 + p').textContent()).toContain(
      'arrondie à un multiple de 5',
    )
    const year = new Date().getUTCFullYear()
    expect(await page.locator('sp-stats [data-covered]').textContent()).toContain(
      `du ${year}-01-01`,
    )
    // 8 reports this month, 5 of them in one base cell: at least 5, and a multiple of 5.
    const total = Number(
      await page.locator('sp-stats [data-figure="reports"] strong').textContent(),
    )
    expect(total % 5).toBe(0)
    expect(total).toBeGreaterThanOrEqual(5)
    const cells = (await page.locator('sp-stats td').allTextContents()).map((c) => c.trim())
    for (const text of cells) expect(['1', '2', '3', '4']).not.toContain(text)
    for (const n of cells.filter((c) => /^\d+$/.test(c))) expect(Number(n) % 5, n).toBe(0)
    const csv = page.getByRole('link', { name: 'Exporter en CSV' })
    expect(await csv.getAttribute('href')).toMatch(/format=csv/)
    await expectNoAxeViolation(page, 'statistics')
    await context.close()
  })

  it('passes axe on sign-in, deliveries, receivers and partners', async () => {
    const page = await browser.newPage()
    await page.goto(`${server.url}/console/`)
    await page.getByRole('heading', { name: 'Connexion à la console' }).waitFor()
    await expectNoAxeViolation(page, 'sign-in')
    await page.close()
    const { context, page: op } = await signIn(hub.keys.operator)
    for (const [link, ready] of [
      ['Livraisons', 'sp-deliveries h1'],
      ['Destinataires', 'sp-receivers .receiver'],
      ['Partenaires', 'sp-partners .site-key'],
    ] as const) {
      await op.getByRole('link', { name: link, exact: true }).click()
      await op.locator(ready).first().waitFor()
      await expectNoAxeViolation(op, link)
    }
    await context.close()
  })

  it('lists failed deliveries and replays a receiver’s failures by time range', async () => {
    failing(hub.servers.b)
    const late = await threat(hub, [hub.receivers.b.id], { platform: 'x' })
    await hub.engine.runOnce()
    const { context, page } = await signIn(hub.keys.operator)
    await page.getByRole('link', { name: 'Livraisons', exact: true }).click()
    const view = page.locator('sp-deliveries')
    await view.locator('tbody tr', { hasText: late.reference }).waitFor()
    healthy(hub.servers.b)
    await view.locator('select[name="receiverId"]').selectOption(hub.receivers.b.id)
    await view.getByRole('button', { name: 'Relancer la période' }).click()
    await view.getByText('1 message(s) relancé(s).').waitFor()
    await hub.engine.runOnce()
    await page.reload()
    await view.getByText('Aucune livraison en échec.').waitFor()
    await context.close()
  })

  it('disables a receiver by keyboard, saying why, and enables it again', async () => {
    const { context, page } = await signIn(hub.keys.operator)
    await page.getByRole('link', { name: 'Destinataires', exact: true }).click()
    const card = page.locator(`sp-receivers [data-receiver="${hub.receivers.b.id}"]`)
    const open = card.getByRole('button', { name: 'Désactiver…' })
    await open.focus()
    await page.keyboard.press('Enter')
    expect(await open.getAttribute('aria-expanded')).toBe('true')
    // Focus moved into the form: typing fills the reason.
    await page.keyboard.type('Maintenance du serveur')
    const reason = card.getByLabel('Raison (visible des autres opérateurs)')
    expect(await reason.inputValue()).toBe('Maintenance du serveur')
    await expectNoAxeViolation(page, 'receiver disable form')
    await page.keyboard.press('Enter')
    await page
      .getByText('Destinataire désactivé : rien ne lui est envoyé avant sa réactivation.')
      .waitFor()
    await card.getByText('Désactivé : Maintenance du serveur').waitFor()
    expect(await getReceiverRow(hub.t.db, hub.receivers.b.id)).toMatchObject({
      enabled: false,
      disabledReason: 'Maintenance du serveur',
    })
    await card.getByRole('button', { name: 'Réactiver' }).click()
    await card.getByRole('button', { name: 'Désactiver…' }).waitFor()
    expect((await getReceiverRow(hub.t.db, hub.receivers.b.id))?.enabled).toBe(true)
    await context.close()
  })

  it('adds a partner and a site key, changes its origins and revokes it', async () => {
    const { context, page } = await signIn(hub.keys.operator)
    await page.getByRole('link', { name: 'Partenaires', exact: true }).click()
    const view = page.locator('sp-partners')
    await view.getByLabel('Nom').fill('Agence <b>Console</b>')
    await view.getByLabel('Type').selectOption('agency')
    await view.getByRole('button', { name: 'Ajouter le partenaire' }).click()
    const section = view.locator('section', { hasText: 'Agence <b>Console</b>' })
    await section.waitFor()
    await view.locator('select[name="partnerId"]').selectOption({ label: 'Agence <b>Console</b>' })
    await view.getByLabel('Libellé').fill('Site vitrine')
    await view
      .locator('form', { hasText: 'Créer la clé' })
      .getByLabel(/Origines autorisées/)
      .fill('https://agence.example')
    await view.getByRole('button', { name: 'Créer la clé' }).click()
    const key = section.locator('.site-key')
    await key.waitFor()
    await key
      .getByLabel(/Origines autorisées/)
      .fill('https://agence.example\nhttps://www.agence.example')
    await key.getByRole('button', { name: 'Enregistrer les origines' }).click()
    await expect
      .poll(() => key.getByLabel(/Origines autorisées/).inputValue())
      .toBe('https://agence.example\nhttps://www.agence.example')
    await key.getByRole('button', { name: 'Révoquer' }).click()
    await expect.poll(() => key.textContent()).toMatch(/Révoquée le/)
    await expectNoAxeViolation(page, 'partners after changes')
    await context.close()
  })

  it('shows receiver A only its own reports, never B’s', async () => {
    const { context, page } = await signIn(hub.keys.a)
    await expect.poll(() => rows(page).count()).toBe(7)
    const refs = await references(page)
    expect(refs).not.toContain(bReport.reference)
    expect(refs).toContain(xssReport.reference)
    expect(await page.getByRole('link', { name: 'Statistiques' }).count()).toBe(0)
    await page.goto(`${server.url}/console/#/reports/${bReport.reference}`)
    await page.locator('sp-report-detail [role="alert"]').waitFor()
    expect(await page.locator('sp-report-detail').textContent()).not.toContain('tiktok')
    // What A was sent, as text.
    await page.goto(`${server.url}/console/#/reports/${xssReport.reference}`)
    await page.locator('sp-report-detail .received').waitFor()
    expect(await page.locator('sp-report-detail .received img').count()).toBe(0)
    await expectNoAxeViolation(page, 'receiver detail')
    // Signing out ends the session.
    await page.getByRole('button', { name: 'Se déconnecter' }).click()
    await page.getByRole('heading', { name: 'Connexion à la console' }).waitFor()
    await context.close()
  })
})
