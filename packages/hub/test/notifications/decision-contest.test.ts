/**
 * Decisions and contests through the hub's routes: a receiver posts a full DSA statement of
 * reasons (bad ones get 400 with the path), the reporter reads it in plain words in her
 * language and the console gets fields and words; she contests once — recorded, `report.contested`
 * delivered (signed, cut to profile, federation first) to the receivers she consented to only —
 * and gets the ways that remain. Twice, before an answer, or after withdrawal: clear 4xx.
 */
import { Receipt, ReportDetail, ReportStatusView, WebhookEvent } from '@safe-place/schemas'
import pino from 'pino'
import { Webhook } from 'standardwebhooks'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApiKey } from '../../src/admin/api-keys'
import { messages } from '../../src/db/schema'
import { createDeliveryEngine, type DeliveryEngine } from '../../src/delivery/engine'
import { startReceiver, type TestServer } from '../delivery/support/receiver-server'
import {
  addReceiver,
  makeTestHub,
  postReport,
  sampleReport,
  type TestHub,
} from '../support/test-hub'
import { asReporter, postStatus } from './support'

const REASON = 'Les menaces sont toujours en ligne, zq_contest_reason_88'

const decision = {
  decision_visibility: ['DECISION_VISIBILITY_CONTENT_REMOVED'],
  decision_account: 'DECISION_ACCOUNT_SUSPENDED',
  account_type: 'ACCOUNT_TYPE_PRIVATE',
  decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
  decision_ground_reference_url: 'https://help.instagram.com/477434105621119',
  incompatible_content_ground: 'Bullying and harassment',
  incompatible_content_explanation: 'Targets a private person.',
  automated_detection: 'No',
  automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
  territorial_scope: ['FR'],
  application_date: '2026-03-03',
  puid: 'ig-sor-42',
  statement_url: 'https://transparency.dsa.ec.europa.eu/statement/7d0d0f7c',
  appeal_url: 'https://help.instagram.com/appeal',
}

let hub: TestHub
let engine: DeliveryEngine
const servers: Record<string, TestServer> = {}
const secrets: Record<string, string> = {}
const ids: Record<string, string> = {}
let flaggerKey = ''
let receipt: Receipt

