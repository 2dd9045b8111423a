/**
 * Validating an addition, once, like a first report (`intake/parse-intake.ts`): its schema,
 * the honeypot, something to add at all, and the category's attachment policy — checked
 * before a single pixel of a file is decoded.
 */
import { type CategoryCode, issuesToDetails, ReportAdditionIntake } from '@safe-place/schemas'
import { assertAttachmentsAllowed } from '../attachments/policy'
import { HubError } from '../hub-error'

export function parseAddition(
  candidate: unknown,
  category: CategoryCode,
  fileCount: number,
): ReportAdditionIntake {
  const result = ReportAdditionIntake.safeParse(candidate)
  if (!result.success) {
    throw new HubError('validation_failed', 'The addition is not valid.', {
      details: issuesToDetails(result.error.issues),
    })
  }
  const addition = result.data
  if (addition.homepage) throw new HubError('spam_detected')
  const { what, where, evidence } = addition
  const empty =
    !what.description &&
    where.contentUrls.length === 0 &&
    where.accounts.length === 0 &&
    evidence.urls.length === 0 &&
    evidence.texts.length === 0 &&
    fileCount === 0
  if (empty) {
    throw new HubError('validation_failed', 'The addition is empty.', {
      details: [
        {
          path: 'where.contentUrls',
          message: 'Give at least a link, an account, a description or a file',
        },
      ],
    })
  }
  if (where.platform === 'other' && !where.platformOther) {
    throw new HubError('validation_failed', 'Name the platform.', {
      details: [
        { path: 'where.platformOther', message: 'Name the platform when it is not in the list' },
      ],
    })
  }
  assertAttachmentsAllowed(category, fileCount)
  return addition
}
