/**
 * Sector statistics (`GET /v1/stats`, the console's statistics page, `safe-place-hub stats`):
 * anonymised aggregates for the federation's yearly report and a trusted flagger's yearly
 * transparency report. Every count below the threshold is published as the string `"< 5"`
 * (small-cell suppression), so no person can be singled out; withdrawn reports count only as
 * tombstones (a number per month, nothing else about them).
 */
import { z } from 'zod'
import { PartnerKind } from './admin/partners'
import { Timestamp } from './primitives'
import { ReceiverKind } from './receivers'
import { CategoryCode } from './taxonomy/categories'
import { PlatformCode } from './taxonomy/platforms'

/** Counts below this are never published. */
export const STATS_SUPPRESSION_THRESHOLD = 5
export const SUPPRESSED = '< 5' as const

/** A published count: 5 or more, or `"< 5"`. */
export const SuppressedCount = z.union([z.number().int().min(5), z.literal(SUPPRESSED)])
export type SuppressedCount = z.infer<typeof SuppressedCount>

/** A proportion, published only when both its counts are (5 or more). */
export const SuppressedShare = z.object({
  count: SuppressedCount,
  of: SuppressedCount,
  /** Between 0 and 1; null when suppressed. */
  share: z.number().min(0).max(1).nullable(),
})
export type SuppressedShare = z.infer<typeof SuppressedShare>

/** `YYYY-MM` (UTC). */
export const StatsMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)

/** A day (`2026-01-01`, UTC; `to` includes the whole day) or an exact time. */
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
  reports: SuppressedCount,
})
export type StatsCell = z.infer<typeof StatsCell>

export const StatsDelivery = z.object({
  receiverKind: ReceiverKind,
  /** Report messages whose delivery ended (succeeded, failed or dead). */
  messages: SuppressedCount,
  succeeded: SuppressedCount,
  successRate: z.number().min(0).max(1).nullable(),
})
export type StatsDelivery = z.infer<typeof StatsDelivery>

export const StatsReport = z
  .object({
    from: Timestamp,
    to: Timestamp,
    generatedAt: Timestamp,
    threshold: z.literal(STATS_SUPPRESSION_THRESHOLD),
    totals: z.object({
      /** Reports not withdrawn. */
      reports: SuppressedCount,
      /** Withdrawn reports: tombstones, counted and nothing more. */
      withdrawn: SuppressedCount,
    }),
    byMonth: z.array(
      z.object({ month: StatsMonth, reports: SuppressedCount, withdrawn: SuppressedCount }),
    ),
    byCategory: z.array(z.object({ category: CategoryCode, reports: SuppressedCount })),
    byPlatform: z.array(z.object({ platform: PlatformCode, reports: SuppressedCount })),
    byPartnerKind: z.array(z.object({ partnerKind: PartnerKind, reports: SuppressedCount })),
    /** Reports by month × category × platform × partner kind (empty combinations left out). */
    cells: z.array(StatsCell),
    urgent: SuppressedShare,
    coordinatedAttack: SuppressedShare,
    firstAction: z.object({
      /** Reports a receiver acted on. */
      reports: SuppressedCount,
      /** Median hours from the report to a receiver's first status; null when suppressed. */
      medianHours: z.number().min(0).nullable(),
    }),
    delivery: z.array(StatsDelivery),
  })
  .meta({ id: 'StatsReport', title: 'Sector statistics, small cells suppressed' })
export type StatsReport = z.infer<typeof StatsReport>
