/**
 * Abuse of webhook verification: a real delivery from a hub process, then replayed outside the
 * ±5 minute window, re-signed with another secret, tampered with, and sent with forged
 * headers — each rejected by `verifyWebhook` from `@safe-place/sdk/webhooks` with the right
 * code. Seeded fast-check properties then generalise: another secret, a changed byte, a
 * timestamp out of tolerance, any hostile header set or signed hostile body is refused with a
 * `WebhookVerificationError` — never accepted, never another exception, never a polluted
 * prototype.
 */
import { createSafePlaceClient } from '@safe-place/sdk'
import {
  isWebhookVerificationError,
  signWebhook,
  verifyWebhook,
  verifyWebhookMessage,
  type WebhookVerificationErrorCode,
} from '@safe-place/sdk/webhooks'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOperatorKey, type HubProcess, startHubProcess } from '../support/hub-process'
import {
  type LoopbackReceiver,
  type ReceivedRequest,
  startLoopbackReceiver,
} from '../support/loopback-receiver'
import { sampleReport } from '../support/reports'
import { receiverInput, seedTenant } from '../support/seed'
import { tempDir } from '../support/temp-dir'
import { hostileJson, hostileString } from './arbitraries'

const SEED = 20261124
const RUNS = Number(process.env.ABUSE_RUNS ?? 300)

/** The verifier's verdict: `accepted`, a verification code, or the unexpected error itself. */
function verdict(run: () => unknown): WebhookVerificationErrorCode | 'accepted' {
  try {
    run()
    return 'accepted'
  } catch (error) {
    if (isWebhookVerificationError(error)) return error.code
    throw error
  }
}

const secretOf = (bytes: Uint8Array) => `whsec_${Buffer.from(bytes).toString('base64')}`

