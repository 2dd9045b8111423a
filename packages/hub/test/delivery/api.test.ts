import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApiKey } from '../../src/admin/api-keys'
import { createHub, type HubApp } from '../../src/app'
import { enqueueMessages } from '../../src/delivery/outbox'
import { buildReportCreatedEvent } from '../../src/delivery/payloads'
import { createTestDb, insertReport, PARTNER_ID, silentLogger, type TestDb } from './support/db'
import { engineFor } from './support/engine'
import { startReceiver, type TestServer } from './support/receiver-server'
import { makeReport } from './support/report'

let t: TestDb
let server: TestServer
let app: HubApp
let engine: ReturnType<typeof engineFor>
let operator: string

beforeEach(async () => {
  t = await createTestDb()
  server = await startReceiver()
  engine = engineFor(t)
  app = createHub({ database: t, keyring: t.keyring, logger: silentLogger, engine })
  operator = (
    await t.write((tx) => createApiKey(tx, { name: 'op', scope: 'operator' }, new Date()))
  ).secret
})
afterEach(async () => {
  await engine.stop()
  await server.close()
  await t.cleanup()
})

const call = (method: string, path: string, key: string, body?: unknown) =>
  app.request(path, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  })

const receiverInput = (url: string) => ({
  partnerId: PARTNER_ID,
  kind: 'trusted_flagger',
  name: { fr: 'Point de Contact', en: 'Point de Contact' },
  purpose: { fr: 'Signalements', en: 'Notices' },
  url,
  profile: 'notice',
})

describe('receivers API', () => {
  it('refuses unsafe URLs at configuration', async () => {
    const strict = createHub({ database: t, keyring: t.keyring, logger: silentLogger })
    for (const url of [
      'https://127.0.0.1/h',
      'https://[::1]/h',
      'https://10.0.0.1/h',
      'https://169.254.169.254/',
      'https://[::ffff:127.0.0.1]/h',
      'https://2130706433/h',
      'https://localhost/h',
      'http://hooks.example.org/h',
    ]) {
      const res = await strict.request('/v1/admin/receivers', {
        method: 'POST',
        headers: { authorization: `Bearer ${operator}`, 'content-type': 'application/json' },
        body: JSON.stringify(receiverInput(url)),
      })
      expect(res.status, url).toBe(422)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unsafe_url')
    }
  })

  it('adds, lists, disables, enables, rotates, tests and replays', async () => {
    const created = await call('POST', '/v1/admin/receivers', operator, receiverInput(server.url))
    expect(created.status).toBe(201)
    const receiver = (await created.json()) as { id: string; secret: string; enabled: boolean }
    expect(receiver.secret).toMatch(/^whsec_/)
    expect(receiver.enabled).toBe(true)

    const list = (await (await call('GET', '/v1/admin/receivers', operator)).json()) as {
      items: { id: string; secret?: string }[]
    }
    expect(list.items.map((r) => r.id)).toEqual([receiver.id])
    expect(list.items[0]?.secret).toBeUndefined()

    const off = await call('PATCH', `/v1/admin/receivers/${receiver.id}`, operator, {
      enabled: false,
      disabledReason: 'maintenance',
    })
    expect(await off.json()).toMatchObject({ enabled: false, disabledReason: 'maintenance' })
    const on = await call('PATCH', `/v1/admin/receivers/${receiver.id}`, operator, {
      enabled: true,
    })
    expect(await on.json()).toMatchObject({ enabled: true, disabledReason: null })

    const rotated = (await (
      await call('POST', `/v1/admin/receivers/${receiver.id}/rotate-secret`, operator)
    ).json()) as { secret: string }
    expect(rotated.secret).not.toBe(receiver.secret)

    const test = (await (
      await call('POST', `/v1/admin/receivers/${receiver.id}/test`, operator)
    ).json()) as { messageId: string }
    await engine.runOnce()
    expect(server.received).toHaveLength(1)
    expect(server.received[0]?.headers['webhook-id']).toBe(test.messageId)
    expect(String(server.received[0]?.headers['webhook-signature']).split(' ')).toHaveLength(2)

    const detail = (await (
      await call('GET', `/v1/admin/messages/${test.messageId}`, operator)
    ).json()) as { state: string; attempts: { responseStatus: number }[] }
    expect(detail.state).toBe('succeeded')
    expect(detail.attempts.map((a) => a.responseStatus)).toEqual([200])
    const page = (await (
      await call('GET', `/v1/admin/messages?receiverId=${receiver.id}`, operator)
    ).json()) as { items: unknown[] }
    expect(page.items).toHaveLength(1)

    const replay = await call('POST', `/v1/admin/messages/${test.messageId}/replay`, operator)
    expect(await replay.json()).toMatchObject({ id: test.messageId, state: 'pending' })
    await engine.runOnce()
    expect(server.received).toHaveLength(2)
    expect(server.received[1]?.headers['webhook-id']).toBe(test.messageId)

    const range = await call('POST', `/v1/admin/receivers/${receiver.id}/replay`, operator, {
      from: '2020-01-01T00:00:00Z',
      to: '2030-01-01T00:00:00Z',
    })
    expect(await range.json()).toEqual({ replayed: 0 })

    const partnerKey = (
      await t.write((tx) =>
        createApiKey(tx, { name: 'p', scope: 'partner', partnerId: PARTNER_ID }, new Date()),
      )
    ).secret
    expect(
      (await call('POST', '/v1/admin/receivers', partnerKey, receiverInput(server.url))).status,
    ).toBe(403)
    expect((await call('GET', `/v1/admin/receivers/${receiver.id}`, partnerKey)).status).toBe(200)
  })

  it('takes status updates from the receiver the report went to, and only from it', async () => {
    const created = (await (
      await call('POST', '/v1/admin/receivers', operator, receiverInput(server.url))
    ).json()) as { id: string }
    const report = await insertReport(t)
    await t.write((tx) =>
      enqueueMessages(
        tx,
        t.keyring,
        [
          {
            receiverId: created.id,
            reportId: report.id,
            event: buildReportCreatedEvent(
              makeReport({ reference: report.reference }),
              { id: created.id, kind: 'trusted_flagger', profile: 'notice' },
              new Date(),
            ),
            urgent: false,
          },
        ],
        new Date(),
      ),
    )
    const key = (
      await t.write((tx) =>
        createApiKey(
          tx,
          { name: 'r', scope: 'receiver', partnerId: PARTNER_ID, receiverId: created.id },
          new Date(),
        ),
      )
    ).secret
    const ok = await call('POST', `/v1/reports/${report.reference}/status`, key, {
      status: 'acknowledged',
      noteForReporter: 'Nous avons bien reçu votre signalement.',
    })
    expect(ok.status).toBe(200)
    expect(await ok.json()).toEqual({ reference: report.reference, status: 'acknowledged' })
    const bad = await call('POST', `/v1/reports/${report.reference}/status`, key, {
      status: 'action_taken',
    })
    expect(bad.status).toBe(400)
    expect(
      (
        await call('POST', `/v1/reports/${report.reference}/status`, operator, {
          status: 'acknowledged',
        })
      ).status,
    ).toBe(403)
    const other = await insertReport(t)
    expect(
      (await call('POST', `/v1/reports/${other.reference}/status`, key, { status: 'acknowledged' }))
        .status,
    ).toBe(404)
  })
})
