/** The operator's routing table (`ROUTING_RULES`) reaches intake; the safety rules stay. */
import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../src/config'
import { messages } from '../src/db/schema'
import type { HubSettingsInput } from '../src/settings'
import {
  addReceiver,
  makeTestHub,
  postReport,
  sampleReport,
  type TestHub,
} from './support/test-hub'

const publicLookup = async () => [{ address: '93.184.216.34', family: 4 }]

async function hubWithTrustedFlagger(settings: HubSettingsInput) {
  const hub = await makeTestHub({ settings })
  const receiver = await addReceiver(
    hub,
    {
      kind: 'trusted_flagger',
      name: { fr: 'Signaleur de confiance', en: 'Trusted flagger' },
      purpose: { fr: 'Signale aux plateformes.', en: 'Notifies platforms.' },
      url: 'https://flagger.example/hooks',
      profile: 'notice',
      consentRequired: false,
    },
    { ssrf: {}, lookup: publicLookup },
  )
  return { hub, receiverId: receiver.id }
}

async function queuedFor(hub: TestHub, receiverId: string) {
  return hub.handle.db.select().from(messages).where(eq(messages.receiverId, receiverId))
}

describe('routing rules from configuration', () => {
  let hub: TestHub | undefined
  afterEach(() => hub?.close())

  it('by default, a trusted flagger gets harassment but not insults', async () => {
    const t = await hubWithTrustedFlagger({})
    hub = t.hub
    expect((await postReport(hub, sampleReport({ category: 'harassment' }))).status).toBe(201)
    expect(await queuedFor(hub, t.receiverId)).toHaveLength(1)
    expect((await postReport(hub, sampleReport({ category: 'insult_bullying' }))).status).toBe(201)
    expect(await queuedFor(hub, t.receiverId)).toHaveLength(1)
  })

  it('with an override, intake no longer routes harassment to it', async () => {
    const t = await hubWithTrustedFlagger({
      routing: { trusted_flagger: { categories: ['threat'] } },
    })
    hub = t.hub
    expect((await postReport(hub, sampleReport({ category: 'harassment' }))).status).toBe(201)
    expect(await queuedFor(hub, t.receiverId)).toHaveLength(0)
    expect((await postReport(hub, sampleReport({ category: 'threat' }))).status).toBe(201)
    expect(await queuedFor(hub, t.receiverId)).toHaveLength(1)
  })

  it('reads ROUTING_RULES from the environment and names it when it is wrong', () => {
    const config = loadConfig({ ROUTING_RULES: '{"moderation_vendor":{"raids":false}}' })
    expect(config.settings.routing).toEqual({ moderation_vendor: { raids: false } })
    expect(() => loadConfig({ ROUTING_RULES: 'not json' })).toThrow(/ROUTING_RULES/)
    expect(() => loadConfig({ ROUTING_RULES: '{"nobody":{}}' })).toThrow(/ROUTING_RULES/)
  })
})
