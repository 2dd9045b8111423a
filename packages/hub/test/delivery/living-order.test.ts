/**
 * The living report's deliveries, end to end through the real engine and real HTTP: for one
 * receiver a report's events arrive in order — `report.created`, `report.updated` ×2, then
 * `report.withdrawn` — each verified with the SDK, even when the receiver fails the first
 * update for a while: the later ones wait, and other reports flow meanwhile. A receiver the
 * person consents to later gets the whole report as it stands, once.
 */

import type { WebhookEvent } from '@safe-place/schemas'
import { verifyWebhookMessage } from '@safe-place/sdk/webhooks'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createSiteKey } from '../../src/admin/site-keys'
import { createHub, type HubApp } from '../../src/app'
import {
  createTestDb,
  insertReceiver,
  PARTNER_ID,
  silentLogger,
  type TestDb,
  type TestReceiver,
} from './support/db'
import { engineFor, waitFor } from './support/engine'
import { startReceiver, type TestServer } from './support/receiver-server'

const ORIGIN = 'https://partner.example'
let t: TestDb
let app: HubApp
let engine: ReturnType<typeof engineFor>
let siteKey: string
let federation: TestServer
let vendor: TestServer
let fed: TestReceiver
let ven: TestReceiver

/** What a receiver accepted (2xx), verified as a receiver would, in the order it accepted it. */
interface Accepted {
  reference: string | undefined
  event: WebhookEvent
  at: number
}

function acceptedBy(server: TestServer, receiver: TestReceiver, statuses: number[]): Accepted[] {
  return server.received.flatMap((request, i) => {
    if ((statuses[i] ?? 200) >= 300) return []
    const { event } = verifyWebhookMessage(
      request.body,
      request.headers as Record<string, string>,
      [receiver.secret],
    )
    const data = event.data as {
      reference?: string
      report?: { reference: string }
      content?: { reference: string }
    }
    return [
      {
        reference: data.reference ?? data.report?.reference ?? data.content?.reference,
        event,
        at: request.at,
      },
    ]
  })
}

const label = (a: Accepted) =>
  a.event.type === 'report.updated'
    ? `updated#${a.event.data.sequence}`
    : a.event.type.replace('report.', '')

beforeEach(async () => {
  t = await createTestDb()
  federation = await startReceiver()
  vendor = await startReceiver()
  fed = await insertReceiver(t, federation.url, { kind: 'federation', profile: 'full' })
  ven = await insertReceiver(t, vendor.url, { kind: 'moderation_vendor', profile: 'content' })
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
  // Retries come fast here; their order is what is under test, not their schedule.
  engine = engineFor(t, { retryScheduleMs: [0, 40, 40, 40, 40, 40, 40, 40], pollIntervalMs: 10 })
  app = createHub({ database: t, keyring: t.keyring, logger: silentLogger, engine })
  engine.start()
})
afterEach(async () => {
  await engine.stop()
  await federation.close()
  await vendor.close()
  await t.cleanup()
})

async function submit(consentTo: string[]) {
  const res = await app.request('/v1/reports', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN, 'safe-place-site-key': siteKey },
    body: JSON.stringify({
      category: 'harassment',
      what: { description: 'Des dizaines de comptes, tous les soirs.', ongoing: true, raid: true },
      where: { platform: 'instagram', contentUrls: ['https://www.instagram.com/p/first/'] },
      who: { role: 'target', targetAge: 'adult' },
      consents: consentTo.map((receiverId) => ({
        receiverId,
        textVersion: '1',
        grantedAt: new Date().toISOString(),
      })),
      goodFaith: true,
    }),
  })
  expect(res.status).toBe(201)
  return (await res.json()) as { reference: string; receiptToken: string }
}

