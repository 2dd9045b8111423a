/**
 * The living report through its routes: additions and later consents with the receipt, and
 * everything they refuse — a withdrawn or erased report, a wrong code, an empty or oversized
 * addition, files where the category forbids them, a device hash that does not match, a
 * receiver that cannot take the report, a script's rate — each a clear 4xx with nothing stored.
 */
import { createHash } from 'node:crypto'
import { Receipt, ReportStatusView } from '@safe-place/schemas'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { jpegWithGps } from './support/images'
import {
  addReceiver,
  makeTestHub,
  postReport,
  sampleReport,
  type TestHub,
} from './support/test-hub'

let hub: TestHub
beforeEach(async () => {
  hub = await makeTestHub({ settings: { clientEvidencePerMinute: 1000 } })
})
afterEach(() => hub.close())

const ADDED = 'Un nouveau compte zq_added_4471 a repris les menaces'

async function report(overrides = {}) {
  return Receipt.parse(await (await postReport(hub, sampleReport(overrides))).json())
}

function add(
  receipt: Receipt,
  body: unknown,
  token = receipt.receiptToken,
  extraHeaders: Record<string, string> = {},
) {
  const raw = body instanceof FormData
  return hub.app.request(`/v1/reports/${receipt.reference}/additions`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      ...(raw ? {} : { 'content-type': 'application/json' }),
      ...extraHeaders,
    },
    body: raw ? body : JSON.stringify(body),
  })
}

function consent(receipt: Receipt, receiverId: string) {
  return hub.app.request(`/v1/reports/${receipt.reference}/consents`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${receipt.receiptToken}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      consents: [{ receiverId, textVersion: '1', grantedAt: new Date().toISOString() }],
    }),
  })
}

const codeOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string } }).error.code
const count = async (table: string) =>
  Number((await hub.client.execute(`select count(*) as n from ${table}`)).rows[0]?.n)

const incident = {
  what: { description: ADDED },
  where: {
    contentUrls: ['https://www.instagram.com/p/zq_added_post/'],
    accounts: [{ handle: '@zq_added_4471' }],
  },
}

