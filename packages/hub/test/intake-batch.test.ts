/**
 * Intake's group commit writes a batch of reports with shared multi-row INSERTs and falls back
 * to one savepoint per report when that fails. These are the rare paths of the fallback: a
 * reference drawn twice and an idempotency key reused after its 24 hours.
 */
import { Receipt } from '@safe-place/schemas'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { makeTestHub, postReport, sampleReport, type TestHub } from './support/test-hub'

const forced = vi.hoisted(() => ({ references: [] as string[] }))
vi.mock('../src/intake/reference', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/intake/reference')>()
  return { newReference: () => forced.references.shift() ?? real.newReference() }
})

let hub: TestHub
beforeEach(async () => {
  hub = await makeTestHub()
})
afterEach(() => hub.close())

const count = async (sql: string) =>
  Number((await hub.client.execute(sql)).rows[0]?.n ?? Number.NaN)

describe('intake group commit', () => {
  it('stores every report of a batch when one drew a reference already taken', async () => {
    const first = Receipt.parse(await (await postReport(hub, sampleReport())).json())
    // The next report planned in the batch draws the taken reference (twice: in the shared
    // insert, then again alone), then a fresh one.
    forced.references.push(first.reference, first.reference)
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => postReport(hub, sampleReport())),
    )
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201, 201])
    expect(forced.references).toEqual([]) // both taken draws were tried
    const receipts = await Promise.all(answers.map(async (a) => Receipt.parse(await a.json())))
    const references = new Set([first.reference, ...receipts.map((r) => r.reference)])
    expect(references.size).toBe(7)
    expect(await count('select count(*) as n from reports')).toBe(7)
    // Nothing half-written: one `received` event per report, none without its report.
    expect(await count(`select count(*) as n from timeline_events where kind = 'received'`)).toBe(7)
    expect(
      await count(
        'select count(*) as n from timeline_events t left join reports r on r.id = t.report_id where r.id is null',
      ),
    ).toBe(0)
  })

  it('takes an Idempotency-Key again once its answer has expired', async () => {
    const headers = { 'idempotency-key': 'expiring-key-0001' }
    const first = Receipt.parse(await (await postReport(hub, sampleReport(), { headers })).json())
    await hub.client.execute('update idempotency_keys set expires_at = 0')
    const again = await postReport(hub, sampleReport(), { headers })
    expect(again.status).toBe(201)
    const second = Receipt.parse(await again.json())
    expect(second.reference).not.toBe(first.reference)
    // And the new answer is the one replayed from now on.
    const replay = await postReport(hub, sampleReport(), { headers })
    expect(replay.headers.get('idempotent-replayed')).toBe('true')
    expect(Receipt.parse(await replay.json()).reference).toBe(second.reference)
    expect(await count('select count(*) as n from idempotency_keys')).toBe(1)
  })
})
