/**
 * Turns the in-memory draft into the `ReportIntake` body of docs/http-api.md. Only what the
 * person gave is sent: empty fields are left out, consents only for boxes they ticked.
 */
import type { ReportIntakeInput, WidgetConfig } from '@safe-place/schemas'
import { digestsOf } from '../evidence/prepare'
import type { Locale } from '../i18n/locale'
import { type Draft, lines } from './draft'
import { relevantReceivers } from './receivers'

const isUrl = (text: string) => /^https?:\/\//i.test(text)
const optional = (text: string) => text.trim() || undefined

export function toIntake(
  draft: Draft,
  context: { locale: Locale; country?: string | undefined; config?: WidgetConfig | undefined },
): ReportIntakeInput {
  if (!draft.category || !draft.platform) throw new Error('The draft is not complete')
  const consents = relevantReceivers(context.config, draft)
    .filter((r) => draft.consents[r.id])
    .map((r) => ({
      receiverId: r.id,
      textVersion: r.consentTextVersion,
      grantedAt: draft.consents[r.id] as string,
    }))
  const texts = optional(draft.evidenceText)
  const report: ReportIntakeInput = {
    category: draft.category,
    what: { description: optional(draft.description), ongoing: draft.ongoing, raid: draft.raid },
    where: {
      platform: draft.platform,
      platformOther: draft.platform === 'other' ? optional(draft.platformOther) : undefined,
      contentUrls: lines(draft.urls),
      accounts: lines(draft.accounts).map((a) => (isUrl(a) ? { url: a } : { handle: a })),
    },
    who: {
      role: draft.role,
      targetIsWomanOrGirl: draft.woman === '' ? undefined : draft.woman === 'yes',
      targetAge: draft.age,
      minorInvolved: draft.minor || draft.age === 'under_15' || draft.age === '15_17',
      targetHandle: optional(draft.targetHandle),
    },
    urgency: { immediateDanger: draft.danger },
    evidence: { urls: [], texts: texts ? [texts] : [], ...digestsOf(draft.files) },
    consents,
    goodFaith: draft.goodFaith,
    context: {
      locale: context.locale,
      country: context.country,
      source: 'widget',
      startedAt: draft.startedAt,
    },
  }
  if (draft.subtypes.length) report.subtypes = [...draft.subtypes]
  if (draft.channel) {
    report.contact = {
      channel: draft.channel,
      value: draft.contactValue.trim(),
      name: optional(draft.contactName),
    }
  }
  if (draft.notify) report.notifications = { email: draft.notifyEmail.trim() }
  if (draft.homepage) report.homepage = draft.homepage
  return JSON.parse(JSON.stringify(report)) as ReportIntakeInput
}
