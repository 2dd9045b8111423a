/**
 * Validating a candidate report, once, whatever sent it: the canonical schema (with the
 * default source filled in), the honeypot, the site key's categories and the attachment policy.
 * The route calls it before decoding a single pixel of an attached file.
 */
import { issuesToDetails, ReportIntake, type ReportSource } from '@safe-place/schemas'
import { assertAttachmentsAllowed } from '../attachments/policy'
import type { SiteKeyRow } from '../db/rows'
import { HubError } from '../hub-error'

/** Validates the candidate and refuses what the honeypot caught. */
export function parseIntake(candidate: unknown, defaultSource: ReportSource): ReportIntake {
  const withSource =
    candidate && typeof candidate === 'object' && !Array.isArray(candidate)
      ? withDefaultSource(candidate as Record<string, unknown>, defaultSource)
      : candidate
  const result = ReportIntake.safeParse(withSource)
  if (!result.success) {
    throw new HubError('validation_failed', 'The report is not valid.', {
      details: issuesToDetails(result.error.issues),
    })
  }
  if (result.data.homepage) throw new HubError('spam_detected')
  return result.data
}

function withDefaultSource(candidate: Record<string, unknown>, source: ReportSource) {
  const context = candidate.context
  if (context === undefined) return { ...candidate, context: { source } }
  // Only a plain object gets the default: an array (or anything else) is left for the schema
  // to refuse, rather than turned into a valid context.
  if (context && typeof context === 'object' && !Array.isArray(context) && !('source' in context)) {
    return { ...candidate, context: { ...context, source } }
  }
  return candidate
}

/** What this site key takes: its categories, and files only where the category allows them. */
export function assertSiteKeyTakes(
  siteKey: SiteKeyRow,
  intake: ReportIntake,
  fileCount: number,
): void {
  if (siteKey.categories && !siteKey.categories.includes(intake.category)) {
    throw new HubError('validation_failed', 'This site does not take this kind of report.', {
      details: [{ path: 'category', message: `Expected one of ${siteKey.categories.join(', ')}` }],
    })
  }
  assertAttachmentsAllowed(intake.category, fileCount)
}