describe('additions', () => {
  it('adds an incident: sealed, on the timeline, in the chain, queued to the receivers that got the report', async () => {
    const federation = await addReceiver(hub)
    const receipt = await report({
      consents: [
        { receiverId: federation.id, textVersion: '1', grantedAt: new Date().toISOString() },
      ],
    })
    const res = await add(receipt, incident)
    expect(res.status).toBe(201)
    const view = ReportStatusView.parse(await res.json())
    expect(view.timeline.at(-1)?.message).toContain('ajouté des éléments')
    const additions = await hub.client.execute('select seq, sealed from report_additions')
    expect(additions.rows).toHaveLength(1)
    expect(String(additions.rows[0]?.sealed)).not.toContain('zq_added')
    const messages = await hub.client.execute(
      'select event_type, report_seq from messages order by report_seq',
    )
    expect(messages.rows.map((r) => [r.event_type, r.report_seq])).toEqual([
      ['report.created', 2],
      ['report.updated', 3],
    ])
    const chain = await hub.client.execute('select seq, kind from evidence_events order by seq')
    expect(chain.rows.map((r) => r.kind)).toEqual(['created', 'routed', 'added'])
    // A second one is number 2.
    expect((await add(receipt, { what: { description: 'Encore' } })).status).toBe(201)
    expect(await count('report_additions')).toBe(2)
  })

  it('adds nothing twice for a retry with the same idempotency key', async () => {
    const federation = await addReceiver(hub)
    const receipt = await report({
      consents: [
        { receiverId: federation.id, textVersion: '1', grantedAt: new Date().toISOString() },
      ],
    })
    const key = { 'idempotency-key': 'addition-7f1c0e2a' }
    const first = await add(receipt, incident, receipt.receiptToken, key)
    expect(first.status).toBe(201)
    // The answer was lost; the phone sends it again.
    const again = await add(receipt, incident, receipt.receiptToken, key)
    expect(again.status).toBe(201)
    const view = ReportStatusView.parse(await again.json())
    expect(view.timeline.filter((e) => e.message.includes('ajouté des éléments'))).toHaveLength(1)
    expect(await count('report_additions')).toBe(1)
    const updates = await hub.client.execute(
      "select count(*) as n from messages where event_type = 'report.updated'",
    )
    expect(Number(updates.rows[0]?.n)).toBe(1)
    // The same key with something else: a conflict, nothing stored.
    const other = await add(
      receipt,
      { what: { description: 'Autre chose' } },
      receipt.receiptToken,
      key,
    )
    expect(other.status).toBe(409)
    expect(await codeOf(other)).toBe('idempotency_conflict')
    // Another key is another addition; a malformed one is refused naming the header.
    expect(
      (await add(receipt, incident, receipt.receiptToken, { 'idempotency-key': 'addition-2' }))
        .status,
    ).toBe(201)
    expect(await count('report_additions')).toBe(2)
    const bad = await add(receipt, incident, receipt.receiptToken, { 'idempotency-key': 'x' })
    expect(bad.status).toBe(400)
    expect(await count('report_additions')).toBe(2)
  })

  it('takes screenshots as a first report does: device hashes checked, metadata stripped', async () => {
    const receipt = await report()
    const jpeg = await jpegWithGps()
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')
    const form = (sent: string) => {
      const f = new FormData()
      f.append(
        'report',
        JSON.stringify({
          what: { description: ADDED },
          evidence: { files: [{ originalSha256: sha(jpeg), sentSha256: sent }] },
        }),
      )
      f.append('attachments', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'a.jpg')
      return f
    }
    const lying = await add(receipt, form(sha(Buffer.from('not it'))))
    expect(lying.status).toBe(422)
    expect(await codeOf(lying)).toBe('attachment_hash_mismatch')
    expect(await count('report_additions')).toBe(0)
    expect(await count('attachments')).toBe(0)
    expect((await add(receipt, form(sha(jpeg)))).status).toBe(201)
    const rows = await hub.client.execute(
      'select addition_id, received_sha256, original_sha256 from attachments',
    )
    expect(rows.rows[0]).toMatchObject({ received_sha256: sha(jpeg), original_sha256: sha(jpeg) })
    expect(String(rows.rows[0]?.addition_id)).toMatch(/^add_/)
  })

  it('refuses what a first report would refuse, with nothing stored', async () => {
    const receipt = await report()
    const cases: [unknown, number, string][] = [
      [{}, 400, 'validation_failed'],
      [{ what: { description: '' } }, 400, 'validation_failed'],
      [{ what: { description: 'x'.repeat(5001) } }, 400, 'validation_failed'],
      [{ where: { contentUrls: ['javascript:alert(1)'] } }, 400, 'validation_failed'],
      [{ what: { description: 'x' }, unknown: 1 }, 400, 'validation_failed'],
      [{ what: { description: 'x' }, homepage: 'http://spam.example' }, 400, 'spam_detected'],
    ]
    for (const [body, status, code] of cases) {
      const res = await add(receipt, body)
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(status)
      expect(await codeOf(res)).toBe(code)
    }
    const ncii = await report({ category: 'ncii' })
    const f = new FormData()
    f.append('report', JSON.stringify({ what: { description: 'x' } }))
    f.append(
      'attachments',
      new Blob([new Uint8Array(await jpegWithGps())], { type: 'image/jpeg' }),
      'a.jpg',
    )
    const forbidden = await add(ncii, f)
    expect(forbidden.status).toBe(422)
    expect(await codeOf(forbidden)).toBe('attachments_forbidden')
    expect(await count('report_additions')).toBe(0)
  })

  it('refuses a wrong code, a withdrawn report and a report past its limits', async () => {
    const receipt = await report()
    const wrong = await add(receipt, incident, 'AAAA-AAAA-AAAA-AAAA')
    expect(wrong.status).toBe(401)
    expect(await codeOf(wrong)).toBe('receipt_invalid')
    for (let i = 0; i < 30; i++)
      expect((await add(receipt, { what: { description: `n${i}` } })).status).toBe(201)
    const thirtyFirst = await add(receipt, incident)
    expect(thirtyFirst.status).toBe(422)
    expect(await codeOf(thirtyFirst)).toBe('report_limit_reached')
    const withdrawn = await report()
    await hub.app.request(`/v1/reports/${withdrawn.reference}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${withdrawn.receiptToken}` },
    })
    const late = await add(withdrawn, incident)
    expect(late.status).toBe(410)
    expect(await codeOf(late)).toBe('report_withdrawn')
    expect(await count('report_additions')).toBe(30)
  })

  it('starts the chain of a report sent before chains existed with the report as stored', async () => {
    const receipt = await report()
    await hub.client.execute('delete from evidence_events')
    await hub.client.execute('delete from evidence_chains')
    expect((await add(receipt, incident)).status).toBe(201)
    const chain = await hub.client.execute(
      'select seq, kind, prev_hash from evidence_events order by seq',
    )
    expect(chain.rows.map((r) => r.kind)).toEqual(['created', 'added'])
    expect(chain.rows[0]?.prev_hash).toBe('0'.repeat(64))
    const pack = await hub.app.request(`/v1/reports/${receipt.reference}/evidence-pack`, {
      headers: { authorization: `Bearer ${receipt.receiptToken}` },
    })
    expect(pack.status).toBe(200)
  })

  it('refuses a report erased by retention', async () => {
    const receipt = await report()
    await hub.client.execute('update reports set erased_at = 1, sealed = null')
    const res = await add(receipt, incident)
    expect(res.status).toBe(410)
    expect(await codeOf(res)).toBe('report_erased')
  })

  it('limits a client to a rate no person reaches', async () => {
    const slow = await makeTestHub({ settings: { clientEvidencePerMinute: 3 } })
    try {
      const receipt = Receipt.parse(await (await postReport(slow, sampleReport())).json())
      const statuses = []
      for (let i = 0; i < 5; i++) {
        const res = await slow.app.request(`/v1/reports/${receipt.reference}/additions`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${receipt.receiptToken}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ what: { description: `n${i}` } }),
        })
        statuses.push(res.status)
      }
      expect(statuses).toEqual([201, 201, 201, 429, 429])
    } finally {
      await slow.close()
    }
  })
})

