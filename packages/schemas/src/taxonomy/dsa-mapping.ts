/**
 * Maps a report to its DSA statement fields: category, additions, keywords and content types.
 * Every keyword must belong to the category or to one of the additions: the EU database does
 * not check it, so a wrong mapping would silently mis-file every notice. We refuse to.
 */

import type { CategoryCode, DsaClassification } from './category-data'
import { getCategory } from './category-data'
import {
  type DsaCategory,
  type DsaContentType,
  type DsaFields,
  type DsaKeyword,
  keywordBelongsTo,
} from './dsa'
import type { PlatformCode } from './platform-data'
import { getPlatform } from './platform-data'

export interface DsaMappingInput {
  category: CategoryCode
  subtypes?: readonly string[] | undefined
  what: { raid?: boolean | undefined; contentTypes?: readonly DsaContentType[] | undefined }
  where: { platform: PlatformCode }
  who: { targetIsWomanOrGirl?: boolean | undefined }
}

export class DsaMappingError extends Error {
  override readonly name = 'DsaMappingError'
}

/** Throws `DsaMappingError` when a keyword stands under a category it does not belong to. */
export function assertKeywordsBelong(fields: DsaFields): void {
  const allowed: DsaCategory[] = [fields.category, ...fields.category_addition]
  for (const keyword of fields.category_specification) {
    if (!allowed.some((category) => keywordBelongsTo(keyword, category))) {
      throw new DsaMappingError(`${keyword} does not belong to ${allowed.join(' or ')}`)
    }
  }
}

function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)]
}

export function toDsaFields(report: DsaMappingInput): DsaFields {
  const definition = getCategory(report.category)
  const classification: DsaClassification =
    report.who.targetIsWomanOrGirl && definition.dsa.women
      ? definition.dsa.women
      : definition.dsa.neutral

  let keywords: readonly DsaKeyword[] = classification.keywords
  const chosen = definition.subtypes?.filter((s) => report.subtypes?.includes(s.code)) ?? []
  if (chosen.length > 0) keywords = chosen.flatMap((s) => s.keywords)

  const additions: DsaCategory[] = [...(definition.dsa.additions ?? [])]
  const allKeywords: DsaKeyword[] = [...keywords]
  if (report.what.raid) {
    additions.push('STATEMENT_CATEGORY_VIOLENCE')
    allKeywords.push('KEYWORD_COORDINATED_HARM')
  }

  const contentTypes: DsaContentType[] = report.what.contentTypes?.length
    ? [...report.what.contentTypes]
    : [...getPlatform(report.where.platform).contentTypes]
  if (report.category === 'sexual_deepfake') contentTypes.push('CONTENT_TYPE_SYNTHETIC_MEDIA')

  const fields: DsaFields = {
    category: classification.category,
    category_addition: unique(additions).filter((c) => c !== classification.category),
    category_specification: unique(allKeywords),
    content_type: unique(contentTypes),
  }
  if (definition.dsa.specificationOther) {
    fields.category_specification_other = definition.dsa.specificationOther
  }
  assertKeywordsBelong(fields)
  return fields
}