function asPerson(
  receipt: { reference: string; receiptToken: string },
  path: string,
  method: string,
  body?: unknown,
) {
  return app.request(`/v1/reports/${receipt.reference}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${receipt.receiptToken}`,
      'content-type': 'application/json',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
}

describe('order per report, for one receiver', () => {
  it('created, updated ×2, withdrawn in order though the first update fails a while; other reports flow', async () => {
    const statuses: number[] = []
    let failures = 0
    federation.respond = (request, index, res) => {
      const body = JSON.parse(request.body) as { type: string; data: { sequence?: number } }
      const fail = body.type === 'report.updated' && body.data.sequence === 1 && failures < 4
      if (fail) failures++
      statuses[index] = fail ? 503 : 200
      res.writeHead(statuses[index]).end()
    }
    const first = await submit([fed.id])
    await waitFor(() => federation.received.length === 1)
    expect(
      (await asPerson(first, '/additions', 'POST', { what: { description: 'Encore un compte.' } }))
        .status,
    ).toBe(201)
    expect(
      (
        await asPerson(first, '/additions', 'POST', {
          where: { contentUrls: ['https://www.instagram.com/p/second/'] },
        })
      ).status,
    ).toBe(201)
    // While the first update fails, another report reaches the same receiver.
    await waitFor(() => failures >= 1)
    const other = await submit([fed.id])
    await waitFor(() =>
      acceptedBy(federation, fed, statuses).some((a) => a.reference === other.reference),
    )
    await waitFor(
      () =>
        acceptedBy(federation, fed, statuses).filter((a) => a.reference === first.reference)
          .length === 3,
    )
    expect((await asPerson(first, '', 'DELETE')).status).toBe(200)
    await waitFor(() =>
      acceptedBy(federation, fed, statuses).some(
        (a) => a.reference === first.reference && a.event.type === 'report.withdrawn',
      ),
    )

    const accepted = acceptedBy(federation, fed, statuses)
    const ofFirst = accepted.filter((a) => a.reference === first.reference)
    expect(ofFirst.map(label)).toEqual(['created', 'updated#1', 'updated#2', 'withdrawn'])
    expect(failures).toBe(4)
    // The second update was never even sent before the first was accepted.
    const firstUpdateOk = ofFirst[1]!.at
    const attemptsOfSecond = federation.received.filter(
      (r) => JSON.parse(r.body).data.sequence === 2,
    )
    expect(attemptsOfSecond.every((r) => r.at >= firstUpdateOk)).toBe(true)
    // The other report was not held up by the failing one.
    const otherCreated = accepted.find((a) => a.reference === other.reference)!
    expect(otherCreated.at).toBeLessThan(firstUpdateOk)
  })

  it('a receiver consented to later gets the whole report as it stands, once', async () => {
    const receipt = await submit([fed.id])
    await asPerson(receipt, '/additions', 'POST', {
      where: { contentUrls: ['https://www.instagram.com/p/added/'] },
    })
    await waitFor(() => federation.received.length === 2)
    const res = await asPerson(receipt, '/consents', 'POST', {
      consents: [{ receiverId: ven.id, textVersion: '1', grantedAt: new Date().toISOString() }],
    })
    expect(res.status).toBe(200)
    await waitFor(() => vendor.received.length === 1)
    const [got] = acceptedBy(vendor, ven, [])
    expect(got?.event.type).toBe('report.created')
    const data = got!.event.data as {
      profile: string
      content: { contentUrls: string[] }
      additions: { contentUrls: string[] }[]
    }
    expect(data.profile).toBe('content')
    expect(data.content.contentUrls).toEqual(['https://www.instagram.com/p/first/'])
    expect(data.additions.map((a) => a.contentUrls)).toEqual([
      ['https://www.instagram.com/p/added/'],
    ])
    // A second consent is refused, and the first receiver heard nothing of the new one.
    expect(
      (
        await asPerson(receipt, '/consents', 'POST', {
          consents: [{ receiverId: ven.id, textVersion: '1', grantedAt: new Date().toISOString() }],
        })
      ).status,
    ).toBe(409)
    await new Promise((r) => setTimeout(r, 150))
    expect(vendor.received).toHaveLength(1)
    expect(federation.received).toHaveLength(2)
  })
})
