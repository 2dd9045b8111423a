/**
 * docs/taxonomy.md says what receivers and auditors rely on to read a report: each category's
 * DSA mapping and Ozone reasons, the raid flag, the content types. It must say what the
 * schemas' data does, so the page fails here the day the data changes without it.
 */
import {
  type CategoryDefinition,
  categories,
  dsaContentTypes,
  platforms,
  toDsaFields,
} from '@safe-place/schemas'
import { describe, expect, it } from 'vitest'
import { codeSpans, readDoc, tableWith, yesNo } from './markdown-table'

const page = readDoc('taxonomy.md')
const defined: readonly CategoryDefinition[] = categories
const rows = new Map(
  tableWith(page, 'DSA `category`').map((row) => [codeSpans(row.code)[0], row] as const),
)

describe('docs/taxonomy.md', () => {
  it('has one row for each of the 15 categories, and no other', () => {
    expect([...rows.keys()].sort()).toEqual(defined.map((c) => c.code).sort())
    expect(rows.size).toBe(15)
  })

  it('gives each category its DSA category, keywords, women variant and additions', () => {
    for (const c of defined) {
      const row = rows.get(c.code)
      expect(codeSpans(row?.['DSA `category`']), c.code).toEqual([c.dsa.neutral.category])
      const other = c.dsa.specificationOther ? [`"${c.dsa.specificationOther}"`] : []
      expect(codeSpans(row?.keywords), c.code).toEqual([...c.dsa.neutral.keywords, ...other])
      const women = c.dsa.women ? [c.dsa.women.category, ...c.dsa.women.keywords] : []
      expect(codeSpans(row?.['when the target is a woman or a girl']), c.code).toEqual(women)
      expect(codeSpans(row?.['`category_addition`']), c.code).toEqual([...(c.dsa.additions ?? [])])
    }
  })

  it('gives each category its Ozone reasons and says whether it is presumed illegal', () => {
    for (const c of defined) {
      const row = rows.get(c.code)
      expect(codeSpans(row?.['Ozone reason(s)']), c.code).toEqual([...c.ozoneReasons])
      expect(yesNo(row?.['presumed illegal']), c.code).toBe(c.presumedIllegal)
    }
  })

  it('lists every subtype with its keywords and Ozone reasons', () => {
    const subtypeRows = tableWith(page, 'subtype')
    const subtypes = defined.flatMap((c) => c.subtypes ?? [])
    expect(subtypeRows.map((r) => codeSpans(r.subtype)[0])).toEqual(subtypes.map((s) => s.code))
    for (const [i, s] of subtypes.entries()) {
      expect(codeSpans(subtypeRows[i]?.keyword), s.code).toEqual([...s.keywords])
      expect(codeSpans(subtypeRows[i]?.['Ozone reason']), s.code).toEqual([...s.ozoneReasons])
    }
  })

  it('names what a raid adds as the mapping adds it', () => {
    const raid = toDsaFields({
      category: 'insult_bullying',
      what: { raid: true },
      where: { platform: 'x' },
      who: {},
    })
    const calm = toDsaFields({
      category: 'insult_bullying',
      what: {},
      where: { platform: 'x' },
      who: {},
    })
    const added = [
      ...raid.category_addition.filter((c) => !calm.category_addition.includes(c)),
      ...raid.category_specification.filter((k) => !calm.category_specification.includes(k)),
    ]
    expect(added).toEqual(['STATEMENT_CATEGORY_VIOLENCE', 'KEYWORD_COORDINATED_HARM'])
    const raids = page.slice(page.indexOf('**Raids.**'), page.indexOf('4. **Free-text'))
    for (const token of added) expect(codeSpans(raids)).toContain(token)
  })

  it('lists every DSA content type and each platform’s default ones', () => {
    for (const type of dsaContentTypes) expect(codeSpans(page)).toContain(type)
    const hintRows = tableWith(page, 'content types used when the reporter does not say')
    for (const p of platforms) {
      const row = hintRows.find((r) => codeSpans(r.platform).includes(p.code))
      const words = row?.['content types used when the reporter does not say']?.split(', ')
      expect(
        words?.map((w) => `CONTENT_TYPE_${w.toUpperCase()}`),
        p.code,
      ).toEqual([...p.contentTypes])
    }
  })
})
