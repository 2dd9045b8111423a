/**
 * The reporter's follow view in Chromium, on a partner's page, against a real hub: a receiver
 * posts a full DSA decision, the view shows it as the hub's plain sentences in French and in
 * English (axe finds nothing), she contests it from the view — the federation gets
 * `report.contested`, verified with `@safe-place/sdk/webhooks` — and the ways that remain are
 * listed; she asks for e-mails and stops them.
 */
import { Receipt } from '@safe-place/schemas'
import { verifyWebhook } from '@safe-place/sdk/webhooks'
import { launchChromium } from '@safe-place/test-chromium'
import pino from 'pino'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiKey } from '../../src/admin/api-keys'
import { createSiteKey } from '../../src/admin/site-keys'
import { createDeliveryEngine, type DeliveryEngine } from '../../src/delivery/engine'
import { axe, startPartnerPage } from '../console/support/browser'
import { startReceiver, type TestServer } from '../delivery/support/receiver-server'
import {
  addReceiver,
  listen,
  makeTestHub,
  postReport,
  sampleReport,
  type TestHub,
} from '../support/test-hub'
import { postStatus } from './support'

const decision = {
  decision_visibility: ['DECISION_VISIBILITY_CONTENT_REMOVED'],
  decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
  incompatible_content_ground: 'Bullying and harassment',
  incompatible_content_explanation: 'Targets a private person.',
  automated_detection: 'No',
  automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
  territorial_scope: ['FR'],
  application_date: '2026-03-03',
  appeal_url: 'https://help.instagram.com/appeal',
}
const SENTENCE = {
  fr: 'Instagram a retiré la publication le 3 mars 2026, parce qu’elle est contraire à ses règles sur le harcèlement.',
  en: 'Instagram removed the content on 3 March 2026, because it breaks its rules on harassment.',
}

let hub: TestHub
let engine: DeliveryEngine
let federation: TestServer
let secret = ''
let server: { url: string; close(): Promise<void> }
let browser: Browser
let partner: { origin: string; close(): Promise<void> }
let siteKey = ''
let receipt: Receipt

beforeAll(async () => {
  hub = await makeTestHub({ mailer: { wake: () => undefined } })
  federation = await startReceiver()
  const receiver = await addReceiver(hub, { url: federation.url })
  secret = receiver.secret
  const key = await hub.handle.write((tx) =>
    createApiKey(tx, { name: 'fed', scope: 'receiver', receiverId: receiver.id }, new Date()),
  )
  engine = createDeliveryEngine({
    database: hub.handle,
    keyring: hub.keyring,
    logger: pino({ level: 'silent' }),
    ssrf: { allowHttp: true, allowCidrs: ['127.0.0.1/32'] },
    pollIntervalMs: 20,
  })
  const res = await postReport(
    hub,
    sampleReport({
      category: 'harassment',
      consents: [
        { receiverId: receiver.id, textVersion: '1', grantedAt: new Date().toISOString() },
      ],
    }),
  )
  receipt = Receipt.parse(await res.json())
  await engine.runOnce()
  expect(
    (await postStatus(hub, key.secret, receipt.reference, { status: 'action_taken', decision }))
      .status,
  ).toBe(200)
  ;[server, browser] = await Promise.all([listen(hub.app), launchChromium()])
  partner = await startPartnerPage(
    () => server.url,
    () => siteKey,
  )
  siteKey = (
    await hub.handle.write((tx) =>
      createSiteKey(
        tx,
        undefined,
        {
          partnerId: hub.partnerId,
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
  await Promise.all([server?.close(), partner?.close(), federation?.close()])
  await engine?.stop()
  await hub?.close()
})

async function follow(locale: 'fr' | 'en'): Promise<Page> {
  const page = await browser.newPage()
  await page.goto(`${partner.origin}/${locale}`)
  const w = page.locator('safe-place-help')
  await w.locator('button.launcher').click()
  await w
    .getByRole('button', { name: locale === 'fr' ? 'Suivre un signalement' : 'Follow a report' })
    .click()
  await w.locator('#reference').fill(receipt.reference)
  await w.locator('#token').fill(receipt.receiptToken)
  await w
    .getByRole('button', { name: locale === 'fr' ? 'Voir le suivi' : 'See the follow-up' })
    .click()
  await w.locator('.decision').waitFor({ timeout: 10_000 })
  return page
}

describe('the follow view, in Chromium', () => {
  for (const locale of ['fr', 'en'] as const) {
    it(`shows the decision in plain words (${locale}), with no accessibility violation`, async () => {
      const page = await follow(locale)
      const w = page.locator('safe-place-help')
      const text = (await w.locator('.decision').textContent()) ?? ''
      expect(text).toContain(SENTENCE[locale])
      expect(text).not.toMatch(/DECISION_|AUTOMATED_|_CONTENT/)
      expect(await axe(page)).toEqual([])
      await page.close()
    })
  }

  it('contests from the view: report.contested reaches the federation (SDK-verified), the ways are listed', async () => {
    const page = await follow('fr')
    const w = page.locator('safe-place-help')
    await w.locator('#contestReason').fill('Le compte a été recréé et continue.')
    await w.getByRole('button', { name: 'Contester la réponse' }).click()
    await expect.poll(() => w.locator('.ways li').count(), { timeout: 10_000 }).toBe(5)
    expect(await w.locator('.ways').textContent()).toContain(
      'Un organisme de règlement des litiges certifié',
    )
    expect(
      await w
        .getByRole('link', { name: 'Faire appel auprès de la plateforme' })
        .first()
        .getAttribute('href'),
    ).toBe(decision.appeal_url)
    expect(await axe(page)).toEqual([])
    await engine.runOnce()
    const delivered = federation.received.find((r) => r.body.includes('report.contested'))
    expect(delivered).toBeDefined()
    const headers = Object.fromEntries(
      Object.entries(delivered!.headers).map(([k, v]) => [k, String(v)]),
    )
    const event = verifyWebhook(delivered!.body, headers, secret)
    expect(event).toMatchObject({
      type: 'report.contested',
      data: {
        profile: 'full',
        reference: receipt.reference,
        status: 'action_taken',
        reason: 'Le compte a été recréé et continue.',
      },
    })
    // Asks for e-mails, then stops them.
    await w.locator('#notifyEmail').fill('moi@example.org')
    await w.getByRole('button', { name: 'Me prévenir' }).click()
    await w.locator('#notify-stop').waitFor()
    expect(await axe(page)).toEqual([])
    await w.locator('#notify-stop').click()
    await w.locator('#notify-start').waitFor()
    await page.close()
  })
})
