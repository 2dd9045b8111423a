import { describe, expect, it } from 'vitest'
import { DEFAULT_RETRY_SCHEDULE_MS, nextRetryDelay, parseRetryAfter } from './schedule'

describe('retry schedule', () => {
  const policy = { scheduleMs: DEFAULT_RETRY_SCHEDULE_MS, jitter: 0.2 }

  it('follows immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then gives up', () => {
    const exact = { ...policy, random: () => 0.5 }
    const delays = [1, 2, 3, 4, 5, 6, 7].map((n) => nextRetryDelay(n, exact))
    expect(delays).toEqual([
      5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
    ])
    expect(nextRetryDelay(8, exact)).toBeNull()
  })

  it('jitters by at most 20 %', () => {
    expect(nextRetryDelay(1, { ...policy, random: () => 0 })).toBe(4_000)
    expect(nextRetryDelay(1, { ...policy, random: () => 0.999999 })).toBe(6_000)
  })

  it('reads Retry-After as seconds or as a date', () => {
    const now = Date.parse('2026-11-23T01:00:00Z')
    expect(parseRetryAfter('120', now)).toBe(120_000)
    expect(parseRetryAfter('Mon, 23 Nov 2026 01:01:00 GMT', now)).toBe(60_000)
    expect(parseRetryAfter('soon', now)).toBeNull()
    expect(parseRetryAfter(undefined, now)).toBeNull()
    expect(parseRetryAfter('999999999', now)).toBe(24 * 3600 * 1000)
  })
})
