/**
 * Cases through the operator API, on a real hub (libSQL file, real intake, the grouper run as
 * `serve` runs it): the queue shows one row per situation, the case page merges what happened,
 * and every bad input — another tenant's case, a key that is not an operator, a report not in
 * the case, a note over the limit — is a 4xx with its own code and changes nothing.
 */
import { type CaseDetail, type CaseSummary, caseLimits, Receipt } from '@safe-place/schemas'
import { eq } from 'drizzle-orm'
import pino from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApiKey } from '../../src/admin/api-keys'
import { createPartner } from '../../src/admin/partners'
import { createSiteKey } from '../../src/admin/site-keys'
import { createCaseGrouper } from '../../src/cases/grouper'
import { CaseSettings } from '../../src/cases/settings'
import { caseEvents, caseNotes, cases, messages, reports } from '../../src/db/schema'
import { payloadContext } from '../../src/delivery/outbox'
import {
  addReceiver,
  makeTestHub,
  ORIGIN,
  postReport,
  sampleReport,
  type TestHub,
} from '../support/test-hub'

let hub: TestHub
let grouper: ReturnType<typeof createCaseGrouper>
let partnerKey: string
let partnerKeyId: string
let receiverKey: string
let otherSiteKey: string

beforeEach(async () => {
  hub = await makeTestHub()
  grouper = createCaseGrouper({
    database: hub.handle,
    keyring: hub.keyring,
    settings: CaseSettings.parse({}),
    logger: pino({ level: 'silent' }),
  })
  const receiver = await addReceiver(hub)
  const now = new Date()
  const made = await hub.handle.write(async (tx) => {
    const partner = await createApiKey(
      tx,
      { name: 'brand', scope: 'partner', partnerId: hub.partnerId },
      now,
    )
    const rcv = await createApiKey(
      tx,
      { name: 'fed', scope: 'receiver', receiverId: receiver.id },
      now,
    )
    const other = await createPartner(tx, { name: 'Partner B', kind: 'brand' }, now)
    const site = await createSiteKey(
      tx,
      undefined,
      {
        partnerId: other.id,
        allowedOrigins: [ORIGIN],
        requireChallenge: false,
        rateLimitPerMinute: 10_000,
      },
      now,
    )
    return { partner, rcv, site }
  })
  partnerKey = made.partner.secret
  partnerKeyId = made.partner.id
  receiverKey = made.rcv.secret
  otherSiteKey = made.site.key
})
afterEach(() => hub.close())

const as = (key: string) => ({ authorization: `Bearer ${key}`, 'content-type': 'application/json' })
const get = (path: string, key = hub.operatorKey) => hub.app.request(path, { headers: as(key) })
const post = (path: string, body: unknown, key = hub.operatorKey) =>
  hub.app.request(path, { method: 'POST', headers: as(key), body: JSON.stringify(body) })

async function report(overrides: Parameters<typeof sampleReport>[0] = {}, siteKey?: string) {
  const res = await postReport(
    hub,
    sampleReport(overrides),
    siteKey ? { headers: { 'safe-place-site-key': siteKey } } : {},
  )
  expect(res.status).toBe(201)
  return Receipt.parse(await res.json())
}

const about = (handle: string, url = `https://www.instagram.com/p/${handle}/`) => ({
  who: { role: 'witness' as const, targetHandle: `@${handle}` },
  where: { platform: 'instagram' as const, contentUrls: [url], accounts: [] },
})

async function queue(): Promise<CaseSummary[]> {
  const res = await get('/v1/admin/cases?status=all&limit=100')
  expect(res.status).toBe(200)
  return ((await res.json()) as { items: CaseSummary[] }).items
}

async function snapshot() {
  const db = hub.handle.db
  return JSON.stringify([
    await db.select().from(cases),
    await db.select().from(caseEvents),
    await db.select().from(caseNotes),
  ])
}

