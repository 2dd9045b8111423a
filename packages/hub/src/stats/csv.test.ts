import { describe, expect, it } from 'vitest'
import { csvCell } from './csv'

describe('CSV cells', () => {
  it('quotes separators and neutralises spreadsheet formulas', () => {
    expect(csvCell(0)).toBe('0')
    expect(csvCell('unbiased-random-keyed')).toBe('unbiased-random-keyed')
    expect(csvCell(12)).toBe('12')
    expect(csvCell(null)).toBe('')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
  })
})
