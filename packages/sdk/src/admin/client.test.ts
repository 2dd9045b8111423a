import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FakeHub, json, startFakeHub } from '../../test/fake-hub'
import { isSafePlaceError } from '../core/errors'
import { createSafePlaceAdmin } from './client'

let hub: FakeHub
beforeAll(async () => {
  hub = await startFakeHub()
})
afterAll(() => hub.close())

const admin = () => createSafePlaceAdmin({ hubUrl: hub.url, apiKey: 'sp_op_secret', retries: 0 })
const at = '2026-01-01T10:00:00.000Z'
const name = { fr: 'Fédération', en: 'Federation' }
const receiver = {
  id: 'rcv_0123456789',
  partnerId: 'prt_0123456789',
  kind: 'federation',
  name,
  purpose: name,
  url: 'https://federation.example/hooks',
  profile: 'full',
  filters: {},
  consentRequired: true,
  consentTextVersion: '1',
  enabled: true,
  disabledReason: null,
  concurrency: 4,
  ratePerSecond: 20,
  failingSince: null,
  createdAt: at,
}

describe('createSafePlaceAdmin', () => {
  it('creates a partner with the API key and an idempotency key', async () => {
    hub.answer(json(201, { id: 'prt_1', name: 'Demo', kind: 'brand', createdAt: at }))
    const partner = await admin().partners.create({ name: 'Demo', kind: 'brand' })
    expect(partner.id).toBe('prt_1')
    const request = hub.requests[0]!
    expect(request.url).toBe('/v1/admin/partners')
    expect(request.headers.authorization).toBe('Bearer sp_op_secret')
    expect(request.headers['idempotency-key']).toBeTruthy()
  })

  it('adds a receiver and returns its secret once', async () => {
    const secret = `whsec_${Buffer.from('k'.repeat(32)).toString('base64')}`
    hub.answer(json(201, { ...receiver, secret }))
    const created = await admin().receivers.add({
      partnerId: 'prt_0123456789',
      kind: 'federation',
      name,
      purpose: name,
      url: 'https://federation.example/hooks',
      profile: 'full',
    })
    expect(created.secret).toBe(secret)
    expect(JSON.parse(hub.requests[0]!.body.toString())).toMatchObject({
      consentRequired: true,
      filters: {},
    })
  })

  it('lists, replays and reads messages', async () => {
    hub.answer(json(200, { items: [], nextCursor: null }))
    const page = await admin().messages.list({ state: 'dead', limit: 10 })
    expect(page.nextCursor).toBeNull()
    expect(hub.requests[0]!.url).toBe('/v1/admin/messages?state=dead&limit=10')
    hub.answer(json(200, { replayed: 3 }))
    const replay = await admin().receivers.replay('rcv_0123456789', { from: at, to: at })
    expect(replay.replayed).toBe(3)
    expect(hub.requests[0]!.url).toBe('/v1/admin/receivers/rcv_0123456789/replay')
  })

  it('posts a status update and validates it first', async () => {
    hub.answer(json(200, { reference: 'SP-7K3Q-9XWD', status: 'action_taken' }))
    const answer = await admin().postStatus('SP-7K3Q-9XWD', {
      status: 'action_taken',
      actions: ['content_removed'],
    })
    expect(answer.status).toBe('action_taken')
    expect(hub.requests[0]!.url).toBe('/v1/reports/SP-7K3Q-9XWD/status')
    hub.answer(json(200, {}))
    try {
      await admin().postStatus('SP-7K3Q-9XWD', { status: 'action_taken' })
      throw new Error('expected validation_failed')
    } catch (error) {
      expect(isSafePlaceError(error) && error.code).toBe('validation_failed')
      expect(isSafePlaceError(error) && error.details[0]?.path).toBe('actions')
    }
    expect(hub.requests).toHaveLength(0)
  })

  it('turns a 403 into a forbidden error', async () => {
    hub.answer(json(403, { error: { code: 'forbidden', message: 'This key may not do that.' } }))
    await expect(admin().reports.list({ urgent: true })).rejects.toMatchObject({
      code: 'forbidden',
      status: 403,
    })
    expect(hub.requests[0]!.url).toBe('/v1/admin/reports?urgent=true')
  })
})
