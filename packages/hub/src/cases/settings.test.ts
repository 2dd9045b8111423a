import { describe, expect, it } from 'vitest'
import { loadConfig } from '../config'
import { dueAtOf } from './service-level'

const HOUR = 3_600_000

describe('case settings', () => {
  it('has the documented defaults', () => {
    const { cases } = loadConfig({}).settings
    expect(cases).toMatchObject({ windowMs: 30 * 24 * HOUR, raidReports: 20, raidWindowMs: HOUR })
    const at = new Date('2026-05-01T00:00:00.000Z')
    const due = (r: Partial<Parameters<typeof dueAtOf>[1]>) =>
      (dueAtOf(cases.serviceLevels, {
        urgent: false,
        category: 'harassment',
        minorInvolved: false,
        submittedAt: at,
        ...r,
      }).getTime() -
        at.getTime()) /
      HOUR
    expect(due({ urgent: true, category: 'ncii' })).toBe(1)
    for (const category of ['ncii', 'sexual_deepfake', 'sextortion', 'minor_sexual', 'doxxing']) {
      expect(due({ category }), category).toBe(24)
    }
    expect(due({ minorInvolved: true })).toBe(24)
    expect(due({})).toBe(72)
  })

  it('reads the environment, and names the variable of a bad value', () => {
    const { cases } = loadConfig({
      SAFE_PLACE_CASE_WINDOW: '7d',
      SAFE_PLACE_RAID_REPORTS: '50',
      SAFE_PLACE_RAID_WINDOW: '15m',
      SAFE_PLACE_CASE_SERVICE_LEVELS: 'urgent=30m,doxxing=12h,default=48h',
    }).settings
    expect(cases.windowMs).toBe(7 * 24 * HOUR)
    expect(cases.raidReports).toBe(50)
    expect(cases.raidWindowMs).toBe(15 * 60_000)
    expect(cases.serviceLevels).toMatchObject({ urgentMs: HOUR / 2, defaultMs: 48 * HOUR })
    expect(cases.serviceLevels.categoryMs).toMatchObject({ doxxing: 12 * HOUR, ncii: 24 * HOUR })
    const bad: [Record<string, string>, string][] = [
      [{ SAFE_PLACE_CASE_WINDOW: 'a month' }, 'SAFE_PLACE_CASE_WINDOW'],
      [{ SAFE_PLACE_CASE_WINDOW: '10s' }, 'SAFE_PLACE_CASE_WINDOW'],
      [{ SAFE_PLACE_RAID_REPORTS: '1' }, 'SAFE_PLACE_RAID_REPORTS'],
      [{ SAFE_PLACE_RAID_WINDOW: 'soon' }, 'SAFE_PLACE_RAID_WINDOW'],
      [{ SAFE_PLACE_CASE_SERVICE_LEVELS: 'martian=1h' }, 'SAFE_PLACE_CASE_SERVICE_LEVELS'],
      [{ SAFE_PLACE_CASE_SERVICE_LEVELS: 'urgent=fast' }, 'SAFE_PLACE_CASE_SERVICE_LEVELS'],
    ]
    for (const [env, name] of bad) expect(() => loadConfig(env), name).toThrow(name)
  })
})
