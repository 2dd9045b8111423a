import type { AddressInfo } from 'node:net'
import { connect } from 'node:net'
import { Writable } from 'node:stream'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { createLogger } from '../logging/logger'
import type { HubEnv } from './env'
import { isClientAbort, onError } from './render-error'

function appWithLogs() {
  const lines: string[] = []
  const logger = createLogger(
    'info',
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk))
        done()
      },
    }),
  )
  const app = new Hono<HubEnv>()
  app.use('*', async (c, next) => {
    c.set('logger', logger)
    await next()
  })
  app.post('/body', async (c) => c.json({ bytes: (await c.req.arrayBuffer()).byteLength }))
  app.get('/boom', () => {
    throw new Error('secret detail')
  })
  app.onError(onError)
  return { app, lines }
}

describe('onError', () => {
  it('answers a client that hung up mid-body without an error log line', async () => {
    const { app, lines } = appWithLogs()
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 })
    await new Promise((resolve) => server.once('listening', resolve))
    const { port } = server.address() as AddressInfo
    await new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(
          'POST /body HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ncontent-length: 5000\r\n\r\n{"a":',
        )
        setTimeout(() => socket.destroy(), 100)
      })
      socket.on('close', () => resolve())
    })
    await new Promise((resolve) => setTimeout(resolve, 200))
    await new Promise((resolve) => server.close(resolve))
    expect(lines.some((l) => l.includes('"request.aborted"'))).toBe(true)
    expect(lines.filter((l) => l.includes('unhandled error'))).toEqual([])
  })

  it('still logs and hides any other error as an opaque 500', async () => {
    const { app, lines } = appWithLogs()
    const res = await app.request('/boom')
    expect(res.status).toBe(500)
    expect(await res.text()).not.toContain('secret detail')
    expect(lines.some((l) => l.includes('unhandled error'))).toBe(true)
  })

  it('recognises only the reset of an aborted request', () => {
    expect(isClientAbort(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }))).toBe(true)
    expect(isClientAbort(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toBe(
      false,
    )
    expect(isClientAbort(new Error('aborted'))).toBe(false)
  })
})
