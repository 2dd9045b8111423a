/**
 * The newcomer's path, end to end, on what `pnpm start` runs: the partner page on its own
 * origin → the panel → a report shared with two of the three receivers → each of the two
 * verifies a delivery cut to its profile, the third hears nothing → the trusted flagger acts,
 * passing on the platform's decision → the follow view says so in French, in plain words →
 * the reporter, who asked to be told by e-mail, gets one neutral mail → she contests the
 * decision from the follow view: the federation verifies `report.contested` and she sees the
 * ways that remain → withdrawal reaches both.
 */
import { type RunningDemo, startDemo } from '@safe-place/demo'
import type { WebhookEvent } from '@safe-place/sdk/webhooks'
import { launchChromium } from '@safe-place/test-chromium'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { panelIn, sendThreatReport } from '../support/panel'
import { tempDir } from '../support/temp-dir'

const DESCRIPTION = 'Il publie mon adresse et menace de venir chez moi, compte zq_e2e_handle_31.'
const EMAIL = 'creatrice.e2e.3141@example.org'
const NOTIFY = 'nouvelles.e2e.2718@example.org'
const REASON = 'Le compte zq_e2e_handle_31 a republié la menace.'

const dir = tempDir('safe-place-e2e-')
let demo: RunningDemo
let browser: Browser
let page: Page
const requestedOrigins = new Set<string>()

beforeAll(async () => {
  demo = await startDemo({
    dataDir: dir.path,
    hubPort: 0,
    pagePort: 0,
    receiverPorts: { federation: 0, trusted_flagger: 0, moderation_vendor: 0, operations: 0 },
    mailPort: 0,
    log: () => {},
    hubLogLevel: 'error',
  })
  browser = await launchChromium()
  const context = await browser.newContext({ locale: 'fr-FR' })
  page = await context.newPage()
  page.on('request', (request) => requestedOrigins.add(new URL(request.url()).origin))
})

afterAll(async () => {
  await browser?.close()
  await demo?.close()
  dir.remove()
})

async function sendReport(): Promise<{ reference: string; token: string }> {
  await page.goto(demo.pageUrl)
  const panel = panelIn(page)
  await panel.open()
  // Two of the three receivers, by the names the reporter reads; the vendor left unticked.
  const sent = await sendThreatReport(panel, {
    description: DESCRIPTION,
    contentUrl: 'https://www.instagram.com/p/e2eThreat31/',
    account: '@zq_e2e_handle_31',
    consentTo: [/La fédération des créatrices/, /Le signaleur de confiance/],
    leaveUnticked: [/Le filtre de commentaires/],
    email: EMAIL,
    notify: NOTIFY,
  })
  expect(await panel.heading()).toBe('Signalement envoyé')
  return sent
}

async function follow(reference: string, token: string): Promise<void> {
  await page.goto(demo.pageUrl)
  const { open, root, button } = panelIn(page)
  await open()
  await button('Suivre un signalement').click()
  await root.locator('#reference').fill(reference)
  await root.locator('#token').fill(token)
  await button('Voir le suivi').click()
}

const createdFor = (reference: string) => (event: WebhookEvent) =>
  event.type === 'report.created' && JSON.stringify(event.data).includes(reference)

