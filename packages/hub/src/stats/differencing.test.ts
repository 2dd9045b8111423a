/**
 * The privacy proof of the statistics, by indistinguishability. For a random small dataset D,
 * D' is the dataset whose base cells are D's rounded base cells. An adversary holding every
 * figure of every answer — one period and many overlapping ones, day-level bounds included —
 * sees exactly the same answers from D and from D', yet every true count from 1 to 4 in D (a
 * base cell, or any published total, month, breakdown, cell, urgent, raid, first-action,
 * withdrawn or delivery figure) has another value in D'. So no combination of answers pins
 * such a count — case figures (cases, raids, cases by size band) included. (The median is not a
 * count: it has its own rule, see `median.ts`.)
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  baseCube,
  cellIdentity,
  roundCube,
  type StatsCaseRow,
  type StatsCube,
  type StatsDeliveryRow,
  type StatsReportRow,
} from './cube'
import { projectStats } from './project'
import { buildStats } from './query'
import { statsRange } from './range'

const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04']
const GENERATED = new Date('2026-06-01T00:00:00.000Z')

/** Every period an adversary might ask for: each run of months, with day or time bounds. */
const PERIODS: [string, string][] = []
for (let a = 0; a < MONTHS.length; a++)
  for (let b = a; b < MONTHS.length; b++) {
    PERIODS.push([`${MONTHS[a]}-01`, `${MONTHS[b]}-28`])
    PERIODS.push([`${MONTHS[a]}-17T08:00:00.000Z`, `${MONTHS[b]}-20`])
  }

const at = (month: string, day: number, hour = 10) =>
  new Date(`${month}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`)

const reportRow: fc.Arbitrary<StatsReportRow> = fc
  .record({
    month: fc.constantFrom(...MONTHS),
    day: fc.integer({ min: 1, max: 28 }),
    category: fc.constantFrom('threat', 'harassment', 'doxxing'),
    platform: fc.constantFrom('instagram', 'tiktok'),
    partnerKind: fc.constantFrom('brand', 'agency'),
    urgent: fc.boolean(),
    raid: fc.boolean(),
    // About one report in seven is withdrawn.
    withdrawn: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
    actedAfterHours: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
  })
  .map((r) => {
    const submittedAt = at(r.month, r.day)
    return {
      submittedAt,
      category: r.category,
      platform: r.platform,
      partnerKind: r.partnerKind,
      urgent: r.urgent,
      raid: r.raid,
      withdrawn: r.withdrawn,
      firstActionAt:
        r.actedAfterHours === null
          ? null
          : new Date(submittedAt.getTime() + r.actedAfterHours * 3_600_000),
    }
  })

const deliveryRow: fc.Arbitrary<StatsDeliveryRow> = fc
  .record({
    month: fc.constantFrom(...MONTHS),
    day: fc.integer({ min: 1, max: 28 }),
    receiverKind: fc.constantFrom('federation', 'trusted_flagger'),
    succeeded: fc.boolean(),
  })
  .map((d) => ({
    createdAt: at(d.month, d.day),
    receiverKind: d.receiverKind,
    succeeded: d.succeeded,
  }))

const caseRow: fc.Arbitrary<StatsCaseRow> = fc
  .record({
    month: fc.constantFrom(...MONTHS),
    day: fc.integer({ min: 1, max: 28 }),
    raid: fc.boolean(),
    // Mostly small cases, some large, a few emptied by withdrawals.
    liveReports: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 7, max: 150 })),
  })
  .map((c) => ({ firstReportAt: at(c.month, c.day), raid: c.raid, liveReports: c.liveReports }))

/** A size in each band, to rebuild cases from a rounded cube. */
const BAND_SIZE: Record<string, number> = { '1': 1, '2-4': 3, '5-19': 7, '20-99': 40, '100+': 120 }

const dataset = fc.record({
  rows: fc.array(reportRow, { maxLength: 40 }),
  deliveries: fc.array(deliveryRow, { maxLength: 20 }),
  cases: fc.array(caseRow, { maxLength: 25 }),
  key: fc.uint8Array({ minLength: 32, maxLength: 32 }).map((k) => Buffer.from(k)),
})

/** A dataset whose base cells are exactly `cube`'s: one row per unit of each cell's count. */
function datasetOf(cube: StatsCube): {
  rows: StatsReportRow[]
  deliveries: StatsDeliveryRow[]
  cases: StatsCaseRow[]
} {
  const rows: StatsReportRow[] = []
  const deliveries: StatsDeliveryRow[] = []
  const cases: StatsCaseRow[] = []
  for (const c of cube.cases)
    for (let i = 0; i < c.count; i++)
      cases.push({
        firstReportAt: at(c.month, 1 + (i % 28)),
        raid: c.raid,
        liveReports: BAND_SIZE[c.size]!,
      })
  for (const c of cube.live)
    for (let i = 0; i < c.count; i++) {
      const submittedAt = at(c.month, 1 + (i % 28))
      rows.push({
        submittedAt,
        category: c.category,
        platform: c.platform,
        partnerKind: c.partnerKind,
        urgent: c.urgent,
        raid: c.raid,
        withdrawn: false,
        firstActionAt: c.acted ? new Date(submittedAt.getTime() + 3_600_000) : null,
      })
    }
  for (const c of cube.withdrawn)
    for (let i = 0; i < c.count; i++)
      rows.push({
        submittedAt: at(c.month, 1 + (i % 28)),
        category: 'threat',
        platform: 'x',
        partnerKind: 'brand',
        urgent: false,
        raid: false,
        withdrawn: true,
        firstActionAt: null,
      })
  for (const c of cube.delivery)
    for (let i = 0; i < c.count; i++)
      deliveries.push({
        createdAt: at(c.month, 1 + (i % 28)),
        receiverKind: c.receiverKind,
        succeeded: c.outcome === 'succeeded',
      })
  return { rows, deliveries, cases }
}

