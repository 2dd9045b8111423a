/**
 * From a validated intake to the canonical `NormalisedReport`: server-side DSA fields, urgency,
 * consent records with the hub's clock, the user agent reduced to a family. Pure: no I/O.
 */
import {
  type AttachmentMeta,
  getCategory,
  type NormalisedReport,
  type ReportIntake,
  toDsaFields,
} from '@safe-place/schemas'
import { userAgentFamily } from './user-agent'

export interface NormaliseContext {
  reference: string
  partnerId: string
  userAgent: string | undefined
  attachments: AttachmentMeta[]
  now: Date
}

export function isUrgent(intake: Pick<ReportIntake, 'category' | 'urgency'>): boolean {
  return intake.urgency.immediateDanger || getCategory(intake.category).safety.crisisFirst
}

export function normalise(intake: ReportIntake, ctx: NormaliseContext): NormalisedReport {
  const category = getCategory(intake.category)
  const chosen = category.subtypes?.filter((s) => intake.subtypes?.includes(s.code)) ?? []
  const ozone = chosen.length ? chosen.flatMap((s) => s.ozoneReasons) : category.ozoneReasons
  const at = ctx.now.toISOString()
  // The device's digests live on with each stored file (`attachments`), not as a list of their own.
  const { files: _digests, ...evidence } = intake.evidence
  const report: NormalisedReport = {
    reference: ctx.reference,
    status: 'received',
    urgent: isUrgent(intake),
    category: intake.category,
    subtypes: intake.subtypes ?? [],
    dsa: toDsaFields(intake),
    ozoneReasons: [...new Set(ozone)].slice(0, 4),
    what: intake.what,
    where: intake.where,
    who: intake.who,
    evidence: { ...evidence, attachments: ctx.attachments },
    consents: intake.consents.map((c) => ({ ...c, recordedAt: at })),
    goodFaith: intake.goodFaith,
    contact: intake.contact ?? null,
    context: {
      partnerId: ctx.partnerId,
      source: intake.context.source,
      locale: intake.context.locale,
      ...(intake.context.country ? { country: intake.context.country } : {}),
      userAgentFamily: userAgentFamily(ctx.userAgent),
      submittedAt: at,
    },
  }
  return report
}
