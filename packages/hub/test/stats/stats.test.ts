/**
 * Statistics on a seeded dataset, through every output: `GET /v1/stats` (JSON and CSV) and
 * `safe-place-hub stats`. Periods snap to whole months; every figure is a multiple of 5 summed
 * from base cells rounded once, so the views add up and overlapping periods differ by whole
 * rounded months; withdrawn reports are only counted; nothing from outside the period leaks in;
 * the CLI answers exactly as the route does, under the same operator key.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { StatsReport } from '@safe-place/schemas'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiKey } from '../../src/admin/api-keys'
import { createHub, type HubApp } from '../../src/app'
import { runCli } from '../../src/cli/program'
import { deriveStatsKey, KEY_FILE_NAME } from '../../src/crypto/key-source'
import { Keyring } from '../../src/crypto/keyring'
import { type DatabaseHandle, openDatabase } from '../../src/db/client'
import { receivers } from '../../src/db/schema'
import { buildStats, statsRange } from '../../src/stats/index'
import { allCounts, SEED_DELIVERIES, SEED_ROWS, seedStats } from './seed'

const OPERATOR_KEY = { id: 'k', key: Buffer.alloc(32, 1) }

let dir: string
let handle: DatabaseHandle
let app: HubApp
let operator: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sp-stats-'))
  // The CLI reads the same operator key from the data folder, so it must round alike.
  writeFileSync(join(dir, KEY_FILE_NAME), `k:${OPERATOR_KEY.key.toString('base64')}\n`, {
    mode: 0o600,
  })
  handle = await openDatabase({ url: `file:${join(dir, 'hub.db')}` })
  await handle.migrate()
  await handle.write((tx) => seedStats(tx))
  operator = (
    await handle.write((tx) => createApiKey(tx, { name: 'ops', scope: 'operator' }, new Date()))
  ).secret
  app = createHub({ database: handle, keyring: new Keyring(OPERATOR_KEY) })
})
afterAll(async () => {
  await handle.close()
  rmSync(dir, { recursive: true, force: true })
})

const get = (query: string) =>
  app.request(`/v1/stats?${query}`, { headers: { authorization: `Bearer ${operator}` } })
const stats = async (query: string) => StatsReport.parse(await (await get(query)).json())
const sum = (list: { reports: number }[]) => list.reduce((n, x) => n + x.reports, 0)

describe('GET /v1/stats on the seeded dataset', () => {
  it('publishes sums of base cells rounded once, read from exactly the right rows', async () => {
    const res = await get('from=2026-01-01&to=2026-12-31')
    expect(res.status).toBe(200)
    const s = StatsReport.parse(await res.json())
    expect([s.from, s.to]).toEqual(['2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'])
    expect(s.rounding).toEqual({ base: 5, method: 'unbiased-random-keyed' })
    for (const n of allCounts(s)) expect(typeof n === 'number' && n % 5 === 0, String(n)).toBe(true)

    // The same as the pure computation over the seeded rows: the database read keeps the
    // period, the partner kinds, withdrawn reports as tombstones and finished deliveries only.
    const key = deriveStatsKey(new Keyring(OPERATOR_KEY))
    const range = statsRange('2026-01-01', '2026-12-31')
    expect(s).toEqual(buildStats(range, SEED_ROWS, SEED_DELIVERIES, new Date(s.generatedAt), key))

    // One rounded table behind every view: they all add up.
    expect(sum(s.byMonth)).toBe(s.totals.reports)
    expect(sum(s.byCategory)).toBe(s.totals.reports)
    expect(sum(s.byPlatform)).toBe(s.totals.reports)
    expect(sum(s.byPartnerKind)).toBe(s.totals.reports)
    expect(sum(s.cells)).toBe(s.totals.reports)
    expect(s.byMonth.reduce((n, m) => n + m.withdrawn, 0)).toBe(s.totals.withdrawn)
    expect(s.urgent.of).toBe(s.totals.reports)
    expect(s.coordinatedAttack.of).toBe(s.totals.reports)
    // 28 live reports in 9 base cells: each moves by less than 5.
    expect(Math.abs(s.totals.reports - 28)).toBeLessThan(5 * 9)

    // A multiple of 5 stays as it is: the federation's 20 delivered messages; its 6 failures
    // (one base cell) become 5 or 10.
    const federation = s.delivery.find((d) => d.receiverKind === 'federation')!
    expect(federation.succeeded).toBe(20)
    expect([25, 30]).toContain(federation.messages)
    expect(federation.successRate).toBe(Math.round((20 / federation.messages) * 1000) / 1000)
    // Withdrawn reports are tombstones: counted, never broken down.
    expect(JSON.stringify(s)).not.toContain('sexist_hate')
    expect(JSON.stringify(s)).not.toContain('youtube')
    // Nothing from December 2025.
    expect(JSON.stringify(s)).not.toContain('facebook')
    // Median of 1…9 and 100 hours (the withdrawn reports' 0.5 h are left out): 10 values.
    expect(s.firstAction.medianHours).toBe(5.5)
  })

  it('answers overlapping periods from the same rounded months', async () => {
    const jan = await stats('from=2026-01-10&to=2026-01-20')
    const feb = await stats('from=2026-02-01&to=2026-02-03')
    const both = await stats('from=2026-01-31T12:00:00.000Z&to=2026-02-01')
    expect([jan.from, jan.to]).toEqual(['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'])
    expect([both.from, both.to]).toEqual([jan.from, feb.to])
    // Differencing two periods gives back whole rounded months, nothing finer.
    expect(both.byMonth).toEqual([...jan.byMonth, ...feb.byMonth])
    expect(both.cells).toEqual([...jan.cells, ...feb.cells])
    expect(both.totals.reports).toBe(jan.totals.reports + feb.totals.reports)
    expect(both.urgent.count).toBe(jan.urgent.count + feb.urgent.count)
    expect(both.firstAction.reports).toBe(jan.firstAction.reports + feb.firstAction.reports)
    expect(both.delivery).toEqual(jan.delivery)
    // February alone has no first action: no median over too few reports.
    expect(feb.firstAction.medianHours).toBeNull()
  })

  it('exports CSV with the same figures', async () => {
    const json = await stats('from=2026-01-01&to=2026-12-31')
    const res = await get('from=2026-01-01&to=2026-12-31&format=csv')
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="safe-place-stats-2026-01-01-2027-01-01\.csv"/,
    )
    const lines = (await res.text()).trimEnd().split('\r\n')
    expect(lines[0]).toBe(
      'section,month,category,platform,partner_kind,receiver_kind,measure,value',
    )
    expect(lines).toContain('period,,,,,,from,2026-01-01T00:00:00.000Z')
    expect(lines).toContain('period,,,,,,rounding_base,5')
    expect(lines).toContain('period,,,,,,rounding_method,unbiased-random-keyed')
    expect(lines).toContain(`total,,,,,,reports,${json.totals.reports}`)
    expect(lines).toContain(`total,,,,,,withdrawn,${json.totals.withdrawn}`)
    expect(lines).toContain('delivery,,,,,federation,succeeded,20')
    for (const c of json.cells)
      expect(lines).toContain(
        `cell,${c.month},${c.category},${c.platform},${c.partnerKind},,reports,${c.reports}`,
      )
    for (const line of lines.slice(1)) {
      const [, , , , , , measure, value] = line.split(',')
      if (['reports', 'withdrawn', 'count', 'of', 'messages', 'succeeded'].includes(measure!))
        expect(Number(value) % 5, line).toBe(0)
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
  const cli = async (...args: string[]) => {
    const out: string[] = []
    const code = await runCli(['--data-dir', dir, 'stats', ...args], {
      out: (l) => out.push(l),
      err: (l) => out.push(l),
    })
    return { code, text: out.join('\n') }
  }

  it('prints the same CSV as the route, under the same operator key', async () => {
    const { code, text } = await cli(
      '--from',
      '2026-01-01',
      '--to',
      '2026-12-31',
      '--format',
      'csv',
    )
    expect(code).toBe(0)
    const route = await (await get('from=2026-01-01&to=2026-12-31&format=csv')).text()
    expect(text).toBe(route.trimEnd())
  })

  it('prints JSON by default and refuses a bad format', async () => {
    const { code, text } = await cli('--from', '2026-01-15', '--to', '2026-02-03')
    expect(code).toBe(0)
    const printed = StatsReport.parse(JSON.parse(text))
    const route = await stats('from=2026-01-15&to=2026-02-03')
    expect({ ...printed, generatedAt: '' }).toEqual({ ...route, generatedAt: '' })
    expect(
      (await cli('--from', '2026-01-01', '--to', '2026-12-31', '--format', 'xml')).code,
    ).not.toBe(0)
  })
})
