/**
 * The `content` profile (moderation vendor): where the content is and what it is. Built field
 * by field from an allowlist, never by deleting from the report, so nothing about the reporter
 * (contact, description, evidence, consents, locale, country, target handle) can leak through a
 * field added later.
 */
import type { ContentPayload, NormalisedReport } from '@safe-place/schemas'
import type { z } from 'zod'
import { fitToLimit, popItems } from './fit'

type Content = z.infer<typeof ContentPayload>

export function buildContentPayload(
  report: NormalisedReport,
  envelope: (data: Content) => unknown,
): Content {
  const content: Content['content'] = structuredClone({
    reference: report.reference,
    category: report.category,
    dsa: report.dsa,
    platform: report.where.platform,
    contentUrls: report.where.contentUrls,
    accounts: report.where.accounts,
    raid: report.what.raid,
    ongoing: report.what.ongoing,
    urgent: report.urgent,
    submittedAt: report.context.submittedAt,
  })
  const data: Content = { profile: 'content', content }
  const truncated: string[] = []
  fitToLimit(
    () => envelope(data),
    [
      ['content.accounts', popItems(content.accounts, 1)],
      ['content.contentUrls', popItems(content.contentUrls, 1)],
    ],
    truncated,
  )
  if (truncated.length) data.truncated = truncated
  return data
}
