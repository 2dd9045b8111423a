import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { drop, type FakeHub, hang, json, startFakeHub } from '../../test/fake-hub'
import { receipt, report, statusView, widgetConfig } from '../../test/fixtures'
import { isSafePlaceError, SafePlaceError } from '../core/errors'
import { createSafePlaceClient } from './client'

let hub: FakeHub
const waits: number[] = []
const fastSleep = async (ms: number) => {
  waits.push(ms)
}

beforeAll(async () => {
  hub = await startFakeHub()
})
afterAll(() => hub.close())
beforeEach(() => {
  waits.length = 0
})

function client(extra: Partial<Parameters<typeof createSafePlaceClient>[0]> = {}) {
  return createSafePlaceClient({
    hubUrl: hub.url,
    siteKey: 'sk_test_1234567890',
    sleep: fastSleep,
    ...extra,
  })
}

async function caught(promise: Promise<unknown>): Promise<SafePlaceError> {
  try {
    await promise
  } catch (error) {
    if (isSafePlaceError(error)) return error
    throw error
  }
  throw new Error('expected a SafePlaceError')
}

describe('submitReport', () => {
  it('sends the validated report with the site key and an idempotency key', async () => {
    hub.answer(json(200, widgetConfig()), json(201, receipt))
    const answer = await client().submitReport(report)
    expect(answer).toEqual(receipt)
    const post = hub.requests[1]!
    expect(post.method).toBe('POST')
    expect(post.url).toBe('/v1/reports')
    expect(post.headers['safe-place-site-key']).toBe('sk_test_1234567890')
    expect(post.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/)
    expect(post.headers['content-type']).toBe('application/json')
    const sent = JSON.parse(post.body.toString())
    expect(sent.category).toBe('threat')
    expect(sent.context).toMatchObject({ source: 'sdk', locale: 'fr' })
  })

  it('gives field-level errors and sends nothing when the report is not valid', async () => {
    hub.answer(json(201, receipt))
    const error = await caught(
      client().submitReport({
        ...report,
        where: { platform: 'instagram', contentUrls: ['javascript:alert(1)'] },
        who: { role: 'nobody' as 'target' },
      }),
    )
    expect(error.code).toBe('validation_failed')
    expect(error.status).toBeUndefined()
    const paths = error.details.map((d) => d.path)
    expect(paths).toContain('where.contentUrls.0')
    expect(paths).toContain('who.role')
    expect(hub.requests).toHaveLength(0)
  })

  it('retries a 503 and a dropped connection with the same idempotency key', async () => {
    hub.answer(
      json(200, widgetConfig()),
      json(503, { error: { code: 'service_unavailable', message: 'busy' } }),
      drop,
      json(201, receipt),
    )
    const answer = await client().submitReport(report, { idempotencyKey: 'my-key-0001' })
    expect(answer.reference).toBe(receipt.reference)
    const posts = hub.requests.filter((r) => r.method === 'POST')
    expect(posts).toHaveLength(3)
    expect(new Set(posts.map((p) => p.headers['idempotency-key']))).toEqual(
      new Set(['my-key-0001']),
    )
    expect(waits).toHaveLength(2)
  })

  it('reuses a generated idempotency key across retries', async () => {
    hub.answer(json(200, widgetConfig()), json(500, {}), json(201, receipt))
    await client().submitReport(report)
    const keys = hub.requests
      .filter((r) => r.method === 'POST')
      .map((p) => p.headers['idempotency-key'])
    expect(keys).toHaveLength(2)
    expect(keys[0]).toBeTruthy()
    expect(keys[1]).toBe(keys[0])
  })

  it('does not retry a 4xx and parses the error body', async () => {
    hub.answer(
      json(200, widgetConfig()),
      json(
        400,
        {
          error: {
            code: 'validation_failed',
            message: 'The request is not valid.',
            details: [{ path: 'where.platform', message: 'Unknown platform' }],
            requestId: 'req_123',
          },
        },
        { 'x-request-id': 'req_header' },
      ),
    )
    const error = await caught(client().submitReport(report))
    expect(error.code).toBe('validation_failed')
    expect(error.status).toBe(400)
    expect(error.details).toEqual([{ path: 'where.platform', message: 'Unknown platform' }])
    expect(error.requestId).toBe('req_123')
    expect(error.headers?.get('x-request-id')).toBe('req_header')
    expect(hub.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
  })

  it('solves the proof-of-work challenge when the site key requires it', async () => {
    const salt = 'salt123?expires=999'
    const number = 42
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(salt + number))
    const challenge = Buffer.from(digest).toString('hex')
    hub.answer(
      json(200, widgetConfig(true)),
      json(200, { algorithm: 'SHA-256', challenge, maxnumber: 1000, salt, signature: 'sig' }),
      json(201, receipt),
    )
    await client().submitReport(report)
    expect(hub.requests.map((r) => r.url)).toEqual([
      '/v1/widget-config',
      '/v1/challenge',
      '/v1/reports',
    ])
    const header = hub.requests[2]!.headers['safe-place-pow'] as string
    const solution = JSON.parse(Buffer.from(header, 'base64').toString('utf8'))
    expect(solution).toEqual({ algorithm: 'SHA-256', challenge, number, salt, signature: 'sig' })
  })

  it('reads the widget config once for several reports', async () => {
    hub.answer(json(200, widgetConfig()), json(201, receipt))
    const c = client()
    await c.submitReport(report)
    await c.submitReport(report)
    expect(hub.requests.map((r) => r.url)).toEqual([
      '/v1/widget-config',
      '/v1/reports',
      '/v1/reports',
    ])
  })

  it('solves the challenge and resends when the hub starts requiring it', async () => {
    const salt = 'late'
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${salt}7`))
    const challenge = Buffer.from(digest).toString('hex')
    hub.answer(
      json(200, widgetConfig(false)),
      json(403, {
        error: { code: 'challenge_required', message: 'A proof-of-work solution is required.' },
      }),
      json(200, { algorithm: 'SHA-256', challenge, maxnumber: 100, salt, signature: 'sig' }),
      json(201, receipt),
    )
    expect((await client().submitReport(report)).reference).toBe(receipt.reference)
    const [first, second] = hub.requests.filter((r) => r.method === 'POST')
    expect(first!.headers['safe-place-pow']).toBeUndefined()
    expect(second!.headers['safe-place-pow']).toBeTruthy()
    expect(second!.headers['idempotency-key']).not.toBe(first!.headers['idempotency-key'])
  })

  it('sends multipart when attachments are given, and checks them first', async () => {
    hub.answer(json(200, widgetConfig()), json(201, receipt))
    const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'shot.png', {
      type: 'image/png',
    })
    await client().submitReport(report, { attachments: [png] })
    const post = hub.requests[1]!
    expect(post.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/)
    const text = post.body.toString('latin1')
    expect(text).toContain('name="report"')
    expect(text).toContain('name="attachments"; filename="shot.png"')

    hub.answer(json(201, receipt))
    const pdf = new Blob(['%PDF'], { type: 'application/pdf' })
    const error = await caught(client().submitReport(report, { attachments: [png, pdf] }))
    expect(error.code).toBe('validation_failed')
    expect(error.details[0]?.path).toBe('attachments.1')
    expect(hub.requests).toHaveLength(0)
  })
})

describe('request core', () => {
  it('honours Retry-After in seconds on 429, capped', async () => {
    hub.answer(
      json(429, { error: { code: 'rate_limited', message: 'slow down' } }, { 'retry-after': '2' }),
      json(
        429,
        { error: { code: 'rate_limited', message: 'slow down' } },
        { 'retry-after': '3600' },
      ),
      json(200, widgetConfig()),
    )
    await client().widgetConfig()
    expect(waits).toEqual([2000, 10_000])
  })

  it('honours Retry-After as an HTTP date', async () => {
    const date = new Date(Date.now() + 5000).toUTCString()
    hub.answer(json(503, {}, { 'retry-after': date }), json(200, widgetConfig()))
    await client().widgetConfig()
    expect(waits).toHaveLength(1)
    expect(waits[0]).toBeGreaterThan(3000)
    expect(waits[0]).toBeLessThanOrEqual(5000)
  })

  it('backs off exponentially with full jitter', async () => {
    hub.answer(json(500, {}))
    const error = await caught(client({ retries: 3 }).widgetConfig())
    expect(error.code).toBe('internal_error')
    expect(error.status).toBe(500)
    expect(hub.requests).toHaveLength(4)
    expect(waits).toHaveLength(3)
    waits.forEach((ms, attempt) => {
      expect(ms).toBeGreaterThanOrEqual(0)
      expect(ms).toBeLessThanOrEqual(300 * 2 ** attempt)
    })
  })

  it('waits for real between attempts by default', async () => {
    hub.answer(json(503, {}, { 'retry-after': '0.2' }), json(200, widgetConfig()))
    const started = Date.now()
    await createSafePlaceClient({ hubUrl: hub.url, siteKey: 'sk_test_1234567890' }).widgetConfig()
    expect(Date.now() - started).toBeGreaterThanOrEqual(180)
  })

  it('times out a hub that does not answer, and retries', async () => {
    hub.answer(hang)
    const error = await caught(client({ timeoutMs: 100, retries: 1 }).widgetConfig())
    expect(error.code).toBe('timeout')
    expect(hub.requests).toHaveLength(2)
  })

  it('stops at once when the caller aborts', async () => {
    hub.answer(hang)
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 50)
    const error = await caught(
      client({ timeoutMs: 5000 }).widgetConfig({ signal: controller.signal }),
    )
    expect(error.code).toBe('aborted')
    expect(hub.requests).toHaveLength(1)
  })

  it('reports a network error when nothing listens', async () => {
    const error = await caught(
      createSafePlaceClient({
        hubUrl: 'http://127.0.0.1:9',
        siteKey: 'sk_test_1234567890',
        retries: 0,
      }).widgetConfig(),
    )
    expect(error.code).toBe('network_error')
    expect(error.cause).toBeDefined()
  })

  it('rejects an answer that does not match the schema', async () => {
    hub.answer(json(200, { partner: 'nope' }))
    const error = await caught(client().widgetConfig())
    expect(error.code).toBe('invalid_response')
    expect(error.details.length).toBeGreaterThan(0)
    hub.answer(json(502, 'Bad gateway'))
    expect((await caught(client({ retries: 0 }).widgetConfig())).code).toBe('internal_error')
  })

  it('uses an injected fetch', async () => {
    const calls: string[] = []
    const fake = createSafePlaceClient({
      hubUrl: 'https://hub.invalid',
      siteKey: 'sk_test_1234567890',
      fetch: async (url) => {
        calls.push(url)
        return new Response(JSON.stringify(widgetConfig()), { status: 200 })
      },
    })
    await fake.widgetConfig()
    expect(calls).toEqual(['https://hub.invalid/v1/widget-config'])
  })
  it('keeps the path of a hub mounted under a prefix', async () => {
    const calls: string[] = []
    const prefixed = createSafePlaceClient({
      hubUrl: 'https://example.org/safe-place',
      siteKey: 'sk_test_1234567890',
      fetch: async (url) => {
        calls.push(url)
        return new Response(JSON.stringify({ resources: [] }))
      },
    })
    await prefixed.resources({ locale: 'fr' })
    expect(calls).toEqual(['https://example.org/safe-place/v1/resources?locale=fr'])
  })
})

describe('status, withdraw, resources', () => {
  it('reads the status with the receipt token as a bearer', async () => {
    hub.answer(json(200, statusView))
    const view = await client().getStatus('sp-7k3q-9xwd', receipt.receiptToken, { locale: 'en' })
    expect(view.status).toBe('received')
    expect(hub.requests[0]!.url).toBe('/v1/reports/sp-7k3q-9xwd/status?locale=en')
    expect(hub.requests[0]!.headers.authorization).toBe(`Bearer ${receipt.receiptToken}`)
  })

  it('withdraws with DELETE', async () => {
    hub.answer(json(200, { ...statusView, status: 'withdrawn' }))
    const view = await client().withdraw(receipt.reference, receipt.receiptToken)
    expect(view.status).toBe('withdrawn')
    expect(hub.requests[0]!.method).toBe('DELETE')
  })

  it('contests with the reason, and starts and stops the e-mails', async () => {
    hub.answer(json(200, statusView))
    await client().contest(receipt.reference, receipt.receiptToken, 'Toujours en ligne.', {
      locale: 'fr',
    })
    await client().startNotifications(receipt.reference, receipt.receiptToken, 'me@example.org')
    await client().stopNotifications(receipt.reference, receipt.receiptToken)
    expect(hub.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `POST /v1/reports/${receipt.reference}/contest?locale=fr`,
      `PUT /v1/reports/${receipt.reference}/notifications`,
      `DELETE /v1/reports/${receipt.reference}/notifications`,
    ])
    expect(JSON.parse(hub.requests[0]!.body.toString())).toEqual({ reason: 'Toujours en ligne.' })
    expect(JSON.parse(hub.requests[1]!.body.toString())).toEqual({ email: 'me@example.org' })
    // Checked before sending, as the hub would.
    const bad = await caught(
      client().startNotifications(receipt.reference, receipt.receiptToken, 'nope'),
    )
    expect(bad.code).toBe('validation_failed')
    expect(hub.requests).toHaveLength(3)
  })

  it('maps a bad receipt to receipt_invalid', async () => {
    hub.answer(json(401, { error: { code: 'receipt_invalid', message: 'no' } }))
    const error = await caught(client().getStatus(receipt.reference, 'rt_bad'))
    expect(error.code).toBe('receipt_invalid')
    expect(error.status).toBe(401)
  })

  it('lists resources with the query', async () => {
    hub.answer(json(200, { resources: [] }))
    expect(await client().resources({ country: 'FR', emergency: true })).toEqual([])
    expect(hub.requests[0]!.url).toBe('/v1/resources?country=FR&emergency=true')
    expect(hub.requests[0]!.headers['safe-place-site-key']).toBeUndefined()
  })
})

describe('SafePlaceError', () => {
  it('wraps anything', () => {
    const error = SafePlaceError.from(new TypeError('boom'))
    expect(error.code).toBe('network_error')
    expect(error.cause).toBeInstanceOf(TypeError)
    expect(SafePlaceError.from(error)).toBe(error)
    expect(isSafePlaceError({ name: 'SafePlaceError', code: 'timeout' })).toBe(true)
    expect(isSafePlaceError(new Error('x'))).toBe(false)
  })
})
