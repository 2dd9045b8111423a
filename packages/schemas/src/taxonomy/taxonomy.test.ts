import { describe, expect, it } from 'vitest'
import { helpResources } from '../resources/data'
import { HelpResource } from '../resources/resource'
import { categories, categoryCodes, getCategory } from './categories'
import { dsaCategories, dsaKeywordCategory, keywordBelongsTo } from './dsa'
import { toDsaFields } from './dsa-mapping'
import { ozoneReasons } from './ozone'
import { platformCodes, platformFromUrl, platforms } from './platforms'

describe('taxonomy', () => {
  it('covers the 15 codes of docs/taxonomy.md, each defined once', () => {
    expect(categoryCodes).toHaveLength(15)
    expect(categories.map((c) => c.code)).toEqual([...categoryCodes])
  })

  it('labels and describes every code in French and English, in one plain sentence', () => {
    for (const c of categories) {
      for (const text of [c.label.fr, c.label.en, c.description.fr, c.description.en]) {
        expect(text.trim().length, c.code).toBeGreaterThan(3)
      }
      for (const d of [c.description.fr, c.description.en]) {
        expect(d.length, `${c.code} description is short`).toBeLessThanOrEqual(120)
        expect(d, `${c.code} description has no DSA jargon`).not.toMatch(/DSA|KEYWORD|STATEMENT/)
        expect(d.endsWith('.'), `${c.code} description is a sentence`).toBe(true)
      }
    }
  })

  it('puts every keyword under its own category or an addition', () => {
    for (const c of categories) {
      const variants = [c.dsa.neutral, ...('women' in c.dsa ? [c.dsa.women] : [])]
      const additions = 'additions' in c.dsa ? c.dsa.additions : []
      for (const v of variants) {
        for (const k of v.keywords) {
          const allowed = [v.category, ...additions].some((cat) => keywordBelongsTo(k, cat))
          expect(allowed, `${c.code}: ${k} under ${v.category}`).toBe(true)
        }
      }
    }
  })

  it('maps women-targeted variants to CYBER_VIOLENCE_AGAINST_WOMEN keywords', () => {
    for (const c of categories) {
      if (!('women' in c.dsa)) continue
      expect(c.dsa.women.category, c.code).toBe('STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN')
      for (const k of c.dsa.women.keywords)
        expect(k, c.code).toMatch(/_AGAINST_(WOMEN|GIRLS)$|FEMALE/)
    }
  })

  it('only uses known DSA categories, keywords and Ozone reasons', () => {
    for (const owner of Object.values(dsaKeywordCategory)) {
      if (owner !== null) expect(dsaCategories).toContain(owner)
    }
    for (const c of categories) {
      for (const r of c.ozoneReasons) expect(ozoneReasons).toContain(r)
      expect(c.ozoneReasons.length, c.code).toBeGreaterThan(0)
    }
  })

  it('keeps minor_sexual to the hotline, with no attachments', () => {
    const minor = getCategory('minor_sexual')
    expect(minor.safety.hotlineOnly).toBe(true)
    expect(minor.safety.attachmentsForbidden).toBe(true)
    expect(minor.safety.resources).toContain('119')
    expect(minor.safety.resources).toContain('point-de-contact')
    expect(categories.filter((c) => c.safety.hotlineOnly).map((c) => c.code)).toEqual([
      'minor_sexual',
    ])
  })

  it('forbids uploads for intimate-image categories and points to StopNCII and Take It Down', () => {
    for (const code of ['ncii', 'sexual_deepfake', 'sextortion'] as const) {
      const c = getCategory(code)
      expect(c.safety.attachmentsForbidden, code).toBe(true)
      expect(c.safety.resources, code).toEqual(expect.arrayContaining(['stopncii', 'take-it-down']))
    }
  })

  it('shows crisis numbers first for self-harm risk', () => {
    const c = getCategory('self_harm_risk')
    expect(c.safety.crisisFirst).toBe(true)
    expect(c.safety.resources[0]).toBe('3114')
  })

  it('refers only to bundled help resources, each valid', () => {
    const ids = new Set(helpResources.map((r) => r.id))
    expect(ids.size).toBe(helpResources.length)
    for (const r of helpResources) expect(HelpResource.safeParse(r).error).toBeUndefined()
    for (const c of categories) {
      for (const id of c.safety.resources) expect(ids.has(id), `${c.code} → ${id}`).toBe(true)
    }
  })

  it('knows the 20 platforms of the issue, with content-type hints', () => {
    expect(platformCodes).toHaveLength(20)
    for (const p of platforms) expect(p.contentTypes.length, p.code).toBeGreaterThan(0)
    expect(platformFromUrl('https://www.tiktok.com/@someone/video/1')).toBe('tiktok')
    expect(platformFromUrl('https://m.youtube.com/watch?v=x')).toBe('youtube')
    expect(platformFromUrl('https://nottiktok.com/')).toBeUndefined()
    expect(platformFromUrl('not a url')).toBeUndefined()
  })
})

