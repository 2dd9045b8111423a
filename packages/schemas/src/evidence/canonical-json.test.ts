import { describe, expect, it } from 'vitest'
import { canonicalJson } from './canonical-json'

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units, drops undefined, keeps no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'é'], A: { z: undefined, y: 2 } })).toBe(
      '{"A":{"y":2},"a":[true,null,"é"],"b":1}',
    )
    // "\u20ac" (€) sorts before "\ud83d…" (an emoji) by code unit, not by code point order.
    expect(canonicalJson({ '😀': 1, '€': 2, '\r': 3 })).toBe('{"\\r":3,"€":2,"😀":1}')
  })

  it('writes numbers as ECMAScript does and refuses what JSON cannot hold', () => {
    expect(canonicalJson([1e21, 0.1, -0, 10])).toBe('[1e+21,0.1,0,10]')
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError)
    expect(() => canonicalJson(() => 1)).toThrow(TypeError)
  })

  it('keeps a key named __proto__ as the key it is', () => {
    expect(canonicalJson(JSON.parse('{"b":1,"__proto__":{"x":2}}'))).toBe(
      '{"__proto__":{"x":2},"b":1}',
    )
  })
})
