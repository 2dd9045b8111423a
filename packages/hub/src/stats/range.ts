/**
 * Turns `from`/`to` (a day or an exact time) into the whole calendar months (UTC) they touch,
 * as a half-open range `[from, to)`. Every answer is then a union of months, the unit the
 * rounded statistics are built from: two periods can only differ by whole rounded months,
 * never by a few days that would isolate a handful of reports.
 */
import { HubError } from '../hub-error'

export interface StatsRange {
  /** Start of the first month, included. */
  from: Date
  /** Start of the month after the last one, excluded. */
  to: Date
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** `YYYY-MM` of an instant (UTC). */
export const monthOf = (d: Date): string => d.toISOString().slice(0, 7)

const monthStart = (d: Date, add = 0) =>
  new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + add, 1))

export function statsRange(from: string, to: string): StatsRange {
  const start = new Date(DAY.test(from) ? `${from}T00:00:00.000Z` : from)
  // A day as `to` includes that whole day; an exact time is excluded.
  const end = DAY.test(to) ? new Date(Date.parse(`${to}T00:00:00.000Z`) + 86_400_000) : new Date(to)
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || start >= end) {
    throw new HubError('validation_failed', '`from` must be before `to`.', {
      details: [{ path: 'to', message: 'Must be after from' }],
    })
  }
  // The last instant covered is just before `end`: its month is the last one touched.
  return { from: monthStart(start), to: monthStart(new Date(end.getTime() - 1), 1) }
}
