import { afterEach, describe, expect, it, vi } from 'vitest'
import { ShiftCounter } from './shift-counter'

const key = (k: string, repeat = false) => ({ key: k, repeat }) as KeyboardEvent

describe('ShiftCounter', () => {
  afterEach(() => vi.restoreAllMocks())

  function counter() {
    let now = 0
    vi.spyOn(performance, 'now').mockImplementation(() => now)
    const counts: number[] = []
    const exits: number[] = []
    const c = new ShiftCounter(
      (n) => counts.push(n),
      () => exits.push(now),
    )
    return { c, counts, exits, at: (t: number) => (now = t) }
  }

  it('exits on the third Shift, each within 5 s of the previous', () => {
    const { c, counts, exits, at } = counter()
    at(0)
    c.handle(key('Shift'))
    at(4900)
    c.handle(key('Shift'))
    at(9800)
    c.handle(key('Shift'))
    expect(counts).toEqual([1, 2])
    expect(exits).toEqual([9800])
  })

  it('starts again after more than 5 s', () => {
    const { c, counts, exits, at } = counter()
    at(0)
    c.handle(key('Shift'))
    at(6000)
    c.handle(key('Shift'))
    at(7000)
    c.handle(key('Shift'))
    expect(counts).toEqual([1, 1, 2])
    expect(exits).toEqual([])
  })

  it('ignores key repeat and resets on any other key', () => {
    const { c, counts, exits } = counter()
    c.handle(key('Shift'))
    c.handle(key('Shift', true))
    c.handle(key('Shift'))
    c.handle(key('a'))
    c.handle(key('Shift'))
    expect(counts).toEqual([1, 2, 0, 1])
    expect(exits).toEqual([])
  })
})
