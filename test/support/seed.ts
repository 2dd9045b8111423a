/**
 * A tenant as an operator would set it up through the admin API: one partner and a site key
 * for one origin, then whatever receivers a suite needs.
 */
import type { ReceiverCreate } from '@safe-place/schemas'
import { createSafePlaceAdmin } from '@safe-place/sdk/admin'

type Admin = ReturnType<typeof createSafePlaceAdmin>

export interface Tenant {
  admin: Admin
  partnerId: string
  siteKey: string
  siteKeyId: string
}

export async function seedTenant(
  hubUrl: string,
  operatorKey: string,
  options: {
    origin: string
    rateLimitPerMinute?: number
    partnerName?: string
    requireChallenge?: boolean
  },
): Promise<Tenant> {
  const admin = createSafePlaceAdmin({ hubUrl, apiKey: operatorKey })
  const partner = await admin.partners.create({
    name: options.partnerName ?? 'Fédération (tests)',
    kind: 'federation',
  })
  const siteKey = await admin.siteKeys.create({
    partnerId: partner.id,
    allowedOrigins: [options.origin],
    rateLimitPerMinute: options.rateLimitPerMinute ?? 100_000,
    requireChallenge: options.requireChallenge ?? false,
  })
  return { admin, partnerId: partner.id, siteKey: siteKey.key, siteKeyId: siteKey.id }
}

/** A receiver input with readable names; override what the suite cares about. */
export function receiverInput(
  partnerId: string,
  kind: ReceiverCreate['kind'],
  url: string,
  overrides: Partial<ReceiverCreate> = {},
): ReceiverCreate {
  return {
    partnerId,
    kind,
    name: { fr: `Récepteur ${kind}`, en: `${kind} receiver` },
    purpose: { fr: 'Reçoit les signalements pour agir.', en: 'Receives reports to act on them.' },
    url,
    profile:
      kind === 'moderation_vendor' ? 'content' : kind === 'trusted_flagger' ? 'notice' : 'full',
    filters: {},
    consentRequired: true,
    consentTextVersion: '1',
    concurrency: 4,
    ratePerSecond: 1000,
    ...overrides,
  }
}
