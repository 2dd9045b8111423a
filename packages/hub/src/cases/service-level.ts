/**
 * When a case is due: each report has a service level — the strictest that applies of urgent
 * (immediate danger or a crisis category), its category's own, a minor involved, or the default
 * — and the case is due at the earliest `submittedAt + level` of its reports.
 */
import type { CategoryCode } from '@safe-place/schemas'
import type { ServiceLevels } from './settings'

export interface LevelledReport {
  urgent: boolean
  category: string
  minorInvolved: boolean
  submittedAt: Date
}

/** The report's service level in milliseconds: the strictest that applies. */
function serviceLevelMs(levels: ServiceLevels, report: LevelledReport): number {
  const applying = [levels.defaultMs]
  if (report.urgent) applying.push(levels.urgentMs)
  if (report.minorInvolved) applying.push(levels.minorMs)
  const own = levels.categoryMs[report.category as CategoryCode]
  if (own !== undefined) applying.push(own)
  return Math.min(...applying)
}

export function dueAtOf(levels: ServiceLevels, report: LevelledReport): Date {
  return new Date(report.submittedAt.getTime() + serviceLevelMs(levels, report))
}

/** Open and past its due time. */
export function isOverdue(c: { status: string; dueAt: Date }, now: Date): boolean {
  return c.status === 'open' && now.getTime() > c.dueAt.getTime()
}
