/**
 * Reads what the statistics need — plain columns only, never sealed content — and builds the
 * `StatsReport`: rows → true base cubes → each cell rounded once under the statistics key →
 * sums. Withdrawn reports are tombstones: counted per month and nothing else about them used.
 */
import type { StatsReport } from '@safe-place/schemas'
import { and, count, eq, gte, inArray, isNull, lt, ne } from 'drizzle-orm'
import { caseMembers, cases, messages, partners, receivers, reports } from '../db/schema'
import type { ReadDb } from '../db/types'
import {
  baseCube,
  roundCube,
  type StatsCaseRow,
  type StatsDeliveryRow,
  type StatsReportRow,
} from './cube'
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
  caseRows: readonly StatsCaseRow[] = [],
): StatsReport {
  const inRange = rows.filter((r) => within(range, r.submittedAt))
  const cube = baseCube(
    inRange,
    deliveries.filter((d) => within(range, d.createdAt)),
    caseRows.filter((c) => within(range, c.firstReportAt)),
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
  // Cases by the month of their first report; merged ones count in the case holding their
  // reports; a case's size counts its reports not withdrawn.
  const caseRows = await db
    .select({
      firstReportAt: cases.firstReportAt,
      raid: cases.raid,
      liveReports: count(reports.id),
    })
    .from(cases)
    .leftJoin(caseMembers, eq(caseMembers.caseId, cases.id))
    .leftJoin(
      reports,
      and(
        eq(reports.id, caseMembers.reportId),
        isNull(reports.withdrawnAt),
        ne(reports.status, 'withdrawn'),
      ),
    )
    .where(
      and(
        ne(cases.status, 'merged'),
        gte(cases.firstReportAt, range.from),
        lt(cases.firstReportAt, range.to),
      ),
    )
    .groupBy(cases.id)
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
    caseRows,
  )
}
