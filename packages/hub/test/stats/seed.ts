/**
 * A seeded dataset for the statistics: reports in January and February 2026 (and some outside
 * the period), small cells on purpose, withdrawn tombstones, first actions with known delays,
 * and finished deliveries by receiver kind. Plain columns only: statistics never read content.
 */
import { randomBytes } from 'node:crypto'
import { messages, partners, receivers, reports } from '../../src/db/schema'
import type { WriteTx } from '../../src/db/types'
import { newId } from '../../src/ids'
import type { StatsDeliveryRow, StatsReportRow } from '../../src/stats/cube'

const HOUR = 3_600_000

interface Seed {
  category: string
  platform: string
  partner: 'brand' | 'agency'
  at: string
  urgent?: boolean
  raid?: boolean
  withdrawn?: boolean
  firstActionHours?: number
}

function times<T>(n: number, make: (i: number) => T): T[] {
  return Array.from({ length: n }, (_, i) => make(i))
}

const SEEDS: Seed[] = [
  // January: 12 threats on Instagram via a brand (3 urgent, 6 raids, 10 acted on), 3 harassment
  // on TikTok, 6 doxxing on X via an agency.
  ...times(12, (i) => ({
    category: 'threat',
    platform: 'instagram',
    partner: 'brand' as const,
    at: `2026-01-${String(3 + i).padStart(2, '0')}T10:00:00.000Z`,
    urgent: i < 3,
    raid: i < 6,
    ...(i < 10 ? { firstActionHours: [1, 2, 3, 4, 5, 6, 7, 8, 9, 100][i]! } : {}),
  })),
  ...times(3, (i) => ({
    category: 'harassment',
    platform: 'tiktok',
    partner: 'brand' as const,
    at: `2026-01-2${i}T10:00:00.000Z`,
  })),
  ...times(6, (i) => ({
    category: 'doxxing',
    platform: 'x',
    partner: 'agency' as const,
    at: `2026-01-1${i}T12:00:00.000Z`,
  })),
  // February: 7 threats (1 urgent, 2 raids) and 2 withdrawn sexist-hate reports on YouTube.
  ...times(7, (i) => ({
    category: 'threat',
    platform: 'instagram',
    partner: 'brand' as const,
    at: `2026-02-0${1 + i}T09:00:00.000Z`,
    urgent: i === 0,
    raid: i < 2,
  })),
  ...times(2, (i) => ({
    category: 'sexist_hate',
    platform: 'youtube',
    partner: 'brand' as const,
    at: `2026-02-1${i}T09:00:00.000Z`,
    withdrawn: true,
    firstActionHours: 0.5,
  })),
  // Outside the period.
  ...times(9, (i) => ({
    category: 'threat',
    platform: 'facebook',
    partner: 'brand' as const,
    at: `2025-12-1${i}T09:00:00.000Z`,
  })),
]

export async function seedStats(db: WriteTx): Promise<void> {
  const brand = newId('prt')
  const agency = newId('prt')
  await db.insert(partners).values([
    { id: brand, name: 'Marque', kind: 'brand' },
    { id: agency, name: 'Agence', kind: 'agency' },
  ])
  const ids: string[] = []
  for (const [i, s] of SEEDS.entries()) {
    const id = newId('rpt')
    ids.push(id)
    const at = new Date(s.at)
    await db.insert(reports).values({
      id,
      reference: `SP-S${String(i).padStart(3, '0')}-TEST`,
      partnerId: s.partner === 'brand' ? brand : agency,
      receiptTokenHash: randomBytes(16).toString('hex'),
      status: s.withdrawn ? 'withdrawn' : 'routed',
      urgent: s.urgent ?? false,
      category: s.category,
      subtypes: [],
      platform: s.platform,
      raid: s.raid ?? false,
      ongoing: true,
      reporterRole: 'target',
      targetAge: 'adult',
      minorInvolved: false,
      goodFaith: true,
      locale: 'fr',
      source: 'widget',
      userAgentFamily: 'firefox',
      dsa: {},
      ozoneReasons: [],
      consents: [],
      sealed: null,
      submittedAt: at,
      updatedAt: at,
      firstActionAt:
        s.firstActionHours !== undefined
          ? new Date(at.getTime() + s.firstActionHours * HOUR)
          : null,
      withdrawnAt: s.withdrawn ? new Date(at.getTime() + HOUR) : null,
    })
  }
  const receiver = (kind: string) => ({
    id: newId('rcv'),
    partnerId: brand,
    kind,
    name: { fr: kind, en: kind },
    purpose: { fr: 'x', en: 'x' },
    url: 'https://hooks.example.org/h',
    profile: 'full',
    filters: {},
    secretSealed: 'sealed',
  })
  const federation = receiver('federation')
  const flagger = receiver('trusted_flagger')
  await db.insert(receivers).values([federation, flagger])
  const receiverIds = { federation: federation.id, trusted_flagger: flagger.id }
  await db.insert(messages).values(
    MESSAGES.map((m, i) => ({
      id: newId('msg'),
      receiverId: receiverIds[m.kind],
      reportId: ids[i % 21]!,
      eventType: 'report.created',
      state: m.state,
      createdAt: new Date(DELIVERED_AT),
    })),
  )
}

const DELIVERED_AT = '2026-01-25T00:00:00.000Z'

/** Report messages: 20 delivered and 6 given up for the federation, 3 + 4 pending for the flagger. */
const MESSAGES: { kind: 'federation' | 'trusted_flagger'; state: string }[] = [
  ...times(20, () => ({ kind: 'federation' as const, state: 'succeeded' })),
  ...times(6, (i) => ({ kind: 'federation' as const, state: i < 3 ? 'failed' : 'dead' })),
  ...times(3, () => ({ kind: 'trusted_flagger' as const, state: 'succeeded' })),
  ...times(4, () => ({ kind: 'trusted_flagger' as const, state: 'pending' })),
]

/** The seeded reports as the statistics should read them back (every period, outside too). */
export const SEED_ROWS: StatsReportRow[] = SEEDS.map((s) => ({
  submittedAt: new Date(s.at),
  category: s.category,
  platform: s.platform,
  partnerKind: s.partner,
  urgent: s.urgent ?? false,
  raid: s.raid ?? false,
  withdrawn: s.withdrawn ?? false,
  firstActionAt:
    s.firstActionHours === undefined
      ? null
      : new Date(new Date(s.at).getTime() + s.firstActionHours * HOUR),
}))

/** The finished deliveries as the statistics should read them back (pending ones never). */
export const SEED_DELIVERIES: StatsDeliveryRow[] = MESSAGES.filter(
  (m) => m.state !== 'pending',
).map((m) => ({
  createdAt: new Date(DELIVERED_AT),
  receiverKind: m.kind,
  succeeded: m.state === 'succeeded',
}))

const COUNT_KEYS = new Set(['reports', 'withdrawn', 'count', 'of', 'messages', 'succeeded'])

/** Every count anywhere in a statistics object: each must be a multiple of 5. */
export function allCounts(value: unknown, key = '', out: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const v of value) allCounts(v, key, out)
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) allCounts(v, k, out)
  else if (COUNT_KEYS.has(key)) out.push(value)
  return out
}
