/**
 * The median time to a receiver's first action. A median is not a count and cannot be
 * rounded like one, so it is published only over enough reports (`STATS_MEDIAN_MIN_VALUES`)
 * that no single report's delay shows through; null otherwise.
 */
import { STATS_MEDIAN_MIN_VALUES } from '@safe-place/schemas'
import { actedOn, type StatsReportRow } from './cube'

const HOUR = 3_600_000

/** Median hours (1 decimal) from live reports to their first action, or null when too few. */
export function medianFirstActionHours(rows: readonly StatsReportRow[]): number | null {
  const hours = rows
    .filter((r) => !r.withdrawn && actedOn(r))
    .map((r) => (r.firstActionAt!.getTime() - r.submittedAt.getTime()) / HOUR)
    .sort((a, b) => a - b)
  if (hours.length < STATS_MEDIAN_MIN_VALUES) return null
  const mid = Math.floor(hours.length / 2)
  const median = hours.length % 2 ? hours[mid]! : (hours[mid - 1]! + hours[mid]!) / 2
  return Math.round(median * 10) / 10
}
