import { Webhook as StandardWebhook } from 'standardwebhooks'
import { Webhook as SvixWebhook } from 'svix'
import { describe, expect, it } from 'vitest'
import { contentCreated, statusChanged, testEvent, withdrawn } from '../../test/events'
import { WebhookVerificationError } from './verification-error'
import { verifyWebhook, verifyWebhookMessage } from './verify'

const secret = `whsec_${Buffer.from('a'.repeat(32)).toString('base64')}`
const otherSecret = `whsec_${Buffer.from('b'.repeat(32)).toString('base64')}`
const now = Date.UTC(2026, 0, 1, 10, 0, 0)
const nowSeconds = Math.floor(now / 1000)

function signed(event: unknown, options: { at?: number; with?: string; id?: string } = {}) {
  const body = JSON.stringify(event)
  const id = options.id ?? 'msg_01HZX'
  const at = options.at ?? nowSeconds
  const signature = new SvixWebhook(options.with ?? secret).sign(id, new Date(at * 1000), body)
  return {
    body,
    headers: { 'webhook-id': id, 'webhook-timestamp': String(at), 'webhook-signature': signature },
  }
}

function codeOf(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    if (error instanceof WebhookVerificationError) return error.code
    throw error
  }
  return 'accepted'
}

describe('verifyWebhook', () => {
  it('accepts every event type signed by svix and returns it typed', () => {
    for (const event of [contentCreated, statusChanged, withdrawn, testEvent]) {
      const { body, headers } = signed(event)
      const verified = verifyWebhook(body, headers, secret, { now })
      expect(verified).toEqual(event)
    }
    const { body, headers } = signed(contentCreated)
    const event = verifyWebhook(body, headers, secret, { now })
    if (event.type !== 'report.created' || event.data.profile !== 'content') {
      throw new Error('expected a content-profile report.created')
    }
    expect(event.data.content.raid).toBe(true)
  })

  it('accepts bodies signed with standardwebhooks, as bytes, with a Headers object', () => {
    const body = JSON.stringify(statusChanged)
    const signature = new StandardWebhook(secret).sign('msg_2', new Date(now), body)
    const headers = new Headers({
      'Webhook-Id': 'msg_2',
      'Webhook-Timestamp': String(nowSeconds),
      'Webhook-Signature': signature,
    })
    const verified = verifyWebhookMessage(new TextEncoder().encode(body), headers, secret, { now })
    expect(verified).toEqual({ id: 'msg_2', timestamp: nowSeconds, event: statusChanged })
  })

  it('finds headers whatever their case in a plain object', () => {
    const { body, headers } = signed(testEvent)
    const upper = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]))
    expect(verifyWebhook(body, upper, secret, { now }).type).toBe('webhook.test')
  })

  it('rejects a tampered body', () => {
    const { body, headers } = signed(contentCreated)
    const tampered = body.replace('@troll', '@other')
    expect(tampered).not.toBe(body)
    expect(codeOf(() => verifyWebhook(tampered, headers, secret, { now }))).toBe(
      'invalid_signature',
    )
  })

  it('rejects a wrong secret and a forged id', () => {
    const { body, headers } = signed(testEvent)
    expect(codeOf(() => verifyWebhook(body, headers, otherSecret, { now }))).toBe(
      'invalid_signature',
    )
    const forged = { ...headers, 'webhook-id': 'msg_other' }
    expect(codeOf(() => verifyWebhook(body, forged, secret, { now }))).toBe('invalid_signature')
  })

  it('rejects stale and future timestamps, and honours the tolerance', () => {
    const old = signed(testEvent, { at: nowSeconds - 301 })
    expect(codeOf(() => verifyWebhook(old.body, old.headers, secret, { now }))).toBe(
      'timestamp_too_old',
    )
    const future = signed(testEvent, { at: nowSeconds + 301 })
    expect(codeOf(() => verifyWebhook(future.body, future.headers, secret, { now }))).toBe(
      'timestamp_too_new',
    )
    const edge = signed(testEvent, { at: nowSeconds - 299 })
    expect(codeOf(() => verifyWebhook(edge.body, edge.headers, secret, { now }))).toBe('accepted')
    expect(
      codeOf(() => verifyWebhook(old.body, old.headers, secret, { now, toleranceSeconds: 600 })),
    ).toBe('accepted')
  })

  it('uses the current time by default', () => {
    const { body, headers } = signed(testEvent, { at: Math.floor(Date.now() / 1000) })
    expect(verifyWebhook(body, headers, secret).type).toBe('webhook.test')
    const stale = signed(testEvent, { at: nowSeconds - 3600 * 24 * 365 })
    expect(codeOf(() => verifyWebhook(stale.body, stale.headers, secret))).toBe('timestamp_too_old')
  })

  it('rejects missing headers', () => {
    const { body, headers } = signed(testEvent)
    const { 'webhook-signature': _dropped, ...rest } = headers
    expect(codeOf(() => verifyWebhook(body, rest, secret, { now }))).toBe('missing_headers')
    expect(codeOf(() => verifyWebhook(body, {}, secret, { now }))).toBe('missing_headers')
  })

  it('rejects an unknown event type and an invalid payload, even when signed', () => {
    const unknown = signed({ type: 'report.exploded', timestamp: testEvent.timestamp, data: {} })
    expect(codeOf(() => verifyWebhook(unknown.body, unknown.headers, secret, { now }))).toBe(
      'unknown_event_type',
    )
    const invalid = signed({ ...statusChanged, data: { ...statusChanged.data, status: 'nope' } })
    let error: WebhookVerificationError | undefined
    try {
      verifyWebhook(invalid.body, invalid.headers, secret, { now })
    } catch (caught) {
      error = caught as WebhookVerificationError
    }
    expect(error?.code).toBe('invalid_payload')
    expect(error?.details.map((d) => d.path)).toContain('data.status')
    const notJson = { ...signed(testEvent).headers }
    notJson['webhook-signature'] = new SvixWebhook(secret).sign('msg_01HZX', new Date(now), '{oops')
    expect(codeOf(() => verifyWebhook('{oops', notJson, secret, { now }))).toBe('invalid_payload')
  })

  it('accepts during a rotation: two signatures, or two secrets', () => {
    const { body, headers } = signed(testEvent)
    const second = new SvixWebhook(otherSecret).sign('msg_01HZX', new Date(now), body)
    const both = { ...headers, 'webhook-signature': `${second} ${headers['webhook-signature']}` }
    expect(verifyWebhook(body, both, secret, { now }).type).toBe('webhook.test')
    expect(verifyWebhook(body, both, otherSecret, { now }).type).toBe('webhook.test')
    expect(verifyWebhook(body, headers, [otherSecret, secret], { now }).type).toBe('webhook.test')
    expect(codeOf(() => verifyWebhook(body, headers, [otherSecret], { now }))).toBe(
      'invalid_signature',
    )
    const onlyV2 = {
      ...headers,
      'webhook-signature': headers['webhook-signature'].replace('v1,', 'v2,'),
    }
    expect(codeOf(() => verifyWebhook(body, onlyV2, secret, { now }))).toBe('invalid_signature')
  })

  it('refuses a secret that is not a Standard Webhooks secret', () => {
    const { body, headers } = signed(testEvent)
    expect(() => verifyWebhook(body, headers, 'whsec_!!!', { now })).toThrow(TypeError)
  })
})
