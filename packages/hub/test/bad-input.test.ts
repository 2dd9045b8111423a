import { ErrorBody } from '@safe-place/schemas'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTestHub, postReport, sampleReport, type TestHub } from './support/test-hub'

let hub: TestHub
beforeEach(async () => {
  hub = await makeTestHub()
})
afterEach(() => hub.close())

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status)
  const body = ErrorBody.parse(await res.json())
  expect(body.error.code).toBe(code)
  return body
}

async function reportCount() {
  const rows = await hub.client.execute('select count(*) as n from reports')
  return Number(rows.rows[0]?.n)
}

describe('bad input answers 4xx, never 500, never a partial row', () => {
  it('malformed JSON', async () => {
    const body = await expectError(
      await postReport(hub, null, { raw: '{"category": "threat",' }),
      400,
      'malformed_json',
    )
    expect(body.error.message).toMatch(/JSON/)
  })

  it('invalid UTF-8', async () => {
    const bytes = new Uint8Array([
      ...Buffer.from('{"category":"'),
      0xff,
      0xfe,
      ...Buffer.from('"}'),
    ])
    await expectError(await postReport(hub, null, { raw: bytes }), 400, 'invalid_encoding')
  })

  it('wrong content type', async () => {
    await expectError(
      await postReport(hub, null, { raw: 'hello', headers: { 'content-type': 'text/plain' } }),
      415,
      'unsupported_media_type',
    )
  })

  it('oversized body', async () => {
    const big = sampleReport({ what: { description: 'x'.repeat(70_000) } })
    await expectError(await postReport(hub, big), 413, 'payload_too_large')
  })

  it('unknown fields, with the path', async () => {
    const body = await expectError(
      await postReport(hub, { ...sampleReport(), extra: 1 }),
      400,
      'validation_failed',
    )
    expect(JSON.stringify(body.error.details)).toMatch(/extra|Unrecognized/)
  })

  it('bad enums, with the path', async () => {
    const body = await expectError(
      await postReport(hub, sampleReport({ category: 'nope' as never })),
      400,
      'validation_failed',
    )
    expect(body.error.details?.[0]?.path).toBe('category')
  })

  it('a javascript: URL', async () => {
    const body = await expectError(
      await postReport(
        hub,
        sampleReport({ where: { platform: 'x', contentUrls: ['javascript:alert(1)'] } }),
      ),
      400,
      'validation_failed',
    )
    expect(body.error.details?.[0]?.path).toMatch(/^where\.contentUrls/)
  })

  it('a bad Idempotency-Key, a missing or unknown site key', async () => {
    await expectError(
      await postReport(hub, sampleReport(), { headers: { 'idempotency-key': 'bad key!' } }),
      400,
      'validation_failed',
    )
    await expectError(
      await postReport(hub, sampleReport(), { headers: { 'safe-place-site-key': 'spk_unknown' } }),
      403,
      'site_key_invalid',
    )
    await expectError(
      await hub.app.request('/v1/reports', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      }),
      403,
      'site_key_invalid',
    )
  })

  it('admin bodies: malformed JSON, wrong type, unknown fields, bad enums', async () => {
    const post = (body: string, type = 'application/json') =>
      hub.app.request('/v1/admin/partners', {
        method: 'POST',
        headers: { authorization: `Bearer ${hub.operatorKey}`, 'content-type': type },
        body,
      })
    await expectError(await post('{'), 400, 'malformed_json')
    await expectError(
      await post('name=x', 'application/x-www-form-urlencoded'),
      415,
      'unsupported_media_type',
    )
    await expectError(
      await post(JSON.stringify({ name: 'x', kind: 'brand', extra: 1 })),
      400,
      'validation_failed',
    )
    const bad = await expectError(
      await post(JSON.stringify({ name: 'x', kind: 'martian' })),
      400,
      'validation_failed',
    )
    expect(bad.error.details?.[0]?.path).toBe('kind')
    await expectError(await post('x'.repeat(70_000)), 413, 'payload_too_large')
    await expectError(
      await hub.app.request('/v1/admin/reports?limit=1000', {
        headers: { authorization: `Bearer ${hub.operatorKey}` },
      }),
      400,
      'validation_failed',
    )
  })

  it('unknown routes answer 404 as ErrorBody', async () => {
    await expectError(await hub.app.request('/v1/nothing'), 404, 'not_found')
  })

  it('left no row behind', async () => {
    await postReport(hub, null, { raw: '{' })
    await postReport(hub, { ...sampleReport(), extra: 1 })
    expect(await reportCount()).toBe(0)
  })
})

describe('the legacy form adapter', () => {
  it('turns a flat form into a canonical report', async () => {
    const form = new URLSearchParams([
      ['category', 'harassment'],
      ['platform', 'tiktok'],
      ['url', 'https://www.tiktok.com/@x/video/1'],
      ['url', 'https://www.tiktok.com/@x/video/2'],
      ['account', '@harasser'],
      ['description', 'Des commentaires tous les jours'],
      ['role', 'witness'],
      ['woman', 'oui'],
      ['email', 'temoin@example.org'],
      ['lang', 'fr'],
      ['good_faith', 'on'],
    ])
    const res = await postReport(hub, null, {
      raw: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(res.status).toBe(201)
    const { reference } = (await res.json()) as { reference: string }
    const detail = (await (
      await hub.app.request(`/v1/admin/reports/${reference}`, {
        headers: { authorization: `Bearer ${hub.operatorKey}` },
      })
    ).json()) as {
      report: {
        where: { contentUrls: string[]; accounts: { handle: string }[] }
        who: { role: string; targetIsWomanOrGirl: boolean }
        context: { source: string }
        dsa: { category: string }
      }
    }
    expect(detail.report.where.contentUrls).toHaveLength(2)
    expect(detail.report.where.accounts[0]?.handle).toBe('@harasser')
    expect(detail.report.who).toMatchObject({ role: 'witness', targetIsWomanOrGirl: true })
    expect(detail.report.context.source).toBe('legacy_form')
    expect(detail.report.dsa.category).toBe('STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN')
  })

  it('refuses an unknown form field and validates like JSON', async () => {
    const send = (body: string) =>
      postReport(hub, null, {
        raw: body,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      })
    const unknown = await expectError(
      await send('category=threat&platform=x&foo=1'),
      400,
      'validation_failed',
    )
    expect(unknown.error.details?.[0]?.path).toBe('foo')
    await expectError(
      await send('category=nope&platform=x&description=a'),
      400,
      'validation_failed',
    )
  })
})