describe('the demo, end to end in Chromium', () => {
  let reference = ''
  let token = ''

  it('the panel on the partner page sends a report shared with two receivers', async () => {
    ;({ reference, token } = await sendReport())
    expect(reference).toMatch(/^SP-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    expect(token).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/)
    // The page is on another origin than the hub, and the panel talks to the hub only.
    expect(new URL(demo.pageUrl).origin).not.toBe(new URL(demo.hubUrl).origin)
    expect([...requestedOrigins].sort()).toEqual(
      [new URL(demo.pageUrl).origin, new URL(demo.hubUrl).origin].sort(),
    )
  })

  it('each consented receiver verifies a delivery cut to its profile; the third gets nothing', async () => {
    const { federation, trusted_flagger: flagger, moderation_vendor: vendor } = demo.receivers
    const full = await federation.waitForEvent(createdFor(reference), 5000)
    const notice = await flagger.waitForEvent(createdFor(reference), 5000)

    expect(full.event.type === 'report.created' && full.event.data.profile).toBe('full')
    const fullBody = JSON.stringify(full.event.data)
    expect(fullBody).toContain(DESCRIPTION)
    expect(fullBody).toContain(EMAIL)

    expect(notice.event.type === 'report.created' && notice.event.data).toMatchObject({
      profile: 'notice',
      notice: {
        reference,
        category: 'threat',
        platform: 'instagram',
        contentUrls: ['https://www.instagram.com/p/e2eThreat31/'],
        explanation: DESCRIPTION,
        // Art. 16 (c): the notifier, because the reporter chose this receiver and gave an email.
        notifier: { email: EMAIL },
        goodFaith: true,
      },
    })
    // A notice and nothing more: not the whole report.
    expect(notice.event.data).not.toHaveProperty('report')

    // Deliveries are fast; give the vendor more than enough time to (wrongly) get one.
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(vendor.events).toHaveLength(0)
  })

  it('the trusted flagger acts, and the follow view says so in French', async () => {
    await demo.receivers.trusted_flagger.act(reference)
    // The federation hears about it; the flagger, who acted, does not hear its own update.
    await demo.receivers.federation.waitForEvent(
      (e) => e.type === 'report.status_changed' && e.data.status === 'action_taken',
      5000,
    )
    await follow(reference, token)
    const { root } = panelIn(page)
    const status = root.locator('.status-now')
    await expect
      .poll(() => status.textContent(), { timeout: 10_000 })
      .toContain('une action a été menée')
    expect(await root.locator('.timeline').textContent()).toContain('Le contenu a été retiré.')
    // The platform's decision, as the trusted flagger passed it on, in plain words.
    const day = new Intl.DateTimeFormat('fr-FR', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date())
    expect(await root.locator('.decision').textContent()).toContain(
      `Instagram a retiré la publication le ${day}, parce qu’elle est contraire à ses règles sur les menaces.`,
    )
  })

  it('she asked to be told: one neutral mail, with nothing of the report in it', async () => {
    const mail = await demo.mailbox.waitForMail((m) => m.to.includes(NOTIFY), 10_000)
    expect(mail.subject).toBe('Du nouveau sur votre signalement')
    expect(mail.text).toContain('Ouvrez-le avec votre référence et votre code')
    for (const value of [
      reference,
      token,
      DESCRIPTION,
      EMAIL,
      'zq_e2e_handle_31',
      'instagram',
      'http',
    ]) {
      expect(mail.raw, value).not.toContain(value)
    }
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect(demo.mailbox.mails.filter((m) => m.to.includes(NOTIFY))).toHaveLength(1)
  })

  it('she contests the decision: the federation verifies report.contested, she sees the ways left', async () => {
    const { root, button } = panelIn(page)
    await root.locator('#contestReason').fill(REASON)
    await button('Contester la réponse').click()
    await expect.poll(() => root.locator('.ways li').count(), { timeout: 10_000 }).toBe(5)
    expect(await root.locator('.ways').textContent()).toContain('Signaler à PHAROS')
    const contested = await demo.receivers.federation.waitForEvent(
      (e) => e.type === 'report.contested' && e.data.reference === reference,
      5000,
    )
    expect(contested.event.type === 'report.contested' && contested.event.data).toMatchObject({
      profile: 'full',
      status: 'action_taken',
      reason: REASON,
    })
    // The trusted flagger she consented to hears it too; the vendor, nothing at all.
    await demo.receivers.trusted_flagger.waitForEvent((e) => e.type === 'report.contested', 5000)
    expect(demo.receivers.moderation_vendor.events).toHaveLength(0)
  })

  it('withdrawal erases the report and tells both receivers', async () => {
    const { root, button } = panelIn(page)
    await button('Retirer mon signalement').click()
    await button('Oui, retirer et effacer').click()
    await expect
      .poll(() => root.locator('.status-now').textContent(), { timeout: 10_000 })
      .toContain('retiré')
    const withdrawn = (e: WebhookEvent) =>
      e.type === 'report.withdrawn' && e.data.reference === reference
    const a = await demo.receivers.federation.waitForEvent(withdrawn, 5000)
    const b = await demo.receivers.trusted_flagger.waitForEvent(withdrawn, 5000)
    expect(a.event.type === 'report.withdrawn' && a.event.data.erase).toBe(true)
    expect(b.event.type === 'report.withdrawn' && b.event.data.profile).toBe('notice')
    expect(demo.receivers.moderation_vendor.events).toHaveLength(0)
  })
})
