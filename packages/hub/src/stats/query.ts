/**
 * Reads what the statistics need — plain columns only, never sealed content — and builds the
 * `StatsReport` with every count suppressed. Withdrawn reports are tombstones: they are counted
 * (per month and in total) and nothing else about them is used.
 */
import type {
  CategoryCode,
  PartnerKind,
  PlatformCode,
  ReceiverKind,
  StatsReport,
} from '@safe-place/schemas'
import { and, eq, gte, inArray, lt } from 'drizzle-orm'
import { messages, partners, receivers, reports } from '../db/schema'
import type { ReadDb } from '../db/types'
import { suppressCount, suppressedMedian, suppressPartition, suppressShare } from './suppress'

export interface StatsRange {
  /** Inclusive. */
  from: Date
  /** Exclusive. */
  to: Date
}

/** A report as the statistics see it. */
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
  receiverKind: string
  succeeded: boolean
}

const monthOf = (d: Date) => d.toISOString().slice(0, 7)

function countBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, number> {
  const out = new Map<string, number>()
  for (const row of rows) out.set(key(row), (out.get(key(row)) ?? 0) + 1)
  return out
}

function sortedEntries(map: Map<string, number>): [string, number][] {
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}

/** One breakdown: keys in order, counts suppressed together (secondary suppression). */
function breakdown(map: Map<string, number>) {
  const entries = sortedEntries(map)
  const shown = suppressPartition(entries.map(([, n]) => n))
  return entries.map(([key], i) => ({ key, reports: shown[i]! }))
}

/** Builds the published statistics from rows (a pure function: tested on seeded data). */
export function buildStats(
  range: StatsRange,
  rows: readonly StatsReportRow[],
  deliveries: readonly StatsDeliveryRow[],
  generatedAt: Date,
): StatsReport {
  const live = rows.filter((r) => !r.withdrawn)
  const tombstones = rows.filter((r) => r.withdrawn)

  const liveByMonth = countBy(live, (r) => monthOf(r.submittedAt))
  const goneByMonth = countBy(tombstones, (r) => monthOf(r.submittedAt))
  const months = [...new Set([...liveByMonth.keys(), ...goneByMonth.keys()])].sort()
  const monthLive = suppressPartition(months.map((m) => liveByMonth.get(m) ?? 0))
  const monthGone = suppressPartition(months.map((m) => goneByMonth.get(m) ?? 0))

  // The cube: per month, its cells are the parts of the month's published total.
  const cells: StatsReport['cells'] = []
  for (const month of months) {
    const inMonth = live.filter((r) => monthOf(r.submittedAt) === month)
    const parts = sortedEntries(
      countBy(inMonth, (r) => `${r.category}\u0000${r.platform}\u0000${r.partnerKind}`),
    )
    const shown = suppressPartition(parts.map(([, n]) => n))
    parts.forEach(([key], i) => {
      const [category, platform, partnerKind] = key.split('\u0000') as [string, string, string]
      cells.push({
        month,
        category: category as CategoryCode,
        platform: platform as PlatformCode,
        partnerKind: partnerKind as PartnerKind,
        reports: shown[i]!,
      })
    })
  }

  const acted = live.filter((r) => r.firstActionAt && r.firstActionAt >= r.submittedAt)
  const hours = acted.map((r) => (r.firstActionAt!.getTime() - r.submittedAt.getTime()) / 3_600_000)
  const medianHours = suppressedMedian(hours)

  const byKind = new Map<string, { all: number; ok: number }>()
  for (const d of deliveries) {
    const entry = byKind.get(d.receiverKind) ?? { all: 0, ok: 0 }
    entry.all += 1
    if (d.succeeded) entry.ok += 1
    byKind.set(d.receiverKind, entry)
  }

  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    generatedAt: generatedAt.toISOString(),
    threshold: 5,
    totals: { reports: suppressCount(live.length), withdrawn: suppressCount(tombstones.length) },
    byMonth: months.map((month, i) => ({
      month,
      reports: monthLive[i]!,
      withdrawn: monthGone[i]!,
    })),
    byCategory: breakdown(countBy(live, (r) => r.category)).map(({ key, reports }) => ({
      category: key as CategoryCode,
      reports,
    })),
    byPlatform: breakdown(countBy(live, (r) => r.platform)).map(({ key, reports }) => ({
      platform: key as PlatformCode,
      reports,
    })),
    byPartnerKind: breakdown(countBy(live, (r) => r.partnerKind)).map(({ key, reports }) => ({
      partnerKind: key as PartnerKind,
      reports,
    })),
    cells,
    urgent: suppressShare(live.filter((r) => r.urgent).length, live.length),
    coordinatedAttack: suppressShare(live.filter((r) => r.raid).length, live.length),
    firstAction: {
      reports: suppressCount(acted.length),
      medianHours: medianHours === null ? null : Math.round(medianHours * 10) / 10,
    },
    delivery: [...byKind.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([kind, { all, ok }]) => ({
        receiverKind: kind as ReceiverKind,
        messages: suppressCount(all),
        succeeded: suppressCount(ok),
        successRate: suppressShare(ok, all).share,
      })),
  }
}

/** Reads the period's rows from the database and builds the statistics. */
export async function computeStats(db: ReadDb, range: StatsRange, now: Date): Promise<StatsReport> {
  const rows = await db
    .select({
      submittedAt: reports.submittedAt,
      category: reports.category,
      platform: reports.platform,
      partnerKind: partners.kind,
      urgent: reports.urgent,
      raid: reports.raid,
      status: reports.status,
      withdrawnAt: reports.withdrawnAt,
      firstActionAt: reports.firstActionAt,
    })
    .from(reports)
    .innerJoin(partners, eq(partners.id, reports.partnerId))
    .where(and(gte(reports.submittedAt, range.from), lt(reports.submittedAt, range.to)))
  const deliveries = await db
    .select({ receiverKind: receivers.kind, state: messages.state })
    .from(messages)
    .innerJoin(receivers, eq(receivers.id, messages.receiverId))
    .where(
      and(
        eq(messages.eventType, 'report.created'),
        inArray(messages.state, ['succeeded', 'failed', 'dead']),
        gte(messages.createdAt, range.from),
        lt(messages.createdAt, range.to),
      ),
    )
  return buildStats(
    range,
    rows.map((r) => ({
      submittedAt: r.submittedAt,
      category: r.category,
      platform: r.platform,
      partnerKind: r.partnerKind,
      urgent: r.urgent,
      raid: r.raid,
      withdrawn: r.status === 'withdrawn' || r.withdrawnAt !== null,
      firstActionAt: r.firstActionAt,
    })),
    deliveries.map((d) => ({ receiverKind: d.receiverKind, succeeded: d.state === 'succeeded' })),
    now,
  )
}