const COUNTS = new Set([
  'reports',
  'withdrawn',
  'count',
  'of',
  'messages',
  'succeeded',
  'cases',
  'raids',
  'total',
])
const LABELS = ['month', 'category', 'platform', 'partnerKind', 'receiverKind', 'size']

/**
 * Every count of an answer by a stable name (`byCategory/threat/reports`, `urgent/count`…),
 * so the same figure can be looked up in another answer, where it may be missing (zero).
 */
function figures(value: unknown, path = '', out = new Map<string, number>()): Map<string, number> {
  if (Array.isArray(value)) {
    for (const item of value) {
      const label = LABELS.map((k) => (item as Record<string, unknown>)[k])
        .filter(Boolean)
        .join('|')
      figures(item, `${path}/${label}`, out)
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value))
      if (typeof v === 'number' && COUNTS.has(k)) out.set(`${path}/${k}`, v)
      else if (typeof v === 'object') figures(v, `${path}/${k}`, out)
  }
  return out
}

/** An answer without its median, the one figure that is not a sum of cells. */
const countsOnly = (report: ReturnType<typeof buildStats>) => ({
  ...report,
  firstAction: { ...report.firstAction, medianHours: null },
})

describe('statistics cannot be differenced', () => {
  it('gives the same answers on D and on its rounded twin D′, where every true count of 1–4 differs', () => {
    fc.assert(
      fc.property(dataset, ({ rows, deliveries, cases, key }) => {
        const twin = datasetOf(roundCube(baseCube(rows, deliveries, cases), key))
        const trueCells = baseCube(rows, deliveries, cases)
        const twinCells = baseCube(twin.rows, twin.deliveries, twin.cases)

        // Base cells: each true 1–4 is a multiple of 5 (0 or 5) in D′.
        const twinCount = new Map(
          (Object.keys(twinCells) as (keyof StatsCube)[]).flatMap((cube) =>
            twinCells[cube].map((c) => [cellIdentity(cube, c), c.count] as const),
          ),
        )
        for (const cube of Object.keys(trueCells) as (keyof StatsCube)[])
          for (const cell of trueCells[cube])
            if (cell.count >= 1 && cell.count <= 4)
              expect(twinCount.get(cellIdentity(cube, cell)) ?? 0).not.toBe(cell.count)

        for (const [from, to] of PERIODS) {
          const range = statsRange(from, to)
          const published = buildStats(range, rows, deliveries, GENERATED, key, cases)
          // What the adversary sees from D and from D′ is the same, figure for figure.
          expect(
            countsOnly(buildStats(range, twin.rows, twin.deliveries, GENERATED, key, twin.cases)),
          ).toEqual(countsOnly(published))
          // The truth behind each published figure, in D and in D′ (D′'s truth is what is published).
          const inRange = <
            T extends { submittedAt?: Date; createdAt?: Date; firstReportAt?: Date },
          >(
            list: T[],
          ) =>
            list.filter((r) => {
              const t = (r.submittedAt ?? r.createdAt ?? r.firstReportAt)!
              return t >= range.from && t < range.to
            })
          const truthD = figures(
            projectStats(
              range,
              baseCube(inRange(rows), inRange(deliveries), inRange(cases)),
              null,
              GENERATED,
            ),
          )
          const truthTwin = figures(
            projectStats(
              range,
              baseCube(inRange(twin.rows), inRange(twin.deliveries), inRange(twin.cases)),
              null,
              GENERATED,
            ),
          )
          expect(truthTwin).toEqual(figures(published))
          for (const [name, n] of truthD)
            if (n >= 1 && n <= 4)
              expect(truthTwin.get(name) ?? 0, `${from}..${to} ${name}`).not.toBe(n)
        }
      }),
      { numRuns: 100 },
    )
  })

  it('closes the audit case: no difference of published figures gives back 3', () => {
    const key = Buffer.alloc(32, 7)
    const row = (category: string, platform: string, month: string): StatsReportRow => ({
      submittedAt: at(month, 5),
      category,
      platform,
      partnerKind: 'brand',
      urgent: false,
      raid: false,
      withdrawn: false,
      firstActionAt: null,
    })
    const times = (n: number, make: () => StatsReportRow) => Array.from({ length: n }, make)
    const rows = [
      ...times(3, () => row('harassment', 'instagram', '2026-01')),
      ...times(10, () => row('threat', 'instagram', '2026-01')),
      ...times(10, () => row('harassment', 'tiktok', '2026-01')),
      ...times(10, () => row('threat', 'tiktok', '2026-01')),
      ...times(7, () => row('threat', 'tiktok', '2026-02')),
    ]
    const jan = buildStats(statsRange('2026-01-01', '2026-01-31'), rows, [], GENERATED, key)
    const both = buildStats(statsRange('2026-01-01', '2026-02-28'), rows, [], GENERATED, key)
    const all = [...figures(jan).values(), ...figures(both).values()]
    // Every figure is a multiple of 5, so every sum or difference of figures is one too.
    for (const n of all) expect(n % 5).toBe(0)
    const instagram = jan.byPlatform.find((p) => p.platform === 'instagram')?.reports ?? 0
    const threatInstagram =
      jan.cells.find((c) => c.category === 'threat' && c.platform === 'instagram')?.reports ?? 0
    expect([0, 5]).toContain(instagram - threatInstagram)
    // Overlapping periods differ by whole rounded months: January's figures, again.
    expect(both.byMonth.find((m) => m.month === '2026-01')).toEqual(jan.byMonth[0])
  })
})
