/**
 * Sums a statistics cube into the published `StatsReport`. Every figure — totals, months,
 * breakdowns, cells, urgent and raid counts, first actions, deliveries, cases — is a sum of cube
 * cells, and every share is computed from those sums: given the rounded cube, nothing else
 * about the reports reaches the answer (the median has its own rule, see `median.ts`).
 * Zero figures are left out of the lists, so what is listed depends on the rounded cube only.
 */
import {
  type CaseSizeBand,
  type CategoryCode,
  type PartnerKind,
  type PlatformCode,
  type ReceiverKind,
  STATS_ROUNDING_BASE,
  STATS_ROUNDING_METHOD,
  type StatsReport,
  type StatsShare,
} from '@safe-place/schemas'
import type { StatsCube } from './cube'
import type { StatsRange } from './range'

/** Sums `count` by `key`, keeping only non-zero sums, in key order. */
function sumBy<C extends { count: number }>(list: readonly C[], key: (c: C) => string) {
  const sums = new Map<string, number>()
  for (const c of list) sums.set(key(c), (sums.get(key(c)) ?? 0) + c.count)
  return [...sums.entries()]
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}

const total = <C extends { count: number }>(
  list: readonly C[],
  keep: (c: C) => boolean = () => true,
) => list.reduce((sum, c) => (keep(c) ? sum + c.count : sum), 0)

const ratio = (count: number, of: number) =>
  of > 0 ? Math.round((count / of) * 1000) / 1000 : null

const share = (count: number, of: number): StatsShare => ({ count, of, share: ratio(count, of) })

const SEP = '\u0000'

export function projectStats(
  range: StatsRange,
  cube: StatsCube,
  medianHours: number | null,
  generatedAt: Date,
): StatsReport {
  const { live, withdrawn, delivery, cases } = cube
  const caseCount = total(cases)
  const reports = total(live)
  const liveByMonth = new Map(sumBy(live, (c) => c.month))
  const goneByMonth = new Map(sumBy(withdrawn, (c) => c.month))
  const months = [...new Set([...liveByMonth.keys(), ...goneByMonth.keys()])].sort()
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    generatedAt: generatedAt.toISOString(),
    rounding: { base: STATS_ROUNDING_BASE, method: STATS_ROUNDING_METHOD },
    totals: { reports, withdrawn: total(withdrawn) },
    byMonth: months.map((month) => ({
      month,
      reports: liveByMonth.get(month) ?? 0,
      withdrawn: goneByMonth.get(month) ?? 0,
    })),
    byCategory: sumBy(live, (c) => c.category).map(([category, n]) => ({
      category: category as CategoryCode,
      reports: n,
    })),
    byPlatform: sumBy(live, (c) => c.platform).map(([platform, n]) => ({
      platform: platform as PlatformCode,
      reports: n,
    })),
    byPartnerKind: sumBy(live, (c) => c.partnerKind).map(([partnerKind, n]) => ({
      partnerKind: partnerKind as PartnerKind,
      reports: n,
    })),
    cells: sumBy(live, (c) => [c.month, c.category, c.platform, c.partnerKind].join(SEP)).map(
      ([key, n]) => {
        const [month, category, platform, partnerKind] = key.split(SEP) as [
          string,
          CategoryCode,
          PlatformCode,
          PartnerKind,
        ]
        return { month, category, platform, partnerKind, reports: n }
      },
    ),
    urgent: share(
      total(live, (c) => c.urgent),
      reports,
    ),
    coordinatedAttack: share(
      total(live, (c) => c.raid),
      reports,
    ),
    firstAction: { reports: total(live, (c) => c.acted), medianHours },
    delivery: sumBy(delivery, (c) => c.receiverKind).map(([receiverKind, messages]) => {
      const succeeded = total(
        delivery,
        (c) => c.receiverKind === receiverKind && c.outcome === 'succeeded',
      )
      return {
        receiverKind: receiverKind as ReceiverKind,
        messages,
        succeeded,
        successRate: ratio(succeeded, messages),
      }
    }),
    cases: {
      total: caseCount,
      raids: share(
        total(cases, (c) => c.raid),
        caseCount,
      ),
      byMonth: sumBy(cases, (c) => c.month).map(([month, n]) => ({
        month,
        cases: n,
        raids: total(cases, (c) => c.month === month && c.raid),
      })),
      bySize: sumBy(cases, (c) => c.size).map(([size, n]) => ({
        size: size as CaseSizeBand,
        cases: n,
      })),
    },
  }
}