describe('abuse: webhook verification', () => {
  const dir = tempDir()
  let hub: HubProcess
  let receiver: LoopbackReceiver
  let delivery: ReceivedRequest
  let secret: string
  let headers: Record<string, string>
  let sentAt: number

  beforeAll(async () => {
    const operatorKey = await createOperatorKey(dir.path)
    receiver = await startLoopbackReceiver()
    hub = await startHubProcess({
      dataDir: dir.path,
      env: { WEBHOOK_ALLOW_HTTP: '1', WEBHOOK_ALLOW_CIDRS: '127.0.0.1/32' },
    })
    const tenant = await seedTenant(hub.url, operatorKey, { origin: 'https://hooks.example' })
    const created = await tenant.admin.receivers.create(
      receiverInput(tenant.partnerId, 'federation', `${receiver.url}/hooks`),
    )
    secret = created.secret
    await createSafePlaceClient({ hubUrl: hub.url, siteKey: tenant.siteKey }).submitReport(
      sampleReport({}, [created.id]),
    )
    delivery = (await receiver.waitFor(1))[0]!
    headers = {
      'webhook-id': String(delivery.headers['webhook-id']),
      'webhook-timestamp': String(delivery.headers['webhook-timestamp']),
      'webhook-signature': String(delivery.headers['webhook-signature']),
    }
    sentAt = Number(headers['webhook-timestamp']) * 1000
  })

  afterAll(async () => {
    await hub?.kill('SIGKILL')
    await receiver?.close()
    dir.remove()
  })

  it('accepts the real delivery as sent (the control)', () => {
    const verified = verifyWebhookMessage(delivery.body, headers, secret, { now: sentAt })
    expect(verified.event.type).toBe('report.created')
    expect(verified.id).toBe(headers['webhook-id'])
  })

  it('rejects the real delivery replayed outside ±5 minutes', () => {
    expect(
      verdict(() => verifyWebhook(delivery.body, headers, secret, { now: sentAt + 301_000 })),
    ).toBe('timestamp_too_old')
    expect(
      verdict(() => verifyWebhook(delivery.body, headers, secret, { now: sentAt + 86_400_000 })),
    ).toBe('timestamp_too_old')
    expect(
      verdict(() => verifyWebhook(delivery.body, headers, secret, { now: sentAt - 301_000 })),
    ).toBe('timestamp_too_new')
    // Inside the window it still verifies: the bounds above are what refuse.
    expect(
      verdict(() => verifyWebhook(delivery.body, headers, secret, { now: sentAt + 299_000 })),
    ).toBe('accepted')
  })

  it('rejects a replay with a fresh timestamp, a re-signed copy and a tampered body', () => {
    // A minute later: inside the window, but not the timestamp that was signed.
    const now = sentAt + 60_000
    const fresh = String(Math.floor(now / 1000))
    // The old signature does not cover a new timestamp.
    expect(
      verdict(() =>
        verifyWebhook(delivery.body, { ...headers, 'webhook-timestamp': fresh }, secret, { now }),
      ),
    ).toBe('invalid_signature')
    // Re-signed by someone with another secret.
    const attacker = secretOf(new Uint8Array(32).fill(7))
    const resigned = signWebhook(attacker, headers['webhook-id']!, Number(fresh), delivery.body)
    expect(
      verdict(() =>
        verifyWebhook(
          delivery.body,
          { ...headers, 'webhook-timestamp': fresh, 'webhook-signature': resigned },
          secret,
          { now },
        ),
      ),
    ).toBe('invalid_signature')
    // Tampered: another reference, re-serialised JSON, a trailing newline, a BOM.
    const tampered = [
      delivery.body.replace(/"SP-/, '"SQ-'),
      JSON.stringify(JSON.parse(delivery.body), null, 1),
      `${delivery.body}\n`,
      `\ufeff${delivery.body}`,
      delivery.body.replace('"report.created"', '"report.withdrawn"'),
    ]
    for (const body of tampered) {
      expect(body).not.toBe(delivery.body)
      expect(
        verdict(() => verifyWebhook(body, headers, secret, { now: sentAt })),
        body.slice(0, 60),
      ).toBe('invalid_signature')
    }
  })

  it('rejects forged headers with the right code', () => {
    const at = { now: sentAt }
    const sig = headers['webhook-signature']!
    const cases: [string, Record<string, string | string[]>, WebhookVerificationErrorCode][] = [
      ['no id', { ...headers, 'webhook-id': '' }, 'missing_headers'],
      [
        'no timestamp',
        { 'webhook-id': headers['webhook-id']!, 'webhook-signature': sig },
        'missing_headers',
      ],
      ['no signature', { ...headers, 'webhook-signature': '   ' }, 'missing_headers'],
      ['another message id', { ...headers, 'webhook-id': 'msg_01FORGED' }, 'invalid_signature'],
      [
        'timestamp in milliseconds',
        { ...headers, 'webhook-timestamp': String(sentAt) },
        'invalid_signature',
      ],
      [
        'timestamp with a decimal',
        { ...headers, 'webhook-timestamp': `${headers['webhook-timestamp']}.0` },
        'invalid_signature',
      ],
      [
        'negative timestamp',
        { ...headers, 'webhook-timestamp': `-${headers['webhook-timestamp']}` },
        'invalid_signature',
      ],
      [
        'hex timestamp',
        {
          ...headers,
          'webhook-timestamp': `0x${Number(headers['webhook-timestamp']).toString(16)}`,
        },
        'invalid_signature',
      ],
      [
        'v2 scheme',
        { ...headers, 'webhook-signature': sig.replace(/^v1,/, 'v2,') },
        'invalid_signature',
      ],
      ['scheme only', { ...headers, 'webhook-signature': 'v1,' }, 'invalid_signature'],
      [
        'signature without scheme',
        { ...headers, 'webhook-signature': sig.replace(/^v1,/, '') },
        'invalid_signature',
      ],
      [
        'truncated signature',
        { ...headers, 'webhook-signature': sig.slice(0, -4) },
        'invalid_signature',
      ],
      [
        'signature in hex',
        {
          ...headers,
          'webhook-signature': `v1,${Buffer.from(sig.slice(3), 'base64').toString('hex')}`,
        },
        'invalid_signature',
      ],
      [
        'garbage signatures only',
        { ...headers, 'webhook-signature': 'v1,AAAA v1,BBBB v1a,x' },
        'invalid_signature',
      ],
      [
        'secret sent as the signature',
        { ...headers, 'webhook-signature': `v1,${secret.slice(6)}` },
        'invalid_signature',
      ],
    ]
    for (const [name, forged, code] of cases) {
      expect(
        verdict(() => verifyWebhook(delivery.body, forged, secret, at)),
        name,
      ).toBe(code)
    }
    // Standard Webhooks allows several signatures: junk beside the real one is still accepted.
    expect(
      verdict(() =>
        verifyWebhook(
          delivery.body,
          { ...headers, 'webhook-signature': `v1,AAAA ${sig}` },
          secret,
          at,
        ),
      ),
    ).toBe('accepted')
  })

  it('refuses any body under another secret, any changed byte, any timestamp out of tolerance (fast-check)', () => {
    const secretBytes = fc.uint8Array({ minLength: 24, maxLength: 64 })
    const id = fc.stringMatching(/^msg_[0-9A-Za-z]{1,30}$/)
    const body = fc.oneof(
      fc.string({ maxLength: 500 }),
      fc.jsonValue().map((v) => JSON.stringify(v)),
    )
    fc.assert(
      fc.property(secretBytes, secretBytes, id, body, (a, b, msgId, text) => {
        fc.pre(Buffer.compare(Buffer.from(a), Buffer.from(b)) !== 0)
        const ts = Math.floor(sentAt / 1000)
        const signature = signWebhook(secretOf(a), msgId, ts, text)
        const h = {
          'webhook-id': msgId,
          'webhook-timestamp': String(ts),
          'webhook-signature': signature,
        }
        expect(verdict(() => verifyWebhook(text, h, secretOf(b), { now: sentAt }))).toBe(
          'invalid_signature',
        )
      }),
      { seed: SEED, numRuns: RUNS },
    )
    fc.assert(
      fc.property(fc.nat(), fc.string({ minLength: 1, maxLength: 3 }), (position, insert) => {
        const i = position % delivery.body.length
        const changed = delivery.body.slice(0, i) + insert + delivery.body.slice(i + 1)
        fc.pre(changed !== delivery.body)
        expect(verdict(() => verifyWebhook(changed, headers, secret, { now: sentAt }))).toBe(
          'invalid_signature',
        )
      }),
      { seed: SEED + 1, numRuns: RUNS },
    )
    fc.assert(
      fc.property(fc.integer({ min: 301, max: 10 ** 9 }), fc.boolean(), (skew, late) => {
        const ts = Math.floor(sentAt / 1000) + (late ? -skew : skew)
        fc.pre(ts > 0)
        const signature = signWebhook(secret, 'msg_skew', ts, delivery.body)
        const h = {
          'webhook-id': 'msg_skew',
          'webhook-timestamp': String(ts),
          'webhook-signature': signature,
        }
        expect(verdict(() => verifyWebhook(delivery.body, h, secret, { now: sentAt }))).toBe(
          late ? 'timestamp_too_old' : 'timestamp_too_new',
        )
      }),
      { seed: SEED + 2, numRuns: RUNS },
    )
  })

  it('answers any hostile header set or signed hostile body with a verification error, never a crash (fast-check)', () => {
    const headerValue = fc.oneof(
      hostileString,
      fc.array(hostileString, { maxLength: 3 }),
      fc.constant(undefined),
    )
    const headerName = fc.oneof(
      fc.constantFrom(
        'webhook-id',
        'Webhook-Timestamp',
        'WEBHOOK-SIGNATURE',
        '__proto__',
        'constructor',
      ),
      fc.string({ maxLength: 20 }),
    )
    fc.assert(
      fc.property(
        fc.array(fc.tuple(headerName, headerValue), { maxLength: 6 }),
        hostileString,
        (entries, body) => {
          const forged: Record<string, string | string[] | undefined> = {}
          for (const [k, v] of entries)
            Object.defineProperty(forged, k, { value: v, enumerable: true, configurable: true })
          const result = verdict(() => verifyWebhook(body, forged, secret, { now: sentAt }))
          expect(['missing_headers', 'invalid_signature']).toContain(result)
        },
      ),
      { seed: SEED + 3, numRuns: RUNS },
    )
    // Correctly signed, hostile JSON: an invalid payload, and no prototype pollution.
    fc.assert(
      fc.property(hostileJson, (value) => {
        const text = JSON.stringify(value) ?? 'null'
        const ts = Math.floor(sentAt / 1000)
        const h = {
          'webhook-id': 'msg_x',
          'webhook-timestamp': String(ts),
          'webhook-signature': signWebhook(secret, 'msg_x', ts, text),
        }
        const result = verdict(() => verifyWebhook(text, h, secret, { now: sentAt }))
        expect(['invalid_payload', 'unknown_event_type']).toContain(result)
        expect(({} as Record<string, unknown>).polluted).toBeUndefined()
        expect(Object.keys(Object.prototype)).toEqual([])
      }),
      { seed: SEED + 4, numRuns: RUNS },
    )
    // Invalid UTF-8 bytes, correctly signed over their lossy text, are refused as a payload.
    const bytes = new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])
    const text = new TextDecoder().decode(bytes)
    const ts = Math.floor(sentAt / 1000)
    const h = {
      'webhook-id': 'msg_b',
      'webhook-timestamp': String(ts),
      'webhook-signature': signWebhook(secret, 'msg_b', ts, text),
    }
    expect(verdict(() => verifyWebhook(bytes, h, secret, { now: sentAt }))).toBe('invalid_payload')
  })
})
