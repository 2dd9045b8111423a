/**
 * The `notice` profile (trusted flagger, hosting platform): what a DSA Article 16 notice must
 * hold — where the content is, why it is presumed illegal, the notifier only if the reporter
 * agreed to be named to this receiver, the good-faith statement — and nothing more.
 */
import type { NormalisedReport, NoticePayload } from '@safe-place/schemas'
import type { z } from 'zod'
import { cutText, fitToLimit, popItems } from './fit'
import type { ProfileReceiver } from './receiver'

type Notice = z.infer<typeof NoticePayload>

function notifierOf(
  report: NormalisedReport,
  receiver: ProfileReceiver,
): Notice['notice']['notifier'] {
  const consented = report.consents.some((c) => c.receiverId === receiver.id)
  if (!consented || !report.contact) return null
  const { contact } = report
  const notifier: { name?: string; email?: string } = {}
  if (contact.name) notifier.name = contact.name
  if (contact.channel === 'email') notifier.email = contact.value
  return Object.keys(notifier).length ? notifier : null
}

export function buildNoticePayload(
  report: NormalisedReport,
  receiver: ProfileReceiver,
  envelope: (data: Notice) => unknown,
): Notice {
  const notice: Notice['notice'] = structuredClone({
    reference: report.reference,
    source: receiver.kind === 'trusted_flagger' ? 'SOURCE_TRUSTED_FLAGGER' : 'SOURCE_ARTICLE_16',
    category: report.category,
    dsa: report.dsa,
    ozoneReasons: report.ozoneReasons,
    platform: report.where.platform,
    ...(report.where.platformOther !== undefined && { platformOther: report.where.platformOther }),
    contentUrls: report.where.contentUrls,
    accounts: report.where.accounts,
    ...(report.what.description !== undefined && { explanation: report.what.description }),
    notifier: notifierOf(report, receiver),
    goodFaith: report.goodFaith,
    urgent: report.urgent,
    raid: report.what.raid,
    minorInvolved: report.who.minorInvolved,
    submittedAt: report.context.submittedAt,
  })
  const data: Notice = { profile: 'notice', notice }
  const truncated: string[] = []
  fitToLimit(
    () => envelope(data),
    [
      [
        'notice.explanation',
        cutText(
          () => notice.explanation,
          (v) => {
            notice.explanation = v
          },
        ),
      ],
      ['notice.accounts', popItems(notice.accounts, 1)],
      ['notice.contentUrls', popItems(notice.contentUrls, 1)],
    ],
    truncated,
  )
  if (truncated.length) data.truncated = truncated
  return data
}
