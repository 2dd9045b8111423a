/**
 * The split between what a report's plain columns hold and what is sealed: everything a person
 * wrote or that identifies someone goes in `sealed`, so a copy of the database file reveals
 * categories and dates, never words, links, handles or contact.
 */
import type { NormalisedReport } from '@safe-place/schemas'

export interface SealedContent {
  what: Pick<NormalisedReport['what'], 'description' | 'contentTypes'>
  where: Pick<NormalisedReport['where'], 'platformOther' | 'contentUrls' | 'accounts'>
  who: Pick<NormalisedReport['who'], 'targetHandle'>
  evidence: Pick<NormalisedReport['evidence'], 'urls' | 'texts' | 'attachments'>
  contact: NormalisedReport['contact']
  consents: NormalisedReport['consents']
}

export const reportContext = (reportId: string) => `report:${reportId}`

export function sealedContentOf(report: NormalisedReport): SealedContent {
  return {
    what: { description: report.what.description, contentTypes: report.what.contentTypes },
    where: {
      platformOther: report.where.platformOther,
      contentUrls: report.where.contentUrls,
      accounts: report.where.accounts,
    },
    who: { targetHandle: report.who.targetHandle },
    evidence: report.evidence,
    contact: report.contact,
    consents: report.consents,
  }
}
