import { describe, expect, it } from 'vitest'
import { HubError } from '../hub-error'
import { monthOf, statsRange } from './range'

const iso = (r: { from: Date; to: Date }) => [r.from.toISOString(), r.to.toISOString()]

describe('statistics ranges snap to whole months', () => {
  it('covers every whole month that the days or times touch', () => {
    expect(iso(statsRange('2026-01-01', '2026-12-31'))).toEqual([
      '2026-01-01T00:00:00.000Z',
      '2027-01-01T00:00:00.000Z',
    ])
    expect(iso(statsRange('2026-01-15', '2026-02-03'))).toEqual([
      '2026-01-01T00:00:00.000Z',
      '2026-03-01T00:00:00.000Z',
    ])
    expect(iso(statsRange('2026-02-10T13:00:00.000Z', '2026-02-10T14:00:00.000Z'))).toEqual([
      '2026-02-01T00:00:00.000Z',
      '2026-03-01T00:00:00.000Z',
    ])
    // An exact `to` is excluded: midnight on 1 March touches February only.
    expect(iso(statsRange('2026-02-01', '2026-03-01T00:00:00.000Z'))).toEqual([
      '2026-02-01T00:00:00.000Z',
      '2026-03-01T00:00:00.000Z',
    ])
    expect(iso(statsRange('2025-12-31', '2026-01-01'))).toEqual([
      '2025-12-01T00:00:00.000Z',
      '2026-02-01T00:00:00.000Z',
    ])
  })

  it('refuses an empty or reversed period', () => {
    expect(() => statsRange('2026-02-01', '2026-01-31')).toThrow(HubError)
    expect(() => statsRange('2026-02-01T10:00:00Z', '2026-02-01T10:00:00Z')).toThrow(HubError)
    expect(() => statsRange('yesterday', '2026-01-31')).toThrow(HubError)
  })

  it('names months in UTC', () => {
    expect(monthOf(new Date('2026-01-31T23:59:59.999Z'))).toBe('2026-01')
    expect(monthOf(new Date('2026-02-01T00:30:00+01:00'))).toBe('2026-01')
  })
})
