/**
 * Statistics on a seeded dataset, through every output: `GET /v1/stats` (JSON and CSV) and
 * `safe-place-hub stats`. Small cells are "< 5" everywhere, a lone small cell takes a
 * neighbour with it, withdrawn reports are only counted, and nothing from outside the period
 * leaks in.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { StatsReport } from '@safe-place/schemas'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiKey } from '../../src/admin/api-keys'
import { createHub, type HubApp } from '../../src/app'
import { runCli } from '../../src/cli/program'
import { Keyring } from '../../src/crypto/keyring'
import { type DatabaseHandle, openDatabase } from '../../src/db/client'
import { receivers } from '../../src/db/schema'
import { allCounts, seedStats } from './seed'

let dir: string
let handle: DatabaseHandle
let app: HubApp
let operator: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sp-stats-'))
  handle = await openDatabase({ url: `file:${join(dir, 'hub.db')}` })
  await handle.migrate()
  await handle.write((tx) => seedStats(tx))
  operator = (
    await handle.write((tx) => createApiKey(tx, { name: 'ops', scope: 'operator' }, new Date()))
  ).secret
  app = createHub({ database: handle, keyring: new Keyring({ id: 'k', key: Buffer.alloc(32, 1) }) })
})
afterAll(async () => {
  await handle.close()
  rmSync(dir, { recursive: true, force: true })
})

const get = (query: string) =>
  app.request(`/v1/stats?${query}`, { headers: { authorization: `Bearer ${operator}` } })

describe('GET /v1/stats on the seeded dataset', () => {
  it('publishes what is large enough and suppresses every small cell', async () => {
    const res = await get('from=2026-01-01&to=2026-12-31')
    expect(res.status).toBe(200)
    const stats = StatsReport.parse(await res.json())
    for (const n of allCounts(stats))
      expect(n === '< 5' || (typeof n === 'number' && n >= 5)).toBe(true)

    expect(stats.totals).toEqual({ reports: 28, withdrawn: '< 5' })
    expect(stats.byMonth).toEqual([
      { month: '2026-01', reports: 21, withdrawn: '< 5' },
      { month: '2026-02', reports: 7, withdrawn: '< 5' },
    ])
    // harassment (3) is small; doxxing (6) goes with it so 28 − 19 − 6 cannot reveal 3.
    expect(stats.byCategory).toEqual([
      { category: 'doxxing', reports: '< 5' },
      { category: 'harassment', reports: '< 5' },
      { category: 'threat', reports: 19 },
    ])
    expect(stats.byPartnerKind).toEqual([
      { partnerKind: 'agency', reports: 6 },
      { partnerKind: 'brand', reports: 22 },
    ])
    expect(stats.cells).toContainEqual({
      month: '2026-01',
      category: 'threat',
      platform: 'instagram',
      partnerKind: 'brand',
      reports: 12,
    })
    expect(stats.cells).toContainEqual({
      month: '2026-01',
      category: 'harassment',
      platform: 'tiktok',
      partnerKind: 'brand',
      reports: '< 5',
    })
    // Withdrawn reports are tombstones: counted, never broken down.
    expect(JSON.stringify(stats)).not.toContain('sexist_hate')
    expect(JSON.stringify(stats)).not.toContain('youtube')
    // Nothing from December 2025.
    expect(JSON.stringify(stats)).not.toContain('facebook')
    // 4 urgent of 28: suppressed; 8 raids of 28: published.
    expect(stats.urgent).toEqual({ count: '< 5', of: 28, share: null })
    expect(stats.coordinatedAttack).toEqual({ count: 8, of: 28, share: 0.286 })
    // Median of 1, 2, 3, 4, 5, 100 hours (the withdrawn reports' 0.5 h are left out).
    expect(stats.firstAction).toEqual({ reports: 6, medianHours: 3.5 })
    expect(stats.delivery).toEqual([
      { receiverKind: 'federation', messages: 26, succeeded: 20, successRate: 0.769 },
      { receiverKind: 'trusted_flagger', messages: '< 5', succeeded: '< 5', successRate: null },
    ])
  })

  it('suppresses everything in a period with few reports', async () => {
    const stats = StatsReport.parse(await (await get('from=2026-02-01&to=2026-02-03')).json())
    expect(stats.totals.reports).toBe('< 5')
    expect(stats.firstAction.medianHours).toBeNull()
    for (const n of allCounts(stats))
      expect(n === '< 5' || (typeof n === 'number' && n >= 5)).toBe(true)
  })

  it('exports CSV with the same suppression', async () => {
    const res = await get('from=2026-01-01&to=2026-12-31&format=csv')
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="safe-place-stats-2026-01-01/,
    )
    const lines = (await res.text()).trimEnd().split('\r\n')
    expect(lines[0]).toBe(
      'section,month,category,platform,partner_kind,receiver_kind,measure,value',
    )
    expect(lines).toContain('total,,,,,,reports,28')
    expect(lines).toContain('total,,,,,,withdrawn,< 5')
    expect(lines).toContain('cell,2026-01,harassment,tiktok,brand,,reports,< 5')
    expect(lines).toContain('urgent,,,,,,share,')
    for (const line of lines.slice(1)) {
      const [, , , , , , measure, value] = line.split(',')
      if (['reports', 'withdrawn', 'count', 'of', 'messages', 'succeeded'].includes(measure!))
        expect(value === '< 5' || Number(value) >= 5, line).toBe(true)
    }
  })

  it('is for the operator only, and validates the period', async () => {
    expect((await app.request('/v1/stats?from=2026-01-01&to=2026-12-31')).status).toBe(401)
    const [receiver] = await handle.db.select().from(receivers).limit(1)
    const receiverKey = (
      await handle.write((tx) =>
        createApiKey(tx, { name: 'r', scope: 'receiver', receiverId: receiver!.id }, new Date()),
      )
    ).secret
    const asReceiver = await app.request('/v1/stats?from=2026-01-01&to=2026-12-31', {
      headers: { authorization: `Bearer ${receiverKey}` },
    })
    expect(asReceiver.status).toBe(403)
    expect((await get('from=2026-12-31&to=2026-01-01')).status).toBe(400)
    expect((await get('from=yesterday&to=2026-01-01')).status).toBe(400)
  })
})

describe('safe-place-hub stats', () => {
  it('prints the same suppressed statistics as CSV', async () => {
    const out: string[] = []
    const code = await runCli(
      ['--data-dir', dir, 'stats', '--from', '2026-01-01', '--to', '2026-12-31', '--format', 'csv'],
      { out: (l) => out.push(l), err: (l) => out.push(l) },
    )
    expect(code).toBe(0)
    const text = out.join('\n')
    expect(text).toContain('total,,,,,,reports,28')
    expect(text).toContain('cell,2026-01,harassment,tiktok,brand,,reports,< 5')
  })

  it('prints JSON by default and refuses a bad format', async () => {
    const out: string[] = []
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) }
    expect(
      await runCli(['--data-dir', dir, 'stats', '--from', '2026-01-01', '--to', '2026-12-31'], io),
    ).toBe(0)
    expect(StatsReport.parse(JSON.parse(out.join('\n'))).totals.reports).toBe(28)
    expect(
      await runCli(
        [
          '--data-dir',
          dir,
          'stats',
          '--from',
          '2026-01-01',
          '--to',
          '2026-12-31',
          '--format',
          'xml',
        ],
        io,
      ),
    ).not.toBe(0)
  })
})
