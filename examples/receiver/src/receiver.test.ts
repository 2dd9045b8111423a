import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Webhook } from 'svix'
import { afterEach, describe, expect, it } from 'vitest'
import { type RunningReceiver, startReceiver } from './receiver'

const secret = `whsec_${Buffer.from('r'.repeat(32)).toString('base64')}`
const reference = 'SP-7K3Q-9XWD'
const created = {
  type: 'report.created',
  timestamp: new Date().toISOString(),
  data: {
    profile: 'notice',
    notice: {
      reference,
      source: 'SOURCE_TRUSTED_FLAGGER',
      category: 'threat',
      dsa: {
        category: 'STATEMENT_CATEGORY_CYBER_VIOLENCE',
        category_addition: [],
        category_specification: [],
        content_type: ['CONTENT_TYPE_TEXT'],
      },
      ozoneReasons: [],
      platform: 'instagram',
      contentUrls: ['https://www.instagram.com/p/abc123/'],
      accounts: [{ handle: '@troll' }],
      explanation: 'Threats',
      notifier: null,
      goodFaith: true,
      urgent: false,
      raid: false,
      minorInvolved: false,
      submittedAt: new Date().toISOString(),
    },
  },
}

function signedDelivery(body: string, id = 'msg_test_1', key = secret) {
  const at = new Date()
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(key).sign(id, at, body),
  }
}

let receiver: RunningReceiver | undefined
afterEach(async () => {
  await receiver?.close()
  receiver = undefined
})

describe('startReceiver', () => {
  it('verifies a signed delivery, prints it without secrets, and deduplicates retries', async () => {
    const lines: string[] = []
    receiver = await startReceiver({ role: 'trusted_flagger', secret, log: (l) => lines.push(l) })
    expect(receiver.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhooks$/)
    const body = JSON.stringify(created)
    const headers = signedDelivery(body)
    const first = await fetch(receiver.url, { method: 'POST', body, headers })
    expect(first.status).toBe(204)
    const again = await fetch(receiver.url, { method: 'POST', body, headers })
    expect(again.status).toBe(204)
    expect(receiver.events).toHaveLength(1)
    expect(receiver.events[0]!.id).toBe('msg_test_1')
    const output = lines.join('\n')
    expect(output).toContain(`[trusted flagger] ✔ verified report.created ${reference} (notice)`)
    expect(output).toContain('    content: https://www.instagram.com/p/abc123/')
    expect(output).toContain('already handled')
    expect(output).not.toContain(secret.slice(6))
    const waited = await receiver.waitForEvent((e) => e.type === 'report.created', 100)
    expect(waited.id).toBe('msg_test_1')
  })

  it('refuses a tampered or unsigned delivery with 400', async () => {
    const lines: string[] = []
    receiver = await startReceiver({ role: 'federation', secret, log: (l) => lines.push(l) })
    const body = JSON.stringify(created)
    const headers = signedDelivery(body)
    const tampered = await fetch(receiver.url, {
      method: 'POST',
      body: body.replace('@troll', '@someone'),
      headers,
    })
    expect(tampered.status).toBe(400)
    expect(await tampered.json()).toEqual({ error: 'invalid_signature' })
    const unsigned = await fetch(receiver.url, { method: 'POST', body })
    expect(await unsigned.json()).toEqual({ error: 'missing_headers' })
    expect(receiver.events).toHaveLength(0)
    expect(lines.join('\n')).toContain('✘ refused a delivery: invalid_signature')
  })

  it('answers 503 until a secret is configured', async () => {
    receiver = await startReceiver({ role: 'moderation_vendor', log: () => undefined })
    const body = JSON.stringify(created)
    expect(
      (await fetch(receiver.url, { method: 'POST', body, headers: signedDelivery(body) })).status,
    ).toBe(503)
    receiver.configure({ secret: [secret] })
    const pending = receiver.waitForEvent((e) => e.type === 'report.created', 2000)
    expect(
      (await fetch(receiver.url, { method: 'POST', body, headers: signedDelivery(body) })).status,
    ).toBe(204)
    expect((await pending).event.type).toBe('report.created')
  })

  it('as a trusted flagger, posts action_taken back to the hub', async () => {
    const posted: { url: string; auth: string | undefined; body: unknown }[] = []
    const hub = createServer((req, res) => {
      let data = ''
      req.on('data', (c) => {
        data += c
      })
      req.on('end', () => {
        posted.push({ url: req.url ?? '', auth: req.headers.authorization, body: JSON.parse(data) })
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ reference, status: 'action_taken' }))
      })
    })
    await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve))
    const hubUrl = `http://127.0.0.1:${(hub.address() as AddressInfo).port}`
    receiver = await startReceiver({
      role: 'trusted_flagger',
      secret,
      hubUrl,
      apiKey: 'sp_rcv_key',
      actAfterMs: 10,
      log: () => undefined,
    })
    const body = JSON.stringify(created)
    await fetch(receiver.url, { method: 'POST', body, headers: signedDelivery(body) })
    await expect.poll(() => posted.length).toBe(1)
    expect(posted[0]).toEqual({
      url: `/v1/reports/${reference}/status`,
      auth: 'Bearer sp_rcv_key',
      body: expect.objectContaining({
        status: 'action_taken',
        actions: ['content_removed'],
        decision: expect.objectContaining({
          decision_visibility: ['DECISION_VISIBILITY_CONTENT_REMOVED'],
          decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
        }),
      }),
    })
    const manual = await fetch(receiver.url.replace('/webhooks', `/act/${reference}`), {
      method: 'POST',
    })
    expect(await manual.json()).toEqual({ reference, status: 'action_taken' })
    expect(posted).toHaveLength(2)
    hub.close()
  })
})

describe('startReceiver options', () => {
  it('refuses a malformed secret at start', async () => {
    await expect(startReceiver({ role: 'federation', secret: 'not base64 !' })).rejects.toThrow(
      'whsec_',
    )
  })
})
