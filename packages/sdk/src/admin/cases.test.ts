import { caseLimits } from '@safe-place/schemas'
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
const summary = {
  id: 'cas_0123456789',
  reference: 'CS-7K3Q-9XWD',
  partnerId: 'prt_0123456789',
  status: 'open',
  urgent: false,
  raid: true,
  raidDetectedAt: at,
  category: 'harassment',
  reports: 2000,
  firstReportAt: at,
  lastReportAt: at,
  dueAt: at,
  overdue: true,
  assignee: { keyId: 'key_0123456789', name: 'Nadia' },
  createdAt: at,
  updatedAt: at,
  closedAt: null,
  mergedInto: null,
}

describe('admin.cases', () => {
  it('lists the queue with its filters and takes a case', async () => {
    hub.answer(json(200, { items: [summary], nextCursor: null }))
    const page = await admin().cases.list({ raid: true, assignee: 'none', limit: 10 })
    expect(page.items[0]?.reports).toBe(2000)
    expect(hub.requests[0]!.url).toBe('/v1/admin/cases?raid=true&assignee=none&limit=10')
    hub.answer(json(200, summary))
    const taken = await admin().cases.take('CS-7K3Q-9XWD')
    expect(taken.assignee?.name).toBe('Nadia')
    expect(hub.requests[0]!.url).toBe('/v1/admin/cases/CS-7K3Q-9XWD/assignee')
    expect(JSON.parse(hub.requests[0]!.body.toString())).toEqual({ assignee: 'me' })
  })

  it('validates a note before sending it, and maps the hub’s case errors', async () => {
    hub.answer(json(200, {}))
    await expect(
      admin().cases.addNote('CS-7K3Q-9XWD', { text: 'x'.repeat(caseLimits.noteMaxLength + 1) }),
    ).rejects.toMatchObject({ code: 'validation_failed' })
    expect(hub.requests).toHaveLength(0)
    hub.answer(json(409, { error: { code: 'case_tenant_mismatch', message: 'Other partner.' } }))
    try {
      await admin().cases.merge('CS-7K3Q-9XWD', { from: ['CS-2222-3333'] })
      throw new Error('expected a refusal')
    } catch (error) {
      expect(isSafePlaceError(error) && error.code).toBe('case_tenant_mismatch')
      expect(isSafePlaceError(error) && error.status).toBe(409)
    }
  })
})
