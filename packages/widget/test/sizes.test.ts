/** The size budgets of issue 5, asserted on the built files (not timed). */
import { describe, expect, it } from 'vitest'
import { budgets, measureBuild } from '../scripts/sizes'
import { testDist } from './support/paths'

describe('bundle budgets (min+gzip, Lit included)', () => {
  it('first load (element + launcher) ≤ 9 KB, everything ≤ 35 KB, one first-load file', async () => {
    const sizes = await measureBuild(testDist)
    expect(sizes.firstLoad.map((f) => f.file)).toEqual(['safe-place-help.js'])
    expect(sizes.sum(sizes.firstLoad).gzip).toBeLessThanOrEqual(budgets.firstLoad)
    expect(sizes.sum(sizes.all).gzip).toBeLessThanOrEqual(budgets.total)
    expect(sizes.all.length).toBeGreaterThan(1)
  })
})
