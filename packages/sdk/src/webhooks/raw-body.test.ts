import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { Hono } from 'hono'
import { Webhook } from 'svix'
import { describe, expect, it } from 'vitest'
import { testEvent } from '../../test/events'
import { rawBodyFromExpress, rawBodyFromHono, rawBodyFromNodeRequest } from './raw-body'
import { verifyWebhook } from './verify'

const secret = `whsec_${Buffer.from('c'.repeat(32)).toString('base64')}`

function delivery() {
  const body = JSON.stringify(testEvent)
  const at = new Date()
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'webhook-id': 'msg_raw',
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign('msg_raw', at, body),
    },
  }
}

describe('raw body helpers', () => {
  it('reads a Hono request and verifies it', async () => {
    const app = new Hono()
    app.post('/hook', async (c) => {
      const event = verifyWebhook(await rawBodyFromHono(c), c.req.raw.headers, secret)
      return c.json({ type: event.type })
    })
    const { body, headers } = delivery()
    const response = await app.request('/hook', { method: 'POST', body, headers })
    expect(await response.json()).toEqual({ type: 'webhook.test' })
  })

  it('reads a node:http request and verifies it', async () => {
    const server = createServer(async (req, res) => {
      try {
        const event = verifyWebhook(await rawBodyFromNodeRequest(req), req.headers, secret)
        res.end(event.type)
      } catch (error) {
        res.statusCode = 400
        res.end(String(error))
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const { body, headers } = delivery()
    const response = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body, headers })
    expect(await response.text()).toBe('webhook.test')
    const bad = await fetch(`http://127.0.0.1:${port}/`, {
      method: 'POST',
      body: body.replace('Hello', 'Hullo'),
      headers,
    })
    expect(bad.status).toBe(400)
    server.close()
  })

  it('refuses bodies over the limit', async () => {
    await expect(rawBodyFromNodeRequest(Readable.from([Buffer.alloc(20)]), 10)).rejects.toThrow(
      'too large',
    )
  })

  it('takes the Buffer of express.raw(), reads the stream without a parser, refuses parsed JSON', async () => {
    const { body } = delivery()
    const buffer = Buffer.from(body)
    const viaRaw = Object.assign(Readable.from([]), { body: buffer })
    expect(await rawBodyFromExpress(viaRaw)).toBe(buffer)
    const viaStream = Object.assign(Readable.from([Buffer.from(body)]), { body: undefined })
    expect(new TextDecoder().decode(await rawBodyFromExpress(viaStream))).toBe(body)
    const parsed = Object.assign(Readable.from([]), { body: JSON.parse(body) })
    await expect(rawBodyFromExpress(parsed)).rejects.toThrow('express.raw')
  })
})
