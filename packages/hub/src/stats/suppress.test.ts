import { describe, expect, it } from 'vitest'
import { suppressCount, suppressedMedian, suppressPartition, suppressShare } from './suppress'

describe('small-cell suppression', () => {
  it('publishes counts of 5 or more, and "< 5" for anything smaller, zero included', () => {
    expect([0, 1, 4, 5, 120].map(suppressCount)).toEqual(['< 5', '< 5', '< 5', 5, 120])
  })

  it('hides a share whenever one of its counts is hidden', () => {
    expect(suppressShare(4, 100)).toEqual({ count: '< 5', of: 100, share: null })
    expect(suppressShare(97, 100)).toEqual({ count: 97, of: 100, share: 0.97 })
    expect(suppressShare(25, 100)).toEqual({ count: 25, of: 100, share: 0.25 })
    expect(suppressShare(0, 0)).toEqual({ count: '< 5', of: '< 5', share: null })
  })

  it('suppresses a second cell when a single one is small, so no subtraction recovers it', () => {
    expect(suppressPartition([12, 3, 6, 40])).toEqual([12, '< 5', '< 5', 40])
    expect(suppressPartition([12, 3, 2])).toEqual([12, '< 5', '< 5'])
    expect(suppressPartition([12, 30])).toEqual([12, 30])
    expect(suppressPartition([3])).toEqual(['< 5'])
  })

  it('gives a median over 5 values or more only', () => {
    expect(suppressedMedian([1, 2, 3, 4])).toBeNull()
    expect(suppressedMedian([5, 1, 3, 2, 4])).toBe(3)
    expect(suppressedMedian([1, 2, 3, 4, 5, 100])).toBe(3.5)
  })
})
