import { Receipt } from '@safe-place/schemas'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTestHub, postReport, sampleReport, type TestHub } from './support/test-hub'

let hub: TestHub
beforeEach(async () => {
  hub = await makeTestHub()
})
afterEach(() => hub.close())

async function admin(path: string, key: string, init: RequestInit = {}) {
  return hub.app.request(path, {
    ...init,
    headers: {
      authorization: `Bearer ${key}`,
      'content-type': 'application/json',
      ...init.headers,
    },
  })
}

describe('operator API and tenancy', () => {
  it('creates partners, site keys and partner keys; partners see only their own reports', async () => {
    const receiptA = Receipt.parse(await (await postReport(hub, sampleReport())).json())

    const partnerB = (await (
      await admin('/v1/admin/partners', hub.operatorKey, {
        method: 'POST',
        body: JSON.stringify({ name: 'Agency B', kind: 'agency' }),
      })
    ).json()) as { id: string }
    const siteB = await admin('/v1/admin/site-keys', hub.operatorKey, {
      method: 'POST',
      body: JSON.stringify({ partnerId: partnerB.id, allowedOrigins: ['https://b.example'] }),
    })
    expect(siteB.status).toBe(201)
    const siteKeyB = ((await siteB.json()) as { key: string }).key
    const keyRes = await admin('/v1/admin/api-keys', hub.operatorKey, {
      method: 'POST',
      body: JSON.stringify({ name: 'B', scope: 'partner', partnerId: partnerB.id }),
    })
    expect(keyRes.status).toBe(201)
    const keyB = ((await keyRes.json()) as { secret: string }).secret

    const reportB = await hub.app.request('/v1/reports', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'safe-place-site-key': siteKeyB },
      body: JSON.stringify(sampleReport({ category: 'harassment' })),
    })
    const receiptB = Receipt.parse(await reportB.json())

    // B sees its report, not A's.
    const list = (await (await admin('/v1/admin/reports', keyB)).json()) as {
      items: { reference: string }[]
    }
    expect(list.items.map((i) => i.reference)).toEqual([receiptB.reference])
    expect((await admin(`/v1/admin/reports/${receiptA.reference}`, keyB)).status).toBe(404)
    const own = (await (await admin(`/v1/admin/reports/${receiptB.reference}`, keyB)).json()) as {
      report: unknown
      timeline: unknown[]
    }
    expect(own.report).toBeNull()
    expect(own.timeline.length).toBeGreaterThan(0)

    // B may not create partners, API keys, or read A's site keys.
    expect(
      (
        await admin('/v1/admin/partners', keyB, {
          method: 'POST',
          body: JSON.stringify({ name: 'x', kind: 'brand' }),
        })
      ).status,
    ).toBe(403)
    expect((await admin('/v1/admin/api-keys', keyB)).status).toBe(403)
    const keysOfB = (await (await admin('/v1/admin/site-keys', keyB)).json()) as {
      items: { partnerId: string }[]
    }
    expect(keysOfB.items.every((k) => k.partnerId === partnerB.id)).toBe(true)
    const siteOfA = (await (await admin('/v1/admin/site-keys', hub.operatorKey)).json()) as {
      items: { id: string; partnerId: string }[]
    }
    const aKey = siteOfA.items.find((k) => k.partnerId === hub.partnerId)!
    expect((await admin(`/v1/admin/site-keys/${aKey.id}`, keyB, { method: 'DELETE' })).status).toBe(
      404,
    )
    expect(
      (
        await admin('/v1/admin/site-keys', keyB, {
          method: 'POST',
          body: JSON.stringify({
            partnerId: hub.partnerId,
            allowedOrigins: ['https://evil.example'],
          }),
        })
      ).status,
    ).toBe(404)

    // The operator sees both, filtered and paginated.
    const all = (await (await admin('/v1/admin/reports?limit=1', hub.operatorKey)).json()) as {
      items: { reference: string }[]
      nextCursor: string
    }
    expect(all.items).toHaveLength(1)
    const next = (await (
      await admin(`/v1/admin/reports?limit=1&cursor=${all.nextCursor}`, hub.operatorKey)
    ).json()) as { items: { reference: string }[]; nextCursor: string | null }
    expect(next.items).toHaveLength(1)
    expect(next.nextCursor).toBeNull()
    expect(new Set([...all.items, ...next.items].map((i) => i.reference)).size).toBe(2)
    const threats = (await (
      await admin('/v1/admin/reports?category=threat', hub.operatorKey)
    ).json()) as {
      items: { reference: string }[]
    }
    expect(threats.items.map((i) => i.reference)).toEqual([receiptA.reference])
  })

  it('refuses missing, unknown and revoked keys', async () => {
    expect((await hub.app.request('/v1/admin/reports')).status).toBe(401)
    expect((await admin('/v1/admin/reports', 'sk_live_nope')).status).toBe(401)
    const created = (await (
      await admin('/v1/admin/api-keys', hub.operatorKey, {
        method: 'POST',
        body: JSON.stringify({ name: 'tmp', scope: 'operator' }),
      })
    ).json()) as { id: string; secret: string }
    expect((await admin('/v1/admin/reports', created.secret)).status).toBe(200)
    expect(
      (await admin(`/v1/admin/api-keys/${created.id}`, hub.operatorKey, { method: 'DELETE' }))
        .status,
    ).toBe(200)
    expect((await admin('/v1/admin/reports', created.secret)).status).toBe(401)
  })

  it('refuses a revoked site key', async () => {
    const keys = (await (await admin('/v1/admin/site-keys', hub.operatorKey)).json()) as {
      items: { id: string }[]
    }
    await admin(`/v1/admin/site-keys/${keys.items[0]!.id}`, hub.operatorKey, { method: 'DELETE' })
    const res = await postReport(hub, sampleReport())
    expect(res.status).toBe(403)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('site_key_invalid')
  })
})
