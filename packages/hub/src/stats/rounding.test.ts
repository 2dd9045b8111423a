import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { roundCount, roundingDraw, roundWithDraw } from './rounding'

/** Deterministic keys, so the statistical checks below never flake. */
const keyOf = (i: number) => createHash('sha256').update(`test key ${i}`).digest()
const KEY = keyOf(0)

describe('unbiased keyed rounding', () => {
  it('rounds to the multiple of 5 below or above, never further', () => {
    for (let n = 0; n <= 40; n++) {
      const r = roundCount(KEY, `cell ${n}`, n)
      expect(r % 5, `n=${n}`).toBe(0)
      expect(Math.abs(r - n), `n=${n}`).toBeLessThan(5)
    }
    expect(roundWithDraw(3, 0.59)).toBe(5)
    expect(roundWithDraw(3, 0.6)).toBe(0)
    expect(roundWithDraw(11, 0.19)).toBe(15)
    expect(roundWithDraw(11, 0.2)).toBe(10)
  })

  it('leaves multiples of 5 unchanged, zero included, whatever the draw', () => {
    for (const n of [0, 5, 10, 35, 1000])
      for (const draw of [0, 0.3, 0.999_999]) expect(roundWithDraw(n, draw)).toBe(n)
    for (let i = 0; i < 50; i++) expect(roundCount(keyOf(i), 'cell', 20)).toBe(20)
  })

  it('is stable: the same cell under the same key rounds the same way every time', () => {
    for (let n = 0; n < 20; n++) {
      const first = roundCount(KEY, `["live","2026-01",${n}]`, n)
      for (let again = 0; again < 5; again++)
        expect(roundCount(KEY, `["live","2026-01",${n}]`, n)).toBe(first)
    }
    expect(roundingDraw(KEY, 'a')).toBe(roundingDraw(Buffer.from(KEY), 'a'))
  })

  it('draws uniformly in [0, 1)', () => {
    const draws = Array.from({ length: 10_000 }, (_, i) => roundingDraw(KEY, `cell ${i}`))
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...draws)).toBeLessThan(1)
    // Each tenth of [0, 1) gets about 1,000 draws (±5 standard deviations).
    const tenths = Array.from(
      { length: 10 },
      (_, t) => draws.filter((d) => Math.floor(d * 10) === t).length,
    )
    for (const count of tenths) expect(Math.abs(count - 1000)).toBeLessThan(150)
  })

  it('is unbiased: averaged over many keys, or over many cells, a rounded n is n', () => {
    const keys = Array.from({ length: 4000 }, (_, i) => keyOf(i))
    for (const n of [1, 2, 3, 4, 7, 13]) {
      const overKeys =
        keys.reduce((sum, key) => sum + roundCount(key, 'one cell', n), 0) / keys.length
      const overCells =
        keys.reduce((sum, _, i) => sum + roundCount(KEY, `cell ${i}`, n), 0) / keys.length
      // One rounding has a standard deviation of at most 2.5: 0.2 is over 5 of the mean's.
      expect(Math.abs(overKeys - n), `n=${n} over keys`).toBeLessThan(0.2)
      expect(Math.abs(overCells - n), `n=${n} over cells`).toBeLessThan(0.2)
    }
  })

  it('depends on the secret key: another key rounds the same cells differently', () => {
    const cells = Array.from({ length: 200 }, (_, i) => `["live","2026-0${1 + (i % 9)}",${i}]`)
    const under = (key: Buffer) => cells.map((cell) => roundCount(key, cell, 2))
    const a = under(keyOf(1))
    const b = under(keyOf(2))
    expect(a).toEqual(under(keyOf(1)))
    const differ = a.filter((r, i) => r !== b[i]).length
    // Two independent draws of a count of 2 disagree with probability 2 × 0.4 × 0.6 = 0.48.
    expect(differ).toBeGreaterThan(60)
    expect(differ).toBeLessThan(140)
  })
})
