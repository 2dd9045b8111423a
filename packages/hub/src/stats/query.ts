/**
 * Reads what the statistics need — plain columns only, never sealed content — and builds the
 * `StatsReport`: rows → true base cubes → each cell rounded once under the statistics key →
 * sums. Withdrawn reports are tombstones: counted per month and nothing else about them used.
 */
import type { StatsReport } from '@safe-place/schemas'
import { and, eq, gte, inArray, lt } from 'drizzle-orm'
import { messages, partners, receivers, reports } from '../db/schema'
import type { ReadDb } from '../db/types'
import { baseCube, roundCube, type StatsDeliveryRow, type StatsReportRow } from './cube'
import { medianFirstActionHours } from './median'
import { projectStats } from './project'
import type { StatsRange } from './range'

const within = (range: StatsRange, at: Date) => at >= range.from && at < range.to

/**
 * Builds the published statistics from rows (a pure function, tested on seeded and random
 * data); rows outside the range are ignored. `key` keys the rounding draws.
 */
export function buildStats(
  range: StatsRange,
  rows: readonly StatsReportRow[],
  deliveries: readonly StatsDeliveryRow[],
  generatedAt: Date,
  key: Buffer,
): StatsReport {
  const inRange = rows.filter((r) => within(range, r.submittedAt))
  const cube = baseCube(
    inRange,
    deliveries.filter((d) => within(range, d.createdAt)),
  )
  return projectStats(range, roundCube(cube, key), medianFirstActionHours(inRange), generatedAt)
}

/** Reads the period's rows from the database and builds the statistics. */
export async function computeStats(
  db: ReadDb,
  range: StatsRange,
  now: Date,
  key: Buffer,
): Promise<StatsReport> {
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
    .select({ createdAt: messages.createdAt, receiverKind: receivers.kind, state: messages.state })
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
    deliveries.map((d) => ({
      createdAt: d.createdAt,
      receiverKind: d.receiverKind,
      succeeded: d.state === 'succeeded',
    })),
    now,
    key,
  )
}
