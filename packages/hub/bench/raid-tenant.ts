/**
 * The raid's tenant, set up as an operator would through the admin API: a brand with a site
 * key (its limit at the schema's maximum; the hub's own limits are raised by the environment),
 * and three receivers of three kinds under their own partners — a federation (`full`), a
 * trusted flagger (`notice`), a moderation vendor (`content`) — each requiring consent, at the
 * highest concurrency and rate the hub allows a receiver, with a secret the bench chose so its
 * receiver processes can check signatures. And the report its reporters send, consenting to all
 * three, in a category and on a platform all three take by the default routing rules.
 */
import { randomBytes } from 'node:crypto'
import type { ReceiverCreate } from '@safe-place/schemas'

export const RAID_ORIGIN = 'https://raid.bench.example'

/** The most a receiver may be configured for (`ReceiverCreate`): what a raid calls for. */
export const RECEIVER_CONCURRENCY = 32
export const RECEIVER_RATE_PER_SECOND = 1000

/** The raid's reports are about Instagram; the vendor only gets reports on what it covers. */
const PLATFORM = 'instagram'

export const receiverKinds = [
  { kind: 'federation', profile: 'full', filters: {} },
  { kind: 'trusted_flagger', profile: 'notice', filters: {} },
  { kind: 'moderation_vendor', profile: 'content', filters: { platforms: [PLATFORM] } },
] as const

export type RaidReceiverKind = (typeof receiverKinds)[number]['kind']

export interface RaidTenant {
  siteKey: string
  receivers: { id: string; kind: RaidReceiverKind }[]
}

/** A Standard Webhooks secret (`whsec_` + base64 of 24 random bytes). */
export const newWebhookSecret = () => `whsec_${randomBytes(24).toString('base64')}`

export async function seedRaidTenant(
  hubUrl: string,
  operatorKey: string,
  receivers: { kind: RaidReceiverKind; url: string; secret: string }[],
): Promise<RaidTenant> {
  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const res = await fetch(`${hubUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${operatorKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (!res.ok) throw new Error(`POST ${path} answered ${res.status}: ${await res.text()}`)
    return (await res.json()) as T
  }
  const brand = await post<{ id: string }>('/v1/admin/partners', {
    name: 'Raid bench brand',
    kind: 'brand',
  })
  const site = await post<{ key: string }>('/v1/admin/site-keys', {
    partnerId: brand.id,
    allowedOrigins: [RAID_ORIGIN],
    requireChallenge: false,
    rateLimitPerMinute: 100_000,
  })
  const created: RaidTenant['receivers'] = []
  for (const r of receivers) {
    const partner = await post<{ id: string }>('/v1/admin/partners', {
      name: `Raid bench ${r.kind}`,
      kind: r.kind,
    })
    const kind = receiverKinds.find((k) => k.kind === r.kind)!
    const input: ReceiverCreate = {
      partnerId: partner.id,
      kind: r.kind,
      name: { fr: `Bench ${r.kind}`, en: `Bench ${r.kind}` },
      purpose: { fr: 'Mesure de charge.', en: 'Load measurement.' },
      url: r.url,
      profile: kind.profile,
      filters: 'platforms' in kind.filters ? { platforms: [...kind.filters.platforms] } : {},
      consentRequired: true,
      consentTextVersion: '1',
      secret: r.secret,
      concurrency: RECEIVER_CONCURRENCY,
      ratePerSecond: RECEIVER_RATE_PER_SECOND,
    }
    const receiver = await post<{ id: string }>('/v1/admin/receivers', input)
    created.push({ id: receiver.id, kind: r.kind })
  }
  return { siteKey: site.key, receivers: created }
}

/** A report as the SDK sends it during a raid, consenting to every receiver. */
export function raidReport(receiverIds: string[], now = new Date()) {
  return {
    category: 'threat',
    what: {
      description: 'Des centaines de messages menaçants depuis ce matin, après ma dernière vidéo.',
      ongoing: true,
    },
    where: {
      platform: PLATFORM,
      contentUrls: ['https://www.instagram.com/p/abc123/'],
      accounts: [{ handle: '@someone' }],
    },
    who: { role: 'target', targetIsWomanOrGirl: true },
    contact: { channel: 'email', value: 'bench@example.org' },
    consents: receiverIds.map((receiverId) => ({
      receiverId,
      textVersion: '1',
      grantedAt: now.toISOString(),
    })),
    goodFaith: true,
    context: { locale: 'fr', source: 'sdk' },
  }
}
