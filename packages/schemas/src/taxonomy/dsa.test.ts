import { describe, expect, it } from 'vitest'
import { keywordBelongsTo } from './dsa'
import { assertKeywordsBelong, DsaMappingError } from './dsa-mapping'

describe('keyword ownership', () => {
  it('knows which category a keyword belongs to', () => {
    expect(
      keywordBelongsTo('KEYWORD_HATE_SPEECH', 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH'),
    ).toBe(true)
    expect(keywordBelongsTo('KEYWORD_HATE_SPEECH', 'STATEMENT_CATEGORY_CYBER_VIOLENCE')).toBe(false)
    expect(keywordBelongsTo('KEYWORD_OTHER', 'STATEMENT_CATEGORY_SELF_HARM')).toBe(true)
  })

  it('refuses fields whose keyword is outside the category and additions', () => {
    expect(() =>
      assertKeywordsBelong({
        category: 'STATEMENT_CATEGORY_CYBER_VIOLENCE',
        category_addition: [],
        category_specification: ['KEYWORD_COORDINATED_HARM'],
        content_type: ['CONTENT_TYPE_TEXT'],
      }),
    ).toThrow(DsaMappingError)
    expect(() =>
      assertKeywordsBelong({
        category: 'STATEMENT_CATEGORY_CYBER_VIOLENCE',
        category_addition: ['STATEMENT_CATEGORY_VIOLENCE'],
        category_specification: ['KEYWORD_CYBER_HARASSMENT', 'KEYWORD_COORDINATED_HARM'],
        content_type: ['CONTENT_TYPE_TEXT'],
      }),
    ).not.toThrow()
  })
})
