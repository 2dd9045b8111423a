/**
 * From the intake route to the receivers: a report posted to `POST /v1/reports` is routed by
 * consent and profile, queued with it, delivered signed, and withdrawn everywhere it went.
 */
import { and, eq } from 'drizzle-orm'
import { Webhook } from 'standardwebhooks'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createSiteKey } from '../../src/admin/site-keys'
import { createHub, type HubApp } from '../../src/app'
import { timelineEvents } from '../../src/db/schema'
import {
  createTestDb,
  insertReceiver,
  PARTNER_ID,
  silentLogger,
  type TestDb,
  type TestReceiver,
} from './support/db'
import { engineFor } from './support/engine'
import { startReceiver, type TestServer } from './support/receiver-server'

const ORIGIN = 'https://partner.example'
let t: TestDb
let app: HubApp
let engine: ReturnType<typeof engineFor>
let siteKey: string
const servers: Record<string, TestServer> = {}
const receivers: Record<string, TestReceiver> = {}

beforeEach(async () => {
  t = await createTestDb()
  for (const name of ['federation', 'hotline', 'vendor']) servers[name] = await startReceiver()
  receivers.federation = await insertReceiver(t, servers.federation!.url, {
    kind: 'federation',
    profile: 'full',
  })
  receivers.hotline = await insertReceiver(t, servers.hotline!.url, {
    kind: 'trusted_flagger',
    profile: 'notice',
  })
  receivers.vendor = await insertReceiver(t, servers.vendor!.url, {
    kind: 'moderation_vendor',
    profile: 'content',
    filters: { platforms: ['instagram'] },
  })
  siteKey = (
    await t.write((tx) =>
      createSiteKey(
        tx,
        undefined,
        {
          partnerId: PARTNER_ID,
          allowedOrigins: [ORIGIN],
          requireChallenge: false,
          rateLimitPerMinute: 1000,
        },
        new Date(),
      ),
    )
  ).key
  engine = engineFor(t)
  app = createHub({ database: t, keyring: t.keyring, logger: silentLogger, engine })
})
afterEach(async () => {
  await engine.stop()
  for (const s of Object.values(servers)) await s.close()
  await t.cleanup()
})

async function submit(body: unknown) {
  const res = await app.request('/v1/reports', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN, 'safe-place-site-key': siteKey },
    body: JSON.stringify(body),
  })
  expect(res.status, await res.clone().text()).toBe(201)
  return (await res.json()) as { reference: string; receiptToken: string }
}

const consent = (receiverId: string) => ({
  receiverId,
  textVersion: '1',
  grantedAt: new Date().toISOString(),
})
const EMAIL = 'sacha.e2e.reporter@example.org'

describe('intake → routing → signed delivery', () => {
  it('sends each receiver its profile, only with consent, and the content profile nothing personal', async () => {
    const receipt = await submit({
      category: 'threat',
      what: { description: 'Il écrit qu’il viendra chez moi, tous les soirs.', ongoing: true },
      where: {
        platform: 'instagram',
        contentUrls: ['https://www.instagram.com/p/xyz/'],
        accounts: [{ handle: '@menace' }],
      },
      who: { role: 'target', targetAge: 'adult' },
      consents: [consent(receivers.federation!.id), consent(receivers.vendor!.id)],
      contact: { channel: 'email', value: EMAIL, name: 'Sacha' },
      goodFaith: true,
    })
    await engine.runOnce()
    const [fed] = servers.federation!.received
    const [vendor] = servers.vendor!.received
    expect(servers.hotline!.received).toHaveLength(0) // no consent for the hotline
    const fedEvent = new Webhook(receivers.federation!.secret).verify(
      fed!.body,
      fed!.headers as Record<string, string>,
    ) as {
      type: string
      data: { profile: string; report: { contact: { value: string } } }
    }
    expect(fedEvent).toMatchObject({
      type: 'report.created',
      data: {
        profile: 'full',
        report: { reference: receipt.reference, contact: { value: EMAIL } },
      },
    })
    new Webhook(receivers.vendor!.secret).verify(
      vendor!.body,
      vendor!.headers as Record<string, string>,
    )
    expect(JSON.parse(vendor!.body)).toMatchObject({
      data: { profile: 'content', content: { reference: receipt.reference } },
    })
    for (const personal of [EMAIL, 'Sacha', 'tous les soirs'])
      expect(vendor!.body).not.toContain(personal)

    const decisions = await t.db
      .select()
      .from(timelineEvents)
      .where(and(eq(timelineEvents.kind, 'routing')))
    expect(decisions.find((d) => d.receiverId === receivers.hotline!.id)).toMatchObject({
      decision: 'skip',
      reason: 'no_consent',
    })
    expect(decisions.filter((d) => d.decision === 'send')).toHaveLength(2)
    const delivered = await t.db
      .select()
      .from(timelineEvents)
      .where(eq(timelineEvents.kind, 'delivered'))
    expect(delivered.map((d) => d.receiverId).sort()).toEqual(
      [receivers.federation!.id, receivers.vendor!.id].sort(),
    )

    // Withdrawal: both receivers that got it are asked to erase.
    const withdrawn = await app.request(`/v1/reports/${receipt.reference}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${receipt.receiptToken}`, origin: ORIGIN },
    })
    expect(withdrawn.status).toBe(200)
    await engine.runOnce()
    for (const name of ['federation', 'vendor']) {
      const last = JSON.parse(servers[name]!.received.at(-1)!.body)
      expect(last).toMatchObject({
        type: 'report.withdrawn',
        data: { reference: receipt.reference, erase: true },
      })
    }
    expect(servers.hotline!.received).toHaveLength(0)
  })

  it('sends minor_sexual to the hotline only, even with every consent given', async () => {
    await submit({
      category: 'minor_sexual',
      where: { platform: 'instagram', contentUrls: ['https://www.instagram.com/p/abuse/'] },
      who: { role: 'witness', minorInvolved: true },
      consents: Object.values(receivers).map((r) => consent(r.id)),
      goodFaith: true,
    })
    await engine.runOnce()
    expect(servers.hotline!.received).toHaveLength(1)
    expect(servers.federation!.received).toHaveLength(0)
    expect(servers.vendor!.received).toHaveLength(0)
    expect(JSON.parse(servers.hotline!.received[0]!.body)).toMatchObject({
      data: { profile: 'notice', notice: { source: 'SOURCE_TRUSTED_FLAGGER' } },
    })
  })
})
