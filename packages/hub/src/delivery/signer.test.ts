import { Webhook as StandardWebhook } from 'standardwebhooks'
import { Webhook as SvixWebhook } from 'svix'
import { describe, expect, it } from 'vitest'
import { generateWebhookSecret } from './secrets'
import { signWebhook } from './signer'

describe('signer', () => {
  it('signs so that standardwebhooks and svix both verify, with both secrets during rotation', () => {
    const current = generateWebhookSecret()
    const previous = generateWebhookSecret()
    const body = JSON.stringify({
      type: 'webhook.test',
      timestamp: new Date().toISOString(),
      data: {},
    })
    const headers = signWebhook({ current, previous }, 'msg_01TEST', new Date(), body)
    expect(headers['webhook-id']).toBe('msg_01TEST')
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2)
    for (const secret of [current, previous]) {
      expect(() => new StandardWebhook(secret).verify(body, headers)).not.toThrow()
      expect(() => new SvixWebhook(secret).verify(body, { ...headers })).not.toThrow()
    }
    expect(() => new StandardWebhook(generateWebhookSecret()).verify(body, headers)).toThrow()
    expect(() => new StandardWebhook(current).verify(`${body} `, headers)).toThrow()
  })

  it('computes the same signature as svix for the same secret, id, time and body', () => {
    const secret = generateWebhookSecret()
    const at = new Date(1_700_000_000_999)
    const body = '{"type":"report.created","data":{"é":"ü"}}'
    const ours = signWebhook({ current: secret }, 'msg_01SAME', at, body)['webhook-signature']
    expect(ours).toBe(new SvixWebhook(secret).sign('msg_01SAME', at, body))
  })
})
