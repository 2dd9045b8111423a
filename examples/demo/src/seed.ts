/**
 * Sets the demo tenant up through the operator API, as an operator would, and brings an
 * existing one back in line after a restart (new page origin, new receiver ports).
 */
import type { Role } from '@safe-place/example-receiver'
import type { PartnerCreate } from '@safe-place/schemas'
import { createSafePlaceAdmin } from '@safe-place/sdk/admin'
import type { DemoState } from './state'
import { demoBrand, demoReceivers } from './tenant'

type Admin = ReturnType<typeof createSafePlaceAdmin>

export interface SeedInput {
  hubUrl: string
  state: DemoState
  pageOrigin: string
  /** More origins for the site key: the React and Vue examples' dev servers. */
  extraOrigins?: string[]
  receiverUrls: Record<Role, string>
}

async function partnerId(admin: Admin, partner: PartnerCreate): Promise<string> {
  const existing = (await admin.partners.list()).find(
    (p) => p.name === partner.name && p.kind === partner.kind,
  )
  return existing?.id ?? (await admin.partners.create(partner)).id
}

async function ensureSiteKey(admin: Admin, state: DemoState, origins: string[]) {
  const brandId = await partnerId(admin, demoBrand)
  const current = (await admin.siteKeys.list({ partnerId: brandId })).find(
    (k) => k.id === state.siteKeyId && !k.revokedAt,
  )
  const key = current
    ? await admin.siteKeys.update(current.id, { allowedOrigins: origins })
    : await admin.siteKeys.create({
        partnerId: brandId,
        label: 'Page de démonstration',
        allowedOrigins: origins,
        requireChallenge: false,
        rateLimitPerMinute: 600,
      })
  state.partnerId = brandId
  state.siteKeyId = key.id
  state.siteKey = key.key
}

async function ensureReceiver(admin: Admin, state: DemoState, role: Role, url: string) {
  const { partner, receiver } = demoReceivers[role]
  const saved = state.receivers[role]
  const existing = saved && (await admin.receivers.list()).find((r) => r.id === saved.id)
  if (saved && existing) {
    if (existing.url !== url || !existing.enabled) {
      await admin.receivers.update(saved.id, { url, enabled: true })
    }
    return
  }
  const created = await admin.receivers.create({
    ...receiver,
    partnerId: await partnerId(admin, partner),
    url,
  })
  state.receivers[role] = { id: created.id, secret: created.secret }
  if (role === 'trusted_flagger') state.trustedFlaggerKey = undefined
}

/** Mutates and returns `state`; the caller saves it. */
export async function seedDemo(input: SeedInput): Promise<DemoState> {
  const admin = createSafePlaceAdmin({ hubUrl: input.hubUrl, apiKey: input.state.operatorKey })
  const { state } = input
  await ensureSiteKey(admin, state, [input.pageOrigin, ...(input.extraOrigins ?? [])])
  for (const role of Object.keys(demoReceivers) as Role[]) {
    await ensureReceiver(admin, state, role, input.receiverUrls[role])
  }
  const flagger = state.receivers.trusted_flagger
  if (flagger && !state.trustedFlaggerKey) {
    const key = await admin.apiKeys.create({
      name: 'Signaleur de confiance (démo) : mises à jour de statut',
      scope: 'receiver',
      receiverId: flagger.id,
    })
    state.trustedFlaggerKey = key.secret
  }
  return state
}
