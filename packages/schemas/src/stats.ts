/**
 * Sector statistics (`GET /v1/stats`, the console's statistics page, `safe-place-hub stats`):
 * anonymised aggregates for the federation's yearly report and a trusted flagger's yearly
 * transparency report.
 *
 * Every figure is a sum of base cells (one per month and combination of attributes), each
 * rounded once to a multiple of 5 by an unbiased draw that only the hub can repeat. Every
 * answer, for any period, is then a view of one rounded table that could itself be the truth,
 * so no difference between figures — within an answer or across periods — recovers a count
 * from 1 to 4: a published 0 may stand for 1 to 4. Periods are whole calendar months (UTC).
 * Withdrawn reports count only as tombstones (a number per month, nothing else about them).
 */
import { z } from 'zod'
import { PartnerKind } from './admin/partners'
import { Timestamp } from './primitives'
import { ReceiverKind } from './receivers'
import { STATS_ROUNDING_BASE, STATS_ROUNDING_METHOD } from './stats-rules'
import { CategoryCode } from './taxonomy/categories'
import { PlatformCode } from './taxonomy/platforms'

/** A published count: a sum of rounded base cells, so a multiple of 5 (0 may stand for 1 to 4). */
export const RoundedCount = z.number().int().min(0).multipleOf(STATS_ROUNDING_BASE)
export type RoundedCount = z.infer<typeof RoundedCount>

/** A proportion of two rounded counts, computed from the rounded counts themselves. */
export const StatsShare = z.object({
  count: RoundedCount,
  of: RoundedCount,
  /** `count / of`, between 0 and 1 (3 decimals); null when `of` is 0. */
  share: z.number().min(0).max(1).nullable(),
})
export type StatsShare = z.infer<typeof StatsShare>

/** `YYYY-MM` (UTC). */
export const StatsMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)

/**
 * A day (`2026-01-01`, UTC; `to` includes the whole day) or an exact time. The answer covers
 * every whole month the period touches.
 */
export const StatsBound = z.union([z.iso.date(), Timestamp])

export const StatsQuery = z
  .object({
    from: StatsBound,
    to: StatsBound,
    format: z.enum(['json', 'csv']).default('json'),
  })
  .meta({ id: 'StatsQuery' })
export type StatsQuery = z.infer<typeof StatsQuery>

export const StatsCell = z.object({
  month: StatsMonth,
  category: CategoryCode,
  platform: PlatformCode,
  partnerKind: PartnerKind,
  reports: RoundedCount,
})
export type StatsCell = z.infer<typeof StatsCell>

export const StatsDelivery = z.object({
  receiverKind: ReceiverKind,
  /** Report messages whose delivery ended (succeeded, failed or dead). */
  messages: RoundedCount,
  succeeded: RoundedCount,
  /** `succeeded / messages` of the rounded counts; null when `messages` is 0. */
  successRate: z.number().min(0).max(1).nullable(),
})
export type StatsDelivery = z.infer<typeof StatsDelivery>

/** Cases by how many live reports they hold: the published form of "reports per case". */
export const CaseSizeBand = z.enum(['1', '2-4', '5-19', '20-99', '100+'])
export type CaseSizeBand = z.infer<typeof CaseSizeBand>

/**
 * Cases (reports grouped about one situation) counted by the month of their first report: a
 * base cell per month × raid × size band, rounded once like every other cell. Merged cases count
 * once, in the case that holds their reports; withdrawn reports do not count in a case's size.
 */
export const StatsCases = z.object({
  total: RoundedCount,
  /** Cases flagged as a raid, out of all cases. */
  raids: StatsShare,
  byMonth: z.array(z.object({ month: StatsMonth, cases: RoundedCount, raids: RoundedCount })),
  bySize: z.array(z.object({ size: CaseSizeBand, cases: RoundedCount })),
})
export type StatsCases = z.infer<typeof StatsCases>

export const StatsRounding = z.object({
  base: z.literal(STATS_ROUNDING_BASE),
  /**
   * Each base cell's count n is rounded once: a multiple of 5 stays; otherwise it goes up to
   * the next multiple with probability (n mod 5) / 5, else down — unbiased on average. The
   * draw comes from a secret keyed hash of the cell's identity, so it is the same in every
   * answer and nobody outside the hub can undo it.
   */
  method: z.literal(STATS_ROUNDING_METHOD),
})
export type StatsRounding = z.infer<typeof StatsRounding>

export const StatsReport = z
  .object({
    /** Start of the first whole month covered (UTC), included. */
    from: Timestamp,
    /** Start of the month after the last one covered (UTC), excluded. */
    to: Timestamp,
    generatedAt: Timestamp,
    rounding: StatsRounding,
    totals: z.object({
      /** Reports not withdrawn. */
      reports: RoundedCount,
      /** Withdrawn reports: tombstones, counted and nothing more. */
      withdrawn: RoundedCount,
    }),
    /** Months with a non-zero figure, in order. */
    byMonth: z.array(
      z.object({ month: StatsMonth, reports: RoundedCount, withdrawn: RoundedCount }),
    ),
    /** Non-zero figures only, here and in the breakdowns below. */
    byCategory: z.array(z.object({ category: CategoryCode, reports: RoundedCount })),
    byPlatform: z.array(z.object({ platform: PlatformCode, reports: RoundedCount })),
    byPartnerKind: z.array(z.object({ partnerKind: PartnerKind, reports: RoundedCount })),
    /** Reports by month × category × platform × partner kind (zero combinations left out). */
    cells: z.array(StatsCell),
    urgent: StatsShare,
    coordinatedAttack: StatsShare,
    firstAction: z.object({
      /** Reports a receiver acted on. */
      reports: RoundedCount,
      /**
       * Median hours from the report to a receiver's first status (1 decimal); null unless at
       * least `STATS_MEDIAN_MIN_VALUES` reports were acted on.
       */
      medianHours: z.number().min(0).nullable(),
    }),
    delivery: z.array(StatsDelivery),
    cases: StatsCases,
  })
  .meta({ id: 'StatsReport', title: 'Sector statistics, every figure rounded to a multiple of 5' })
export type StatsReport = z.infer<typeof StatsReport>
