/** Turns `from`/`to` (a day or an exact time) into a half-open range `[from, to)`. */
import { HubError } from '../hub-error'
import type { StatsRange } from './query'

const DAY = /^\d{4}-\d{2}-\d{2}$/

export function statsRange(from: string, to: string): StatsRange {
  const start = new Date(DAY.test(from) ? `${from}T00:00:00.000Z` : from)
  // A day as `to` includes that whole day.
  const end = DAY.test(to) ? new Date(Date.parse(`${to}T00:00:00.000Z`) + 86_400_000) : new Date(to)
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || start >= end) {
    throw new HubError('validation_failed', '`from` must be before `to`.', {
      details: [{ path: 'to', message: 'Must be after from' }],
    })
  }
  return { from: start, to: end }
}
