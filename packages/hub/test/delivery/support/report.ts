/** A complete normalised report for tests, with a distinctive value in every personal field. */
import type { NormalisedReport } from '@safe-place/schemas'

export const PERSONAL = {
  contactEmail: 'camille.reporter@example.org',
  contactName: 'Camille Reportername',
  description: 'Ils publient mon adresse rue des Lilas tous les soirs',
  evidenceText: 'capture du message de Zorglub envoyé à 22h',
  evidenceUrl: 'https://evidence.example.org/screenshot-of-camille',
  targetHandle: '@camille_target_handle',
}

export function makeReport(overrides: Partial<NormalisedReport> = {}): NormalisedReport {
  return {
    reference: 'SP-7K3Q-9XWD',
    status: 'received',
    urgent: false,
    category: 'hate_speech',
    subtypes: [],
    dsa: {
      category: 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH',
      category_addition: [],
      category_specification: ['KEYWORD_HATE_SPEECH'],
      content_type: ['CONTENT_TYPE_TEXT'],
    },
    ozoneReasons: [],
    what: { description: PERSONAL.description, ongoing: true, raid: false },
    where: {
      platform: 'instagram',
      contentUrls: ['https://www.instagram.com/p/abc123/'],
      accounts: [{ handle: '@offender' }],
    },
    who: {
      role: 'target',
      targetAge: 'adult',
      minorInvolved: false,
      targetHandle: PERSONAL.targetHandle,
    },
    evidence: { urls: [PERSONAL.evidenceUrl], texts: [PERSONAL.evidenceText], attachments: [] },
    consents: [],
    goodFaith: true,
    contact: { channel: 'email', value: PERSONAL.contactEmail, name: PERSONAL.contactName },
    context: {
      partnerId: 'prt_01JTESTPARTNER00000000000',
      source: 'widget',
      locale: 'fr',
      country: 'FR',
      userAgentFamily: 'firefox',
      submittedAt: '2026-11-23T01:00:00.000Z',
    },
    ...overrides,
  }
}

export function consentFor(...receiverIds: string[]): NormalisedReport['consents'] {
  return receiverIds.map((receiverId) => ({
    receiverId,
    textVersion: '1',
    grantedAt: '2026-11-23T00:59:00.000Z',
    recordedAt: '2026-11-23T01:00:00.000Z',
  }))
}
