/**
 * An addition cut to a profile, by the same rules as the report it adds to: `full` gets all of
 * it (files only where the category allows them to be sent on), `notice` where the content is
 * and the person's words as the explanation, `content` where the content is. Built field by
 * field from an allowlist, as the report's own profiles are.
 */
import {
  type CategoryCode,
  type ContentAddition,
  type FullAddition,
  getCategory,
  type NoticeAddition,
  type ReceiverProfile,
  type ReportAddition,
} from '@safe-place/schemas'

export type ProfileAddition = FullAddition | NoticeAddition | ContentAddition

function where(addition: ReportAddition): ContentAddition {
  return structuredClone({
    sequence: addition.sequence,
    addedAt: addition.addedAt,
    ...(addition.where.platform !== undefined && { platform: addition.where.platform }),
    ...(addition.where.platformOther !== undefined && {
      platformOther: addition.where.platformOther,
    }),
    contentUrls: addition.where.contentUrls,
    accounts: addition.where.accounts,
  })
}

export function fullAddition(addition: ReportAddition, category: CategoryCode): FullAddition {
  const copy = structuredClone(addition)
  // Sexual content involving a minor: URLs only, never a file (docs/safety-rules.md).
  if (getCategory(category).safety.hotlineOnly) copy.evidence.attachments = []
  return copy
}

export function noticeAddition(addition: ReportAddition): NoticeAddition {
  return {
    ...where(addition),
    ...(addition.what.description !== undefined && { explanation: addition.what.description }),
  }
}

export const contentAddition = where

export function additionFor(
  profile: ReceiverProfile,
  addition: ReportAddition,
  category: CategoryCode,
): ProfileAddition {
  switch (profile) {
    case 'full':
      return fullAddition(addition, category)
    case 'notice':
      return noticeAddition(addition)
    case 'content':
      return contentAddition(addition)
  }
}
