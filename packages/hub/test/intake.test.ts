import { REFERENCE_PATTERN, Receipt, ReportStatusView } from '@safe-place/schemas'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHub } from '../src/app'
import {
  DESCRIPTION,
  EMAIL,
  makeTestHub,
  openTestDb,
  postReport,
  sampleReport,
  type TestHub,
} from './support/test-hub'

let hub: TestHub
beforeEach(async () => {
  hub = await makeTestHub()
})
afterEach(() => hub.close())

describe('POST /v1/reports', () => {
  it('accepts a report and answers a receipt with a reference and a token', async () => {
    const res = await postReport(hub, sampleReport())
    expect(res.status).toBe(201)
    const receipt = Receipt.parse(await res.json())
    expect(receipt.reference).toMatch(REFERENCE_PATTERN)
    expect(receipt.receiptToken).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/)
    expect(receipt.status).toBe('received')
    expect(receipt.nextSteps[0]?.message).toMatch(/référence/)
  })

  it('answers next steps in English for an English report and marks crisis categories urgent', async () => {
    const res = await postReport(
      hub,
      sampleReport({ category: 'self_harm_risk', context: { locale: 'en' } }),
    )
    expect(res.status).toBe(201)
    const receipt = Receipt.parse(await res.json())
    expect(receipt.nextSteps[0]?.code).toBe('stay_safe')
    expect(receipt.nextSteps[0]?.message).toMatch(/danger/)
    const detail = await hub.app.request(`/v1/admin/reports/${receipt.reference}`, {
      headers: { authorization: `Bearer ${hub.operatorKey}` },
    })
    const body = (await detail.json()) as {
      summary: { urgent: boolean }
      report: { contact: unknown }
    }
    expect(body.summary.urgent).toBe(true)
  })

  it('survives a restart: the report is there after reopening the database', async () => {
    const receipt = Receipt.parse(await (await postReport(hub, sampleReport())).json())
    hub.handle.close()
    const { handle } = await openTestDb(hub.dir)
    hub.handle = handle
    const app = createHub({ database: handle, keyring: hub.keyring })
    const res = await app.request(`/v1/reports/${receipt.reference}/status?locale=en`, {
      headers: { authorization: `Bearer ${receipt.receiptToken}` },
    })
    expect(res.status).toBe(200)
    const view = ReportStatusView.parse(await res.json())
    expect(view.reference).toBe(receipt.reference)
    expect(view.timeline[0]?.message).toBe('Your report was received.')
    const detail = await app.request(`/v1/admin/reports/${receipt.reference}`, {
      headers: { authorization: `Bearer ${hub.operatorKey}` },
    })
    const body = (await detail.json()) as {
      report: { what: { description: string }; contact: { value: string } }
    }
    expect(body.report.what.description).toBe(DESCRIPTION)
    expect(body.report.contact.value).toBe(EMAIL)
  })

  it('gives the same answer to a retry with the same Idempotency-Key, 409 with another body', async () => {
    const headers = { 'idempotency-key': 'retry-key-0001' }
    const first = await postReport(hub, sampleReport(), { headers })
    const second = await postReport(hub, sampleReport(), { headers })
    expect(first.status).toBe(201)
    expect(second.status).toBe(201)
    const a = Receipt.parse(await first.json())
    const b = Receipt.parse(await second.json())
    expect(b.reference).toBe(a.reference)
    expect(b.receiptToken).toBe(a.receiptToken)
    const list = await hub.app.request('/v1/admin/reports', {
      headers: { authorization: `Bearer ${hub.operatorKey}` },
    })
    expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(1)

    const other = await postReport(hub, sampleReport({ category: 'harassment' }), { headers })
    expect(other.status).toBe(409)
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe(
      'idempotency_conflict',
    )
  })

  it('answers concurrent retries with the same key with one report and one receipt', async () => {
    const headers = { 'idempotency-key': 'concurrent-key-0001' }
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => postReport(hub, sampleReport(), { headers })),
    )
    const receipts = await Promise.all(answers.map(async (r) => Receipt.parse(await r.json())))
    expect(answers.every((r) => r.status === 201)).toBe(true)
    expect(new Set(receipts.map((r) => r.reference)).size).toBe(1)
    expect(new Set(receipts.map((r) => r.receiptToken)).size).toBe(1)
    const rows = await hub.client.execute('select count(*) as n from reports')
    expect(Number(rows.rows[0]?.n)).toBe(1)
  })

  it('refuses the honeypot', async () => {
    const res = await postReport(hub, sampleReport({ homepage: 'http://spam.example' }))
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('spam_detected')
  })
})