describe('consents given later', () => {
  it('shares with a receiver not chosen at first: it gets the report as it stands, once', async () => {
    const first = await addReceiver(hub)
    const later = await addReceiver(hub, { kind: 'moderation_vendor', profile: 'content' })
    const receipt = await report({
      consents: [{ receiverId: first.id, textVersion: '1', grantedAt: new Date().toISOString() }],
    })
    expect((await add(receipt, incident)).status).toBe(201)
    const res = await consent(receipt, later.id)
    expect(res.status).toBe(200)
    const sent = await hub.client.execute({
      sql: 'select id, event_type, payload_sealed, report_seq from messages where receiver_id = ?',
      args: [later.id],
    })
    expect(sent.rows.map((r) => r.event_type)).toEqual(['report.created'])
    const payload = hub.keyring.openJson<{ data: { additions?: { contentUrls: string[] }[] } }>(
      String(sent.rows[0]?.payload_sealed),
      `message:${sent.rows[0]?.id}`,
    )
    expect(payload.data.additions?.[0]?.contentUrls).toEqual([
      'https://www.instagram.com/p/zq_added_post/',
    ])
    // Once: a second consent to it is a conflict, and the first receiver heard nothing of it.
    const again = await consent(receipt, later.id)
    expect(again.status).toBe(409)
    const toFirst = await hub.client.execute({
      sql: 'select event_type from messages where receiver_id = ? order by report_seq',
      args: [first.id],
    })
    expect(toFirst.rows.map((r) => r.event_type)).toEqual(['report.created', 'report.updated'])
  })

  it('refuses a receiver that cannot take the report, or that does not exist, storing nothing', async () => {
    const receipt = await report({ category: 'minor_sexual', consents: [] })
    const federation = await addReceiver(hub)
    const res = await consent(receipt, federation.id)
    expect(res.status).toBe(400)
    expect(JSON.stringify(await res.json())).toContain('minor_sexual_hotline_only')
    expect((await consent(receipt, 'rcv_01JNOSUCHRECEIVER00000000')).status).toBe(400)
    const consents = await hub.client.execute('select consents from reports')
    expect(String(consents.rows[0]?.consents)).toBe('[]')
    expect(await count('messages')).toBe(0)
  })
})
