import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { Receipt, ReportStatusView } from '@safe-place/schemas'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  DESCRIPTION,
  EMAIL,
  makeTestHub,
  postReport,
  sampleReport,
  type TestHub,
} from './support/test-hub'

let hub: TestHub
let receipt: Receipt
beforeEach(async () => {
  hub = await makeTestHub()
  receipt = Receipt.parse(await (await postReport(hub, sampleReport())).json())
})
afterEach(() => hub.close())

const statusOf = (ref: string, token: string, method = 'GET') =>
  hub.app.request(method === 'GET' ? `/v1/reports/${ref}/status` : `/v1/reports/${ref}`, {
    method,
    headers: { authorization: `Bearer ${token}` },
  })

describe('status and withdrawal with the receipt', () => {
  it('shows the status with the right token, in the report locale, without internal data', async () => {
    const res = await statusOf(receipt.reference, receipt.receiptToken)
    expect(res.status).toBe(200)
    const text = await res.text()
    const view = ReportStatusView.parse(JSON.parse(text))
    expect(view.status).toBe('received')
    expect(view.timeline[0]?.message).toBe('Votre signalement a bien été reçu.')
    expect(text).not.toContain(DESCRIPTION)
    expect(text).not.toContain('prt_')
  })

  it('refuses a wrong token and an unknown reference the same way', async () => {
    const wrongToken = `rt_${'A'.repeat(43)}`
    const a = await statusOf(receipt.reference, wrongToken)
    const b = await statusOf('SP-2222-2222', receipt.receiptToken)
    const c = await statusOf(receipt.reference, 'nonsense')
    for (const res of [a, b, c]) {
      expect(res.status).toBe(401)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('receipt_invalid')
    }
    expect((await statusOf(receipt.reference, wrongToken, 'DELETE')).status).toBe(401)
    const noToken = await hub.app.request(`/v1/reports/${receipt.reference}/status`)
    expect(noToken.status).toBe(401)
    expect((await statusOf(receipt.reference, receipt.receiptToken)).status).toBe(200)
  })

  it('gives a short code, read back in lower case, without dashes, with I/L for 1 and O for 0', async () => {
    expect(receipt.receiptToken).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/)
    const plain = receipt.receiptToken.replaceAll('-', '')
    const misread = plain.replace(/1/g, 'l').replace(/0/g, 'O').toLowerCase()
    for (const typed of [plain, plain.toLowerCase(), misread]) {
      expect((await statusOf(receipt.reference, typed)).status, typed).toBe(200)
    }
    // One character off is refused.
    const last = plain.at(-1) === 'Z' ? 'Y' : 'Z'
    expect((await statusOf(receipt.reference, `${plain.slice(0, -1)}${last}`)).status).toBe(401)
    // Only its SHA-256 is stored, never the code.
    const rows = await hub.client.execute('select receipt_token_hash from reports')
    expect(String(rows.rows[0]?.receipt_token_hash)).toMatch(/^[0-9a-f]{64}$/)
    expect(String(rows.rows[0]?.receipt_token_hash)).not.toContain(plain)
  })

  it('still opens a report with a first-generation rt_ token', async () => {
    const token = `rt_${'Qw3'.repeat(14)}x`
    await hub.client.execute({
      sql: 'update reports set receipt_token_hash = ? where reference = ?',
      args: [createHash('sha256').update(token).digest('hex'), receipt.reference],
    })
    expect((await statusOf(receipt.reference, token)).status).toBe(200)
    expect((await statusOf(receipt.reference, receipt.receiptToken)).status).toBe(401)
  })

  it('withdraws: personal data erased, tombstone kept, status withdrawn', async () => {
    const res = await statusOf(receipt.reference, receipt.receiptToken, 'DELETE')
    expect(res.status).toBe(200)
    const view = ReportStatusView.parse(await res.json())
    expect(view.status).toBe('withdrawn')
    expect(view.category).toBe('threat')

    const detail = await hub.app.request(`/v1/admin/reports/${receipt.reference}`, {
      headers: { authorization: `Bearer ${hub.operatorKey}` },
    })
    const body = (await detail.json()) as {
      report: unknown
      summary: { status: string; withdrawnAt: string }
    }
    expect(body.report).toBeNull()
    expect(body.summary.status).toBe('withdrawn')
    expect(body.summary.withdrawnAt).toBeTruthy()
    const rows = await hub.client.execute('select sealed, category from reports')
    expect(rows.rows[0]?.sealed).toBeNull()
    expect(rows.rows[0]?.category).toBe('threat')

    // Withdrawn twice is harmless.
    expect((await statusOf(receipt.reference, receipt.receiptToken, 'DELETE')).status).toBe(200)
  })

  it('leaves no plaintext description or contact in the database file (WAL checkpointed)', async () => {
    await hub.client.execute('PRAGMA wal_checkpoint(TRUNCATE)')
    const files = [hub.dbPath, `${hub.dbPath}-wal`]
    for (const file of files) {
      let bytes: Buffer
      try {
        bytes = readFileSync(file)
      } catch {
        continue
      }
      for (const secret of [
        DESCRIPTION,
        EMAIL,
        'zq_secret_handle_91',
        'abc123secretpost',
        'my_public_creator_handle',
      ]) {
        expect(bytes.includes(Buffer.from(secret)), `${secret} in ${file}`).toBe(false)
      }
    }
    // The check can fail: the category is stored in clear and is found.
    expect(readFileSync(hub.dbPath).includes(Buffer.from('threat'))).toBe(true)
  })
})
