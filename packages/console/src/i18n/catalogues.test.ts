import { describe, expect, it } from 'vitest'
import { en } from './en'
import { fr } from './fr'
import { codeKey, translator } from './index'

describe('message catalogues', () => {
  it('have the same keys and placeholders in French and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort())
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort()
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      expect(holes(en[key]), key).toEqual(holes(fr[key]))
      expect(en[key].trim(), key).not.toBe('')
    }
  })

  it('fills placeholders and finds code keys', () => {
    expect(translator('fr')('detailTitle', { reference: 'SP-1' })).toBe('Signalement SP-1')
    expect(translator('en')('rangeDone', { count: 3 })).toBe('3 message(s) queued again.')
    expect(codeKey('status', 'in_review')).toBe('status_in_review')
    expect(codeKey('status', 'nope')).toBeUndefined()
  })
})
