import { describe, expect, it } from 'vitest'
import { allowed, parseRoute } from './router'

describe('routes', () => {
  it('parses hashes', () => {
    expect(parseRoute('')).toEqual({ name: 'inbox' })
    expect(parseRoute('#/reports/SP-7K3Q-9XWD')).toEqual({
      name: 'report',
      reference: 'SP-7K3Q-9XWD',
    })
    expect(parseRoute('#/stats')).toEqual({ name: 'stats' })
    expect(parseRoute('#/desk')).toEqual({ name: 'desk' })
    expect(parseRoute('#/cases/CS-7K3Q-9XWD')).toEqual({ name: 'case', id: 'CS-7K3Q-9XWD' })
    expect(parseRoute('#/cases')).toEqual({ name: 'desk' })
    expect(parseRoute('#/nope')).toEqual({ name: 'inbox' })
  })

  it('keeps receivers out of the operator pages', () => {
    expect(allowed({ name: 'stats' }, 'receiver')).toBe(false)
    expect(allowed({ name: 'partners' }, 'receiver')).toBe(false)
    expect(allowed({ name: 'inbox' }, 'receiver')).toBe(true)
    for (const route of [
      { name: 'desk' },
      { name: 'case', id: 'CS-1' },
      { name: 'preferences' },
    ] as const) {
      expect(allowed(route, 'receiver'), route.name).toBe(false)
      expect(allowed(route, 'operator'), route.name).toBe(true)
    }
    expect(allowed({ name: 'stats' }, 'operator')).toBe(true)
  })
})
