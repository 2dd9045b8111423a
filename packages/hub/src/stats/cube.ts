/**
 * The base cubes every published figure is summed from: per month, live reports by category ×
 * platform × partner kind × urgent × raid × acted-on; withdrawn reports by month alone (they are
 * tombstones); finished deliveries by receiver kind × outcome; cases by raid × size band. `roundCube` rounds each cell
 * once (`rounding.ts`); the rounded cube is itself a possible dataset, which is why no
 * combination of figures summed from it can single out a count from 1 to 4.
 */
import type {
  CaseSizeBand,
  CategoryCode,
  PartnerKind,
  PlatformCode,
  ReceiverKind,
} from '@safe-place/schemas'
import { monthOf } from './range'
import { roundCount } from './rounding'

/** A report as the statistics see it: plain columns only, never sealed content. */
export interface StatsReportRow {
  submittedAt: Date
  category: string
  platform: string
  partnerKind: string
  urgent: boolean
  raid: boolean
  withdrawn: boolean
  firstActionAt: Date | null
}

/** A finished webhook delivery of a report, by receiver kind. */
export interface StatsDeliveryRow {
  createdAt: Date
  receiverKind: string
  succeeded: boolean
}

/** A case as the statistics see it: when it started, whether a raid, how many live reports. */
export interface StatsCaseRow {
  firstReportAt: Date
  raid: boolean
  /** Reports of the case not withdrawn; a case with none is not counted. */
  liveReports: number
}

/** The published band of a case's size. */
function sizeBand(reports: number): CaseSizeBand {
  if (reports >= 100) return '100+'
  if (reports >= 20) return '20-99'
  if (reports >= 5) return '5-19'
  if (reports >= 2) return '2-4'
  return '1'
}

interface CaseCell {
  month: string
  raid: boolean
  size: CaseSizeBand
  count: number
}

interface LiveCell {
  month: string
  category: CategoryCode
  platform: PlatformCode
  partnerKind: PartnerKind
  urgent: boolean
  raid: boolean
  /** A receiver set a first status (the first action). */
  acted: boolean
  count: number
}

interface WithdrawnCell {
  month: string
  count: number
}

interface DeliveryCell {
  month: string
  receiverKind: ReceiverKind
  outcome: 'succeeded' | 'failed'
  count: number
}

export interface StatsCube {
  live: LiveCell[]
  withdrawn: WithdrawnCell[]
  delivery: DeliveryCell[]
  cases: CaseCell[]
}

/** A report counts as acted on when a receiver's first status came after it was sent. */
export const actedOn = (r: StatsReportRow): boolean =>
  r.firstActionAt !== null && r.firstActionAt >= r.submittedAt

/** A cell's identity: which cube, then its key fields in a fixed order (never its count). */
export function cellIdentity(cube: keyof StatsCube, cell: object): string {
  const { count: _, ...key } = cell as { count?: number }
  return JSON.stringify([cube, ...Object.entries(key).sort(([a], [b]) => (a < b ? -1 : 1))])
}

/** Counts rows into cells keyed by `key(row)`: one cell per distinct key. */
function cells<R, C extends object>(
  cube: keyof StatsCube,
  rows: readonly R[],
  key: (row: R) => C,
): (C & { count: number })[] {
  const out = new Map<string, C & { count: number }>()
  for (const row of rows) {
    const cell = key(row)
    const id = cellIdentity(cube, cell)
    const seen = out.get(id)
    if (seen) seen.count += 1
    else out.set(id, { ...cell, count: 1 })
  }
  return [...out.values()]
}

/** The true base cubes of some rows (already limited to the period). */
export function baseCube(
  rows: readonly StatsReportRow[],
  deliveries: readonly StatsDeliveryRow[],
  caseRows: readonly StatsCaseRow[] = [],
): StatsCube {
  return {
    live: cells(
      'live',
      rows.filter((r) => !r.withdrawn),
      (r) => ({
        month: monthOf(r.submittedAt),
        category: r.category as CategoryCode,
        platform: r.platform as PlatformCode,
        partnerKind: r.partnerKind as PartnerKind,
        urgent: r.urgent,
        raid: r.raid,
        acted: actedOn(r),
      }),
    ),
    withdrawn: cells(
      'withdrawn',
      rows.filter((r) => r.withdrawn),
      (r) => ({ month: monthOf(r.submittedAt) }),
    ),
    delivery: cells('delivery', deliveries, (d) => ({
      month: monthOf(d.createdAt),
      receiverKind: d.receiverKind as ReceiverKind,
      outcome: d.succeeded ? ('succeeded' as const) : ('failed' as const),
    })),
    cases: cells(
      'cases',
      caseRows.filter((c) => c.liveReports > 0),
      (c) => ({ month: monthOf(c.firstReportAt), raid: c.raid, size: sizeBand(c.liveReports) }),
    ),
  }
}

/** Every cell rounded once under the statistics key; cells that round to 0 are left out. */
export function roundCube(cube: StatsCube, key: Buffer): StatsCube {
  const round = <C extends { count: number }>(name: keyof StatsCube, list: C[]): C[] =>
    list
      .map((cell) => ({ ...cell, count: roundCount(key, cellIdentity(name, cell), cell.count) }))
      .filter((cell) => cell.count > 0)
  return {
    live: round('live', cube.live),
    withdrawn: round('withdrawn', cube.withdrawn),
    delivery: round('delivery', cube.delivery),
    cases: round('cases', cube.cases),
  }
}