const until = async (check: () => boolean | Promise<boolean>, what: string) => {
  const deadline = Date.now() + 10_000
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

beforeEach(async () => {
  hub = await makeTestHub()
  const kinds = [
    ['federation', 'full', true],
    ['trusted_flagger', 'notice', true],
    ['moderation_vendor', 'content', true],
    // Gets the report without her consent: never hears she contested.
    ['partner', 'notice', false],
  ] as const
  const consents = []
  for (const [kind, profile, consented] of kinds) {
    servers[kind] = await startReceiver()
    const r = await addReceiver(hub, {
      kind,
      profile,
      url: servers[kind].url,
      consentRequired: consented,
    })
    secrets[kind] = r.secret
    ids[kind] = r.id
    if (consented)
      consents.push({ receiverId: r.id, textVersion: '1', grantedAt: new Date().toISOString() })
  }
  const key = await hub.handle.write((tx) =>
    createApiKey(
      tx,
      { name: 'pdc', scope: 'receiver', receiverId: ids.trusted_flagger! },
      new Date(),
    ),
  )
  flaggerKey = key.secret
  engine = createDeliveryEngine({
    database: hub.handle,
    keyring: hub.keyring,
    logger: pino({ level: 'silent' }),
    ssrf: { allowHttp: true, allowCidrs: ['127.0.0.1/32'] },
    pollIntervalMs: 20,
    random: () => 0.5,
  })
  const res = await postReport(hub, sampleReport({ category: 'harassment', consents }))
  expect(res.status).toBe(201)
  receipt = Receipt.parse(await res.json())
  engine.start()
  await until(
    () => Object.values(servers).every((s) => s.received.length === 1),
    'four report.created deliveries',
  )
})
afterEach(async () => {
  await engine.stop()
  await Promise.all(Object.values(servers).map((s) => s.close()))
  await hub.close()
})

const view = async (locale: 'fr' | 'en') =>
  ReportStatusView.parse(
    await (await asReporter(hub, receipt, 'GET', `/status?locale=${locale}`)).json(),
  )

describe('decisions', () => {
  it('refuses unknown enumerations, inconsistent grounds and non-http URLs, with the path', async () => {
    const cases: [unknown, string][] = [
      [
        { ...decision, decision_visibility: ['DECISION_VISIBILITY_VANISHED'] },
        'decision.decision_visibility.0',
      ],
      [
        {
          ...decision,
          decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT',
          incompatible_content_ground: undefined,
          incompatible_content_explanation: undefined,
          illegal_content_explanation: 'Threats',
        },
        'decision.illegal_content_legal_ground',
      ],
      [{ ...decision, appeal_url: 'javascript:alert(1)' }, 'decision.appeal_url'],
      [
        { ...decision, automated_decision: 'AUTOMATED_DECISION_SOMETIMES' },
        'decision.automated_decision',
      ],
    ]
    for (const [bad, path] of cases) {
      const res = await postStatus(hub, flaggerKey, receipt.reference, {
        status: 'action_taken',
        decision: bad,
      })
      expect(res.status, path).toBe(400)
      const { error } = (await res.json()) as { error: { details: { path: string }[] } }
      expect(error.details.map((d) => d.path)).toContain(path)
    }
    // Nothing of them was kept.
    expect((await view('fr')).decisions).toEqual([])
  })

  it('a full decision reads as plain sentences in French and English; the console gets both', async () => {
    const res = await postStatus(hub, flaggerKey, receipt.reference, {
      status: 'action_taken',
      decision,
    })
    expect(res.status).toBe(200)
    const fr = await view('fr')
    expect(fr.decisions).toEqual([
      {
        at: expect.any(String),
        summary:
          'Instagram a retiré la publication et suspendu le compte qui a publié le contenu le 3 mars 2026, parce qu’elle est contraire à ses règles sur le harcèlement. Cette décision s’applique dans ce pays : France. Une personne a examiné la publication et pris cette décision.',
        appealUrl: decision.appeal_url,
        statementUrl: decision.statement_url,
      },
    ])
    const en = await view('en')
    expect(en.decisions?.[0]?.summary).toMatch(/^Instagram removed the content and suspended/)
    expect(fr.contestable).toBe(true)
    // The others hear the actions it amounts to.
    await until(() => servers.federation!.received.length === 2, 'status_changed')
    const changed = JSON.parse(servers.federation!.received[1]!.body) as WebhookEvent
    expect(changed.type === 'report.status_changed' && changed.data.actions).toEqual([
      'content_removed',
      'account_suspended',
    ])
    const detail = await hub.app.request(`/v1/admin/reports/${receipt.reference}`, {
      headers: { authorization: `Bearer ${hub.operatorKey}` },
    })
    const { timeline } = ReportDetail.parse(await detail.json())
    const withDecision = timeline.find((e) => e.decision)
    expect(withDecision?.decision?.fields).toEqual(decision)
    expect(withDecision?.decision?.summary.fr).toBe(fr.decisions?.[0]?.summary)
    expect(withDecision?.decision?.summary.en).toBe(en.decisions?.[0]?.summary)
  })
})

describe('contesting', () => {
  it('is refused before there is an answer', async () => {
    const res = await asReporter(hub, receipt, 'POST', '/contest', { reason: REASON })
    expect(res.status).toBe(409)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'nothing_to_contest',
    )
  })

  it('records it, tells the consented receivers (signed, cut to profile) and lists the ways', async () => {
    await postStatus(hub, flaggerKey, receipt.reference, {
      status: 'no_action',
      decision: {
        automated_detection: 'Yes',
        automated_decision: 'AUTOMATED_DECISION_PARTIALLY',
        application_date: '2026-03-04',
        puid: 'ig-sor-43',
        appeal_url: 'https://help.instagram.com/appeal/43',
      },
    })
    const res = await asReporter(hub, receipt, 'POST', '/contest?locale=fr', { reason: REASON })
    expect(res.status).toBe(200)
    const seen = ReportStatusView.parse(await res.json())
    expect(seen.contestable).toBe(false)
    expect(seen.contest?.ways.map((w) => w.id)).toEqual([
      'platform_appeal',
      'out_of_court_settlement',
      'trusted_flagger',
      'pharos',
      'complaint',
    ])
    expect(seen.contest?.ways[0]?.url).toBe('https://help.instagram.com/appeal/43')
    expect(seen.contest?.ways[1]?.conditions).toContain('article 21')
    // Her report still has its proof pack: the complaint way points to it.
    expect(seen.contest?.ways[4]?.conditions).toContain('Télécharger mon dossier')
    expect(seen.timeline.at(-1)?.message).toContain('Vous avez contesté cette réponse')

    const contested = async (kind: string) => {
      await until(
        () => servers[kind]!.received.some((r) => r.body.includes('report.contested')),
        `report.contested at ${kind}`,
      )
      const request = servers[kind]!.received.find((r) => r.body.includes('report.contested'))!
      const headers = Object.fromEntries(
        Object.entries(request.headers).map(([k, v]) => [k, String(v)]),
      )
      const event = WebhookEvent.parse(new Webhook(secrets[kind]!).verify(request.body, headers))
      if (event.type !== 'report.contested') throw new Error(event.type)
      return event.data
    }
    expect(await contested('federation')).toMatchObject({
      profile: 'full',
      reference: receipt.reference,
      status: 'no_action',
      reason: REASON,
      decision: { puid: 'ig-sor-43', application_date: '2026-03-04' },
    })
    expect((await contested('trusted_flagger')).reason).toBe(REASON)
    const content = await contested('moderation_vendor')
    expect(content.profile).toBe('content')
    expect(content).not.toHaveProperty('reason')
    // The federation's support first; the partner she did not consent to hears nothing.
    const queued = await hub.handle.db.select().from(messages)
    const contestRows = queued.filter((q) => q.eventType === 'report.contested')
    expect(contestRows).toHaveLength(3)
    const federationId = ids.federation
    expect(contestRows.filter((q) => q.urgent).map((q) => q.receiverId)).toEqual([federationId])
    await new Promise((r) => setTimeout(r, 200))
    expect(servers.partner!.received.some((r) => r.body.includes('report.contested'))).toBe(false)

    // The operator reads her reason on the timeline; a receiver's console does not.
    const detail = await hub.app.request(`/v1/admin/reports/${receipt.reference}`, {
      headers: { authorization: `Bearer ${hub.operatorKey}` },
    })
    const { timeline } = ReportDetail.parse(await detail.json())
    expect(timeline.find((e) => e.kind === 'contested')?.note).toBe(REASON)

    // Twice: refused, clearly.
    const again = await asReporter(hub, receipt, 'POST', '/contest', { reason: REASON })
    expect(again.status).toBe(409)
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe(
      'already_contested',
    )
  })

  it('sends a child’s contest to nobody: under 15, her consent alone does not stand', async () => {
    const child = await postReport(
      hub,
      sampleReport({
        category: 'harassment',
        who: { role: 'target', targetAge: 'under_15' },
        contact: undefined,
        consents: [
          {
            receiverId: ids.trusted_flagger!,
            textVersion: '1',
            grantedAt: new Date().toISOString(),
          },
        ],
      }),
    )
    expect(child.status).toBe(201)
    const childReceipt = Receipt.parse(await child.json())
    await until(
      () => servers.trusted_flagger!.received.some((r) => r.body.includes(childReceipt.reference)),
      'the hotline to get the report',
    )
    await postStatus(hub, flaggerKey, childReceipt.reference, { status: 'no_action' })
    const res = await asReporter(hub, childReceipt, 'POST', '/contest', { reason: REASON })
    expect(res.status).toBe(200)
    const queued = await hub.handle.db.select().from(messages)
    expect(queued.filter((q) => q.eventType === 'report.contested')).toEqual([])
  })

  it('refuses a bad reason, a wrong receipt, and a withdrawn report', async () => {
    await postStatus(hub, flaggerKey, receipt.reference, { status: 'no_action' })
    const empty = await asReporter(hub, receipt, 'POST', '/contest', { reason: '   ' })
    expect(empty.status).toBe(400)
    const long = await asReporter(hub, receipt, 'POST', '/contest', { reason: 'x'.repeat(1001) })
    expect(long.status).toBe(400)
    const forged = await asReporter(
      hub,
      { ...receipt, receiptToken: `rt_${'B'.repeat(43)}` },
      'POST',
      '/contest',
      { reason: REASON },
    )
    expect(forged.status).toBe(401)
    await asReporter(hub, receipt, 'DELETE', '')
    const late = await asReporter(hub, receipt, 'POST', '/contest', { reason: REASON })
    expect(late.status).toBe(410)
  })
})
