/**
 * Console sessions over HTTP: an operator or receiver key becomes an HttpOnly, SameSite=Strict
 * cookie (Secure off loopback), every state change needs the same origin and the CSRF token,
 * sign-out and key revocation end the session, and bearer keys still work on the API.
 */
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiKey } from '../../src/admin/api-keys'
import { createHub } from '../../src/app'
import {
  findSession,
  openSession,
  purgeExpiredSessions,
  SESSION_TTL_MS,
} from '../../src/console/session-store'
import { apiKeys, consoleSessions } from '../../src/db/schema'
import { PARTNER_ID } from '../delivery/support/db'
import { type ConsoleHub, makeConsoleHub } from './support/console-hub'
import { ConsoleClient } from './support/session-client'

let hub: ConsoleHub
beforeAll(async () => {
  hub = await makeConsoleHub()
})
afterAll(() => hub.close())

describe('console sign-in', () => {
  it('sets an HttpOnly SameSite=Strict cookie, not Secure on loopback HTTP, and stores only a hash', async () => {
    const client = new ConsoleClient(hub.app)
    const res = await client.signIn(hub.keys.operator)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { role: string; csrfToken: string }
    expect(body.role).toBe('operator')
    expect(client.setCookie).toMatch(/^sp_console=/)
    expect(client.setCookie).toMatch(/HttpOnly/)
    expect(client.setCookie).toMatch(/SameSite=Strict/)
    expect(client.setCookie).not.toMatch(/Secure/)
    const secret = client.cookie.split('=')[1]!
    const rows = await hub.t.db.select().from(consoleSessions)
    expect(rows.length).toBeGreaterThan(0)
    expect(JSON.stringify(rows)).not.toContain(secret)
    expect(JSON.stringify(rows)).not.toContain(body.csrfToken)
  })

  it('uses a Secure __Host- cookie outside localhost', async () => {
    const client = new ConsoleClient(hub.app, 'https://hub.example.org')
    expect((await client.signIn(hub.keys.operator)).status).toBe(200)
    expect(client.setCookie).toMatch(/^__Host-sp_console=/)
    expect(client.setCookie).toMatch(/Secure/)
    expect((await client.request('GET', '/v1/console/session')).status).toBe(200)
  })

  it('refuses partner keys, unknown keys and sign-in from another site', async () => {
    const partner = await hub.t.write((tx) =>
      createApiKey(tx, { name: 'p', scope: 'partner', partnerId: PARTNER_ID }, new Date()),
    )
    expect((await new ConsoleClient(hub.app).signIn(partner.secret)).status).toBe(401)
    expect((await new ConsoleClient(hub.app).signIn('sk_live_nope_nope_nope')).status).toBe(401)
    const res = await hub.app.request('http://127.0.0.1:3000/v1/console/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ apiKey: hub.keys.operator }),
    })
    expect(res.status).toBe(403)
  })

  it('needs the CSRF token and the same origin on every state change', async () => {
    const client = new ConsoleClient(hub.app)
    await client.signIn(hub.keys.operator)
    const body = { name: 'Agence CSRF', kind: 'agency' }
    expect(
      (await client.request('POST', '/v1/console/partners', body, { 'x-csrf-token': '' })).status,
    ).toBe(403)
    expect(
      (await client.request('POST', '/v1/console/partners', body, { 'x-csrf-token': 'forged' }))
        .status,
    ).toBe(403)
    expect(
      (
        await client.request('POST', '/v1/console/partners', body, {
          origin: 'https://evil.example',
        })
      ).status,
    ).toBe(403)
    expect((await client.request('POST', '/v1/console/partners', body)).status).toBe(201)
    // The token is stable for the session: a reload gets the same one.
    const again = (await client.json<{ csrfToken: string }>('GET', '/v1/console/session')).csrfToken
    expect(again).toBe(client.csrf)
  })

  it('signs out, and a revoked key ends its sessions', async () => {
    const client = new ConsoleClient(hub.app)
    await client.signIn(hub.keys.operator)
    expect((await client.request('DELETE', '/v1/console/session')).status).toBe(204)
    expect((await client.request('GET', '/v1/console/reports')).status).toBe(401)

    const extra = await hub.t.write((tx) =>
      createApiKey(tx, { name: 'temp', scope: 'operator' }, new Date()),
    )
    const other = new ConsoleClient(hub.app)
    await other.signIn(extra.secret)
    expect((await other.request('GET', '/v1/console/reports')).status).toBe(200)
    await hub.t.write((tx) =>
      tx.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, extra.id)),
    )
    expect((await other.request('GET', '/v1/console/reports')).status).toBe(401)
  })

  it('keeps bearer API keys working, and console routes ignore them', async () => {
    const res = await hub.app.request('/v1/admin/reports', {
      headers: { authorization: `Bearer ${hub.keys.operator}` },
    })
    expect(res.status).toBe(200)
    const console = await hub.app.request('/v1/console/reports', {
      headers: { authorization: `Bearer ${hub.keys.operator}` },
    })
    expect(console.status).toBe(401)
  })

  it('expires sessions after their time and purges them', async () => {
    const then = new Date(Date.now() - SESSION_TTL_MS - 1000)
    const old = await hub.t.write((tx) => openSession(tx, hub.keys.operator, then))
    expect(old).not.toBeNull()
    expect(await findSession(hub.t.db, old!.secret, new Date())).toBeNull()
    expect(await findSession(hub.t.db, old!.secret, then)).not.toBeNull()
    expect(await hub.t.write((tx) => purgeExpiredSessions(tx, new Date()))).toBeGreaterThanOrEqual(
      1,
    )
    expect(await findSession(hub.t.db, old!.secret, then)).toBeNull()
  })

  it('documents the console and statistics routes in the OpenAPI document', async () => {
    const doc = (await (await hub.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { security?: unknown }>>
      components: { securitySchemes: Record<string, { in?: string }> }
    }
    expect(doc.components.securitySchemes.consoleSession?.in).toBe('cookie')
    expect(doc.paths['/v1/console/reports']?.get?.security).toEqual([{ consoleSession: [] }])
    for (const path of [
      '/v1/console/session',
      '/v1/console/reports/{reference}/status',
      '/v1/stats',
      '/console',
    ])
      expect(doc.paths[path], path).toBeDefined()
  })

  it('limits sign-in attempts per client', async () => {
    const strict = await makeConsoleHub({ clientReceiptTriesPerMinute: 3 })
    try {
      const statuses: number[] = []
      for (let i = 0; i < 4; i++)
        statuses.push(
          (await new ConsoleClient(strict.app).signIn(`sk_live_guess_${i}_xxxx`)).status,
        )
      expect(statuses).toEqual([401, 401, 401, 429])
    } finally {
      await strict.close()
    }
  })

  it('takes the origin from X-Forwarded-Host only behind a trusted proxy', async () => {
    const signIn = (app: typeof hub.app) =>
      app.request('http://127.0.0.1:3000/v1/console/session', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: 'https://hub.example.org',
          'x-forwarded-host': 'hub.example.org',
        },
        body: JSON.stringify({ apiKey: hub.keys.operator }),
      })
    expect((await signIn(hub.app)).status).toBe(403)
    const proxied = createHub({
      database: hub.t,
      keyring: hub.t.keyring,
      settings: { trustProxy: true },
    })
    expect((await signIn(proxied)).status).toBe(200)
  })
})
