import { describe, expect, it } from 'vitest'
import { RoundedCount, StatsReport, StatsShare } from './stats'

describe('statistics shapes', () => {
  it('accept only multiples of 5 as published counts', () => {
    for (const n of [0, 5, 10, 1235])
      expect(RoundedCount.safeParse(n).success, String(n)).toBe(true)
    for (const n of [1, 4, 6, -5, 2.5, '< 5'])
      expect(RoundedCount.safeParse(n).success, String(n)).toBe(false)
    expect(StatsShare.safeParse({ count: 3, of: 10, share: 0.3 }).success).toBe(false)
    expect(StatsShare.safeParse({ count: 0, of: 0, share: null }).success).toBe(true)
  })

  it('say how the figures were rounded', () => {
    const empty = {
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-02-01T00:00:00.000Z',
      generatedAt: '2026-03-01T00:00:00.000Z',
      rounding: { base: 5, method: 'unbiased-random-keyed' },
      totals: { reports: 0, withdrawn: 0 },
      byMonth: [],
      byCategory: [],
      byPlatform: [],
      byPartnerKind: [],
      cells: [],
      urgent: { count: 0, of: 0, share: null },
      coordinatedAttack: { count: 0, of: 0, share: null },
      firstAction: { reports: 0, medianHours: null },
      delivery: [],
      cases: { total: 0, raids: { count: 0, of: 0, share: null }, byMonth: [], bySize: [] },
    }
    expect(StatsReport.safeParse(empty).success).toBe(true)
    expect(StatsReport.safeParse({ ...empty, rounding: { base: 10, method: 'x' } }).success).toBe(
      false,
    )
  })
})
