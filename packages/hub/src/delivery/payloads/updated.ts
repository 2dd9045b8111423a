/**
 * `report.updated`: one addition, cut to the receiver's profile (`addition.ts`) and kept under
 * 20 KB like every body (the person's words first, then optional lists; `truncated` says what).
 */
import type {
  CategoryCode,
  ReportAddition,
  ReportUpdatedData,
  ReportUpdatedEvent,
} from '@safe-place/schemas'
import { contentAddition, fullAddition, noticeAddition } from './addition'
import { cutText, fitToLimit, popItems, type Shrink } from './fit'
import type { ProfileReceiver } from './receiver'

export function buildReportUpdatedEvent(
  report: { reference: string; category: CategoryCode },
  addition: ReportAddition,
  receiver: ProfileReceiver,
  now: Date,
): ReportUpdatedEvent {
  const timestamp = now.toISOString()
  const common = { reference: report.reference, sequence: addition.sequence, updatedAt: timestamp }
  let data: ReportUpdatedData
  const steps: [string, Shrink][] = []
  switch (receiver.profile) {
    case 'full': {
      const a = fullAddition(addition, report.category)
      data = { profile: 'full', ...common, addition: a }
      steps.push(
        [
          'addition.what.description',
          cutText(
            () => a.what.description,
            (v) => {
              a.what.description = v
            },
          ),
        ],
        ['addition.evidence.texts', popItems(a.evidence.texts)],
        ['addition.evidence.urls', popItems(a.evidence.urls)],
        ['addition.where.accounts', popItems(a.where.accounts, 1)],
        ['addition.where.contentUrls', popItems(a.where.contentUrls, 1)],
      )
      break
    }
    case 'notice': {
      const a = noticeAddition(addition)
      data = { profile: 'notice', ...common, addition: a }
      steps.push(
        [
          'addition.explanation',
          cutText(
            () => a.explanation,
            (v) => {
              a.explanation = v
            },
          ),
        ],
        ['addition.accounts', popItems(a.accounts, 1)],
        ['addition.contentUrls', popItems(a.contentUrls, 1)],
      )
      break
    }
    case 'content': {
      const a = contentAddition(addition)
      data = { profile: 'content', ...common, addition: a }
      steps.push(
        ['addition.accounts', popItems(a.accounts, 1)],
        ['addition.contentUrls', popItems(a.contentUrls, 1)],
      )
      break
    }
  }
  const event: ReportUpdatedEvent = { type: 'report.updated', timestamp, data }
  const truncated: string[] = []
  fitToLimit(() => event, steps, truncated)
  if (truncated.length) data.truncated = truncated
  return event
}
