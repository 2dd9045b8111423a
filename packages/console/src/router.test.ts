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
    expect(parseRoute('#/nope')).toEqual({ name: 'inbox' })
  })

  it('keeps receivers out of the operator pages', () => {
    expect(allowed({ name: 'stats' }, 'receiver')).toBe(false)
    expect(allowed({ name: 'partners' }, 'receiver')).toBe(false)
    expect(allowed({ name: 'inbox' }, 'receiver')).toBe(true)
    expect(allowed({ name: 'stats' }, 'operator')).toBe(true)
  })
})
