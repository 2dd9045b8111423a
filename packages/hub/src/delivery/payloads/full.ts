/**
 * The `full` profile (the federation's personal support): the normalised report, cut to what
 * the reporter agreed this receiver may have. Without a consent recorded for this receiver the
 * reporter's contact and the target's handle stay out; other receivers' consents never go.
 */
import { type FullReportPayload, getCategory, type NormalisedReport } from '@safe-place/schemas'
import type { z } from 'zod'
import { cutText, fitToLimit, popItems } from './fit'
import type { ProfileReceiver } from './receiver'

type Full = z.infer<typeof FullReportPayload>

export function buildFullPayload(
  report: NormalisedReport,
  receiver: ProfileReceiver,
  envelope: (data: Full) => unknown,
): Full {
  const consent = report.consents.filter((c) => c.receiverId === receiver.id)
  const consented = consent.length > 0
  const hotlineOnly = getCategory(report.category).safety.hotlineOnly
  const { targetHandle, ...who } = report.who
  const copy: Full['report'] = structuredClone({
    ...report,
    who: consented && targetHandle !== undefined ? { ...who, targetHandle } : who,
    consents: consent,
    contact: consented ? report.contact : null,
    evidence: {
      ...report.evidence,
      // Sexual content involving a minor: URLs only, never a file (docs/safety-rules.md).
      attachments: hotlineOnly ? [] : report.evidence.attachments,
    },
  })
  const data: Full = { profile: 'full', report: copy }
  const truncated: string[] = []
  const what = copy.what
  fitToLimit(
    () => envelope(data),
    [
      [
        'report.what.description',
        cutText(
          () => what.description,
          (v) => {
            what.description = v
          },
        ),
      ],
      ['report.evidence.texts', popItems(copy.evidence.texts)],
      ['report.evidence.urls', popItems(copy.evidence.urls)],
      ['report.where.accounts', popItems(copy.where.accounts, 1)],
      ['report.where.contentUrls', popItems(copy.where.contentUrls, 1)],
    ],
    truncated,
  )
  if (truncated.length) data.truncated = truncated
  return data
}