describe('toDsaFields', () => {
  const base = { where: { platform: 'instagram' as const }, what: {}, who: {} }

  it('uses the neutral classification when the target is not stated', () => {
    const f = toDsaFields({ ...base, category: 'harassment' })
    expect(f.category).toBe('STATEMENT_CATEGORY_CYBER_VIOLENCE')
    expect(f.category_specification).toEqual(['KEYWORD_CYBER_HARASSMENT'])
    expect(f.content_type).toEqual([
      'CONTENT_TYPE_IMAGE',
      'CONTENT_TYPE_VIDEO',
      'CONTENT_TYPE_TEXT',
    ])
  })

  it('uses the against-women classification when the target is a woman or a girl', () => {
    const f = toDsaFields({ ...base, category: 'ncii', who: { targetIsWomanOrGirl: true } })
    expect(f.category).toBe('STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN')
    expect(f.category_specification).toEqual(['KEYWORD_NON_CONSENSUAL_IMAGE_SHARING_AGAINST_WOMEN'])
  })

  it('adds VIOLENCE and KEYWORD_COORDINATED_HARM for a raid, on any category', () => {
    for (const category of ['hate_speech', 'impersonation', 'other'] as const) {
      const f = toDsaFields({ ...base, category, what: { raid: true } })
      expect(f.category_addition).toContain('STATEMENT_CATEGORY_VIOLENCE')
      expect(f.category_specification).toContain('KEYWORD_COORDINATED_HARM')
    }
  })

  it('records threats and doxxing as category_specification_other with their additions', () => {
    const threat = toDsaFields({ ...base, category: 'threat' })
    expect(threat.category_specification_other).toBe('threat')
    expect(threat.category_addition).toEqual(['STATEMENT_CATEGORY_VIOLENCE'])
    const doxxing = toDsaFields({ ...base, category: 'doxxing' })
    expect(doxxing.category_specification_other).toBe('doxxing')
    expect(doxxing.category_addition).toEqual([
      'STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS',
    ])
  })

  it('does not repeat VIOLENCE for a raid of threats', () => {
    const f = toDsaFields({ ...base, category: 'threat', what: { raid: true } })
    expect(f.category_addition).toEqual(['STATEMENT_CATEGORY_VIOLENCE'])
  })

  it('narrows minor_sexual keywords by subtype', () => {
    const f = toDsaFields({ ...base, category: 'minor_sexual', subtypes: ['grooming'] })
    expect(f.category).toBe('STATEMENT_CATEGORY_PROTECTION_OF_MINORS')
    expect(f.category_specification).toEqual(['KEYWORD_GROOMING_SEXUAL_ENTICEMENT_MINORS'])
  })

  it('marks deepfakes as synthetic media and honours explicit content types', () => {
    const f = toDsaFields({ ...base, category: 'sexual_deepfake' })
    expect(f.content_type).toContain('CONTENT_TYPE_SYNTHETIC_MEDIA')
    const g = toDsaFields({
      ...base,
      category: 'harassment',
      what: { contentTypes: ['CONTENT_TYPE_AUDIO'] },
    })
    expect(g.content_type).toEqual(['CONTENT_TYPE_AUDIO'])
  })

  it('produces keyword-consistent fields for every category × target × raid', () => {
    for (const c of categoryCodes) {
      for (const targetIsWomanOrGirl of [undefined, true]) {
        for (const raid of [false, true]) {
          expect(() =>
            toDsaFields({
              category: c,
              what: { raid },
              where: { platform: 'x' },
              who: { targetIsWomanOrGirl },
            }),
          ).not.toThrow()
        }
      }
    }
  })
})
