import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FakeHub, json, startFakeHub } from '../../test/fake-hub'
import { receipt, report, statusView, widgetConfig } from '../../test/fixtures'
import { isSafePlaceError } from '../core/errors'
import { createSafePlaceClient } from './client'

let hub: FakeHub
beforeAll(async () => {
  hub = await startFakeHub()
})
afterAll(() => hub.close())

const client = () =>
  createSafePlaceClient({ hubUrl: hub.url, siteKey: 'sk_test_1234567890', sleep: async () => {} })
const CODE = '7K3Q-9XWD-M2PA-0RTE'
const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], { type: 'image/png' })
const sha = async (b: Blob) =>
  createHash('sha256')
    .update(new Uint8Array(await b.arrayBuffer()))
    .digest('hex')

/** The `report` part of a recorded multipart body. */
function reportPart(body: Buffer): Record<string, unknown> {
  const text = body.toString('latin1')
  const start = text.indexOf('{', text.indexOf('name="report"'))
  const end = text.indexOf('\r\n--', start)
  return JSON.parse(Buffer.from(text.slice(start, end), 'latin1').toString('utf8'))
}

describe('the device hashes', () => {
  it('sends with each file the SHA-256 of what it uploads, computed on the device', async () => {
    hub.answer(json(200, widgetConfig()), json(201, receipt))
    await client().submitReport(report, { attachments: [png] })
    const sent = reportPart(hub.requests.at(-1)!.body) as { evidence: { files: unknown[] } }
    const hash = await sha(png)
    expect(sent.evidence.files).toEqual([
      { originalSha256: hash, originalBytes: png.size, sentSha256: hash },
    ])
  })
})

describe('the living report', () => {
  it('adds an incident with the receipt code, its files hashed, and retries a lost answer under the same key', async () => {
    hub.answer(json(201, statusView))
    const view = await client().addToReport(
      receipt.reference,
      CODE,
      { what: { description: 'Encore' } },
      { attachments: [png] },
    )
    expect(view).toEqual(statusView)
    const post = hub.requests.at(-1)!
    expect(post.url).toBe(`/v1/reports/${receipt.reference}/additions`)
    expect(post.headers.authorization).toBe(`Bearer ${CODE}`)
    expect(post.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/)
    expect(reportPart(post.body)).toMatchObject({
      what: { description: 'Encore' },
      evidence: { files: [{ sentSha256: await sha(png) }] },
    })
    hub.answer(
      json(503, { error: { code: 'service_unavailable', message: 'x' } }),
      json(201, statusView),
    )
    const again = await client().addToReport(
      receipt.reference,
      CODE,
      { what: { description: 'Encore' } },
      { idempotencyKey: 'addition-key-0001' },
    )
    expect(again).toEqual(statusView)
    // Sent twice, under one key: the hub adds it once.
    const retried = hub.requests.slice(-2)
    expect(retried.map((r) => r.headers['idempotency-key'])).toEqual([
      'addition-key-0001',
      'addition-key-0001',
    ])
  })

  it('shares with one more receiver, and refuses an empty list before sending', async () => {
    hub.answer(json(200, statusView))
    const grant = {
      receiverId: 'rcv_0123456789ab',
      textVersion: '1',
      grantedAt: '2026-11-23T10:00:00.000Z',
    }
    await client().shareWith(receipt.reference, CODE, [grant])
    expect(JSON.parse(hub.requests.at(-1)!.body.toString())).toEqual({ consents: [grant] })
    const error = await client()
      .shareWith(receipt.reference, CODE, [])
      .catch((e: unknown) => e)
    expect(isSafePlaceError(error) && error.code).toBe('validation_failed')
  })

  it('downloads the proof pack as bytes', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 3, 4, 9, 9])
    hub.answer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/zip' }).end(Buffer.from(zip)),
    )
    const bytes = await client().downloadEvidencePack(receipt.reference, CODE, { locale: 'en' })
    expect([...bytes]).toEqual([...zip])
    expect(hub.requests.at(-1)!.url).toBe(
      `/v1/reports/${receipt.reference}/evidence-pack?locale=en`,
    )
  })
})
