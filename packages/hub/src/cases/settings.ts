/**
 * How cases are made and worked, tunable per deployment (defaults in docs/cases.md):
 * - `windowMs` (`SAFE_PLACE_CASE_WINDOW`, 30 days): a report joins a case only through reports
 *   submitted at most this long before it;
 * - `raidReports` within `raidWindowMs` (`SAFE_PLACE_RAID_REPORTS`, 20; `SAFE_PLACE_RAID_WINDOW`,
 *   60 minutes): that many reports of one case in that time flag it as a raid;
 * - `serviceLevels` (`SAFE_PLACE_CASE_SERVICE_LEVELS`): hours to the due time — an urgent report
 *   (immediate danger, crisis categories) 1 h; intimate images, sextortion, a minor involved,
 *   doxxing 24 h; anything else 72 h.
 */
import { CategoryCode } from '@safe-place/schemas'
import { z } from 'zod'
import { parseDuration } from '../delivery/config'

const HOUR = 3_600_000

const DEFAULT_SERVICE_LEVELS = {
  urgentMs: 1 * HOUR,
  minorMs: 24 * HOUR,
  defaultMs: 72 * HOUR,
  categoryMs: {
    ncii: 24 * HOUR,
    sexual_deepfake: 24 * HOUR,
    sextortion: 24 * HOUR,
    minor_sexual: 24 * HOUR,
    doxxing: 24 * HOUR,
  } as Partial<Record<CategoryCode, number>>,
}

const duration = z
  .number()
  .int()
  .min(60_000)
  .max(365 * 24 * HOUR)

export const ServiceLevels = z.object({
  urgentMs: duration,
  minorMs: duration,
  defaultMs: duration,
  categoryMs: z.partialRecord(CategoryCode, duration),
})
export type ServiceLevels = z.infer<typeof ServiceLevels>

export const CaseSettings = z.object({
  windowMs: duration.default(30 * 24 * HOUR),
  raidReports: z.number().int().min(2).max(1_000_000).default(20),
  raidWindowMs: duration.default(HOUR),
  serviceLevels: ServiceLevels.default(DEFAULT_SERVICE_LEVELS),
})
export type CaseSettings = z.infer<typeof CaseSettings>

/**
 * `SAFE_PLACE_CASE_SERVICE_LEVELS`: `urgent=1h,minor=24h,default=72h,doxxing=12h,…` — each
 * entry overrides one default (`urgent`, `minor`, `default` or a category code).
 */
export function parseServiceLevels(raw: string): { levels: ServiceLevels } | { error: string } {
  const levels: ServiceLevels = {
    ...DEFAULT_SERVICE_LEVELS,
    categoryMs: { ...DEFAULT_SERVICE_LEVELS.categoryMs },
  }
  for (const part of raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, value] = part.split('=').map((s) => s.trim())
    const ms = value ? parseDuration(value) : null
    if (!name || ms === null) return { error: `Not name=duration: ${part}` }
    if (name === 'urgent') levels.urgentMs = ms
    else if (name === 'minor') levels.minorMs = ms
    else if (name === 'default') levels.defaultMs = ms
    else if (CategoryCode.safeParse(name).success) levels.categoryMs[name as CategoryCode] = ms
    else return { error: `Unknown service level: ${name} (urgent, minor, default or a category)` }
  }
  const checked = ServiceLevels.safeParse(levels)
  if (!checked.success) return { error: 'Each service level must be between 1 minute and a year' }
  return { levels: checked.data }
}