describe('cases in the operator API', () => {
  it('lists one row per situation, with its reports and a merged timeline', async () => {
    const receiver = await addReceiver(hub)
    const grantedAt = new Date().toISOString()
    const a1 = await report({
      ...about('creatrice_a'),
      consents: [{ receiverId: receiver.id, textVersion: '1', grantedAt }],
    })
    const a2 = await report({ ...about('CREATRICE_A', 'https://instagram.com/p/other1') })
    const a3 = await report(
      about('someone_else', 'https://www.instagram.com/p/creatrice_a/?igsh=x'),
    )
    const b = await report(about('creatrice_b'))
    expect(await grouper.runOnce()).toBe(4)
    const rows = await queue()
    expect(rows).toHaveLength(2)
    const caseA = rows.find((r) => r.reports === 3)!
    expect(caseA.status).toBe('open')
    expect(caseA.overdue).toBe(false)
    expect(new Date(caseA.dueAt!).getTime() - new Date(caseA.firstReportAt).getTime()).toBe(
      72 * 3_600_000,
    )

    const res = await get(`/v1/admin/cases/${caseA.reference}`)
    expect(res.status).toBe(200)
    const detail = (await res.json()) as CaseDetail
    expect(detail.reports.map((r) => r.reference).sort()).toEqual(
      [a1, a2, a3].map((r) => r.reference).sort(),
    )
    expect(detail.reports.find((r) => r.reference === a2.reference)?.matched).toEqual([
      'target_handle',
    ])
    expect(detail.reports.find((r) => r.reference === a3.reference)?.matched).toEqual([
      'content_url',
    ])
    const kinds = detail.timeline.map((e) => `${e.source}:${e.kind}`)
    for (const k of [
      'case:created',
      'case:joined',
      'report:received',
      'report:routing',
      'delivery:pending',
    ]) {
      expect(kinds).toContain(k)
    }
    expect(JSON.stringify(detail)).not.toContain(b.reference)
    // The report page links to its case, for the operator only.
    const page = await hub.app.request(`/v1/admin/reports/${a1.reference}`, {
      headers: as(hub.operatorKey),
    })
    expect(page.status).toBe(200)
  })

  it('is for operators only: partner and receiver keys get 403', async () => {
    await report(about('x_creator'))
    await grouper.runOnce()
    const [row] = await queue()
    for (const key of [partnerKey, receiverKey]) {
      for (const path of ['/v1/admin/cases', `/v1/admin/cases/${row!.id}`]) {
        expect((await get(path, key)).status, path).toBe(403)
      }
      expect((await post(`/v1/admin/cases/${row!.id}/notes`, { text: 'x' }, key)).status).toBe(403)
    }
  })

  it('takes, hands over and releases; refuses a key that is not an operator, changing nothing', async () => {
    await report(about('assign_me'))
    await grouper.runOnce()
    const [row] = await queue()
    const path = `/v1/admin/cases/${row!.id}/assignee`
    const taken = await post(path, { assignee: 'me' })
    expect(taken.status).toBe(200)
    const opKeyId = ((await taken.json()) as CaseSummary).assignee?.keyId
    expect(opKeyId).toMatch(/^key_/)
    const before = await snapshot()
    for (const assignee of [partnerKeyId, 'key_01JNOSUCHKEY000000000000', 'me-not']) {
      const res = await post(path, { assignee })
      expect(res.status, assignee).toBe(422)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        'assignee_not_operator',
      )
    }
    expect(await snapshot()).toBe(before)
    const released = await post(path, { assignee: null })
    expect(((await released.json()) as CaseSummary).assignee).toBeNull()
    const detail = (await (await get(`/v1/admin/cases/${row!.id}`)).json()) as CaseDetail
    expect(detail.timeline.filter((e) => e.source === 'case').map((e) => e.kind)).toEqual([
      'created',
      'assigned',
      'released',
    ])
    expect(detail.timeline.find((e) => e.kind === 'assigned')?.assignee).toBe('ops')
  })

  it('refuses to merge cases of two tenants, and a report that is not in the case, changing nothing', async () => {
    await report(about('tenant_a'))
    await report(about('tenant_a'), otherSiteKey)
    await report(about('tenant_a_other'))
    const stranger = await report(about('stranger'))
    await grouper.runOnce()
    const rows = await queue()
    expect(rows).toHaveLength(4)
    const mine = rows.filter((r) => r.partnerId === hub.partnerId)
    const theirs = rows.find((r) => r.partnerId !== hub.partnerId)!
    const before = await snapshot()
    const merge = await post(`/v1/admin/cases/${mine[0]!.id}/merge`, {
      from: [mine[1]!.id, theirs.id],
    })
    expect(merge.status).toBe(409)
    expect(((await merge.json()) as { error: { code: string } }).error.code).toBe(
      'case_tenant_mismatch',
    )
    // The stranger's report exists, in another case of the same partner: not in this one.
    const [notHers] = await Promise.all(
      mine.map(async (r) => (await (await get(`/v1/admin/cases/${r.id}`)).json()) as CaseDetail),
    ).then((all) => all.filter((d) => !d.reports.some((x) => x.reference === stranger.reference)))
    const split = await post(`/v1/admin/cases/${notHers!.summary.id}/split`, {
      reports: [stranger.reference],
    })
    expect(split.status).toBe(422)
    expect(((await split.json()) as { error: { code: string } }).error.code).toBe(
      'report_not_in_case',
    )
    const splitOther = await post(`/v1/admin/cases/${mine[0]!.id}/split`, {
      reports: ['SP-ZZZZ-ZZZZ'],
    })
    expect(splitOther.status).toBe(422)
    expect(((await splitOther.json()) as { error: { code: string } }).error.code).toBe(
      'report_not_in_case',
    )
    expect(
      (await post(`/v1/admin/cases/cas_01JNOTACASE0000000000000/merge`, { from: [mine[0]!.id] }))
        .status,
    ).toBe(404)
    expect(await snapshot()).toBe(before)
  })

  it('keeps internal notes sealed, apart, within the limit, and out of webhooks and the status page', async () => {
    const receiver = await addReceiver(hub, { profile: 'full' })
    const grantedAt = new Date().toISOString()
    const r = await report({
      ...about('noted'),
      consents: [{ receiverId: receiver.id, textVersion: '1', grantedAt }],
    })
    await grouper.runOnce()
    const [row] = await queue()
    const secret = 'zq_internal_note_marker_88: appelée à 14h, elle va bien'
    const before = await snapshot()
    const long = await post(`/v1/admin/cases/${row!.id}/notes`, {
      text: 'x'.repeat(caseLimits.noteMaxLength + 1),
    })
    expect(long.status).toBe(400)
    expect(((await long.json()) as { error: { code: string } }).error.code).toBe(
      'validation_failed',
    )
    const notIn = await post(`/v1/admin/cases/${row!.id}/notes`, {
      text: 'x',
      about: 'SP-ZZZZ-ZZZZ',
    })
    expect(((await notIn.json()) as { error: { code: string } }).error.code).toBe(
      'report_not_in_case',
    )
    expect(await snapshot()).toBe(before)

    const added = await post(`/v1/admin/cases/${row!.id}/notes`, { text: secret })
    expect(added.status).toBe(200)
    expect(await added.json()).toMatchObject({ about: r.reference, text: secret, author: 'ops' })
    const [stored] = await hub.handle.db.select().from(caseNotes)
    expect(stored!.textSealed).not.toContain('zq_internal')
    // A status with a note for the reporter, and the bulk status, after the note.
    expect(
      (
        await post(`/v1/admin/cases/${row!.id}/report-status`, {
          status: 'in_review',
          noteForReporter: 'On regarde.',
        })
      ).status,
    ).toBe(200)
    const detail = (await (await get(`/v1/admin/cases/${row!.id}`)).json()) as CaseDetail
    expect(detail.notes.map((n) => n.text)).toEqual([secret])
    expect(detail.timeline.find((e) => e.source === 'internal_note')?.note).toBe(secret)
    expect(
      detail.timeline.find((e) => e.source === 'report' && e.status === 'in_review')?.note,
    ).toBe('On regarde.')
    // Not in any webhook payload, not on the reporter's page.
    const payloads = await hub.handle.db.select().from(messages)
    expect(payloads.length).toBeGreaterThanOrEqual(1)
    for (const m of payloads) {
      const body = m.payloadSealed ? hub.keyring.open(m.payloadSealed, payloadContext(m.id)) : ''
      expect(body).not.toContain('zq_internal')
    }
    const status = await hub.app.request(`/v1/reports/${r.reference}/status`, {
      headers: { authorization: `Bearer ${r.receiptToken}` },
    })
    const view = await status.text()
    expect(view).toContain('On regarde.')
    expect(view).not.toContain('zq_internal')
  })

  it("sets one status on a case's live reports, skipping withdrawn and final ones", async () => {
    const rs: Receipt[] = []
    for (let i = 0; i < 5; i++)
      rs.push(await report(about('bulk_target', `https://instagram.com/p/bulk${i}`)))
    await grouper.runOnce()
    const [row] = await queue()
    expect(row!.reports).toBe(5)
    const gone = await hub.app.request(`/v1/reports/${rs[0]!.reference}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${rs[0]!.receiptToken}` },
    })
    expect(gone.status).toBe(200)
    await hub.handle.write((tx) =>
      tx
        .update(reports)
        .set({ status: 'no_action' })
        .where(eq(reports.reference, rs[1]!.reference)),
    )
    const res = await post(`/v1/admin/cases/${row!.reference}/report-status`, {
      status: 'in_review',
    })
    expect(await res.json()).toEqual({ updated: 3, skipped: 2 })
    const statuses = await hub.handle.db
      .select({ ref: reports.reference, status: reports.status })
      .from(reports)
    expect(statuses.filter((s) => s.status === 'in_review')).toHaveLength(3)
    const again = await post(`/v1/admin/cases/${row!.reference}/report-status`, {
      status: 'in_review',
    })
    expect(await again.json()).toEqual({ updated: 0, skipped: 5 })
    expect(
      (await post(`/v1/admin/cases/${row!.reference}/report-status`, { status: 'action_taken' }))
        .status,
    ).toBe(400)
  })

  it('closes and reopens; a merged case refuses changes and points to its target', async () => {
    await report(about('first_case'))
    await report(about('second_case'))
    await grouper.runOnce()
    const [one, two] = await queue()
    const closed = await post(`/v1/admin/cases/${one!.id}/status`, { status: 'closed' })
    expect(((await closed.json()) as CaseSummary).dueAt).toBeNull()
    expect((await get('/v1/admin/cases')).status).toBe(200)
    expect(
      ((await (await get('/v1/admin/cases')).json()) as { items: unknown[] }).items,
    ).toHaveLength(1)
    await post(`/v1/admin/cases/${one!.id}/status`, { status: 'open' })
    const merged = await post(`/v1/admin/cases/${one!.id}/merge`, { from: [two!.id] })
    expect(((await merged.json()) as CaseSummary).reports).toBe(2)
    const again = await post(`/v1/admin/cases/${two!.id}/notes`, { text: 'x' })
    expect(again.status).toBe(409)
    const detail = (await (await get(`/v1/admin/cases/${two!.id}`)).json()) as CaseDetail
    expect(detail.summary.mergedInto?.reference).toBe(one!.reference)
  })
})
