import { describe, expect, it } from 'vitest'
import { niceMax } from './bar-chart'

describe('bar chart scale', () => {
  it('rounds the axis up to 1, 2 or 5 times a power of ten', () => {
    expect(niceMax(0)).toBe(5)
    expect(niceMax(7)).toBe(10)
    expect(niceMax(21)).toBe(50)
    expect(niceMax(120)).toBe(200)
    expect(niceMax(500)).toBe(500)
  })
})
