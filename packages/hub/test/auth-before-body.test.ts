/**
 * Credentials before bodies: every route the OpenAPI document marks as needing a key or a
 * console session, sent a body without the credential, answers 401 at once and reads none of
 * it — whether the body is oversize, malformed or never ends. The routes come from
 * `/openapi.json`, so a new one is covered. With the credential, the same bodies still meet
 * the guard (413, 400), so the order is what changed, not the checks.
 */

import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConsoleClient } from './console/support/session-client'
import { listen, makeTestHub, type TestHub } from './support/test-hub'

let hub: TestHub
let server: { url: string; close(): Promise<void> }

interface Operation {
  method: string
  path: string
}
let guarded: Operation[] = []

beforeAll(async () => {
  hub = await makeTestHub()
  server = await listen(hub.app)
  const doc = (await (await hub.app.request('/openapi.json')).json()) as {
    paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>>
  }
  guarded = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([method, op]) => ['post', 'put', 'patch'].includes(method) && op.security?.length)
      .map(([method]) => ({
        method: method.toUpperCase(),
        path: path.replace(/\{[^}]+\}/g, 'x'),
      })),
  )
})
afterAll(async () => {
  await server?.close()
  hub?.close()
})

const encoder = new TextEncoder()

/** A body stream that counts how often it is read and, past its first chunk, never ends. */
function watchedBody(first: string): { stream: ReadableStream<Uint8Array>; pulls: () => number } {
  let pulls = 0
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        pulls++
        if (pulls === 1) controller.enqueue(encoder.encode(first))
        return new Promise(() => {})
      },
    },
    // Nothing is read ahead: a pull happens only when someone reads the body.
    { highWaterMark: 0 },
  )
  return { stream, pulls: () => pulls }
}

/** Rejects when `promise` takes longer than `ms`: a read of an endless body would hang. */
function promptly<T>(promise: T | Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    Promise.resolve(promise),
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer`)), ms)),
  ])
}

const BODIES: Record<string, { first: string; headers: Record<string, string> }> = {
  oversize: { first: '{"a":"', headers: { 'content-length': String(50 * 1024 * 1024) } },
  malformed: { first: 'not json{', headers: {} },
  endless: { first: '{"a":', headers: {} },
}

describe('a request without credentials gets a prompt 401 and its body is not read', () => {
  it('finds the routes that take a credential and a body', () => {
    const names = guarded.map((o) => `${o.method} ${o.path}`)
    expect(names.length).toBeGreaterThan(15)
    expect(names).toEqual(
      expect.arrayContaining([
        'POST /v1/admin/partners',
        'PATCH /v1/admin/site-keys/x',
        'POST /v1/reports/x/status',
        'POST /v1/console/reports/x/status',
        'POST /v1/console/receivers/x/disable',
      ]),
    )
  })

  for (const [kind, body] of Object.entries(BODIES)) {
    it(`in process, ${kind} body: 401 and no byte pulled, on every such route`, async () => {
      for (const { method, path } of guarded) {
        const { stream, pulls } = watchedBody(body.first)
        const res = await promptly(
          hub.app.request(path, {
            method,
            body: stream,
            headers: { 'content-type': 'application/json', ...body.headers },
            duplex: 'half',
          } as RequestInit),
          2_000,
          `${method} ${path}`,
        )
        expect(res.status, `${kind} body on ${method} ${path}`).toBe(401)
        expect(pulls(), `${kind} body on ${method} ${path} was read`).toBe(0)
        await stream.cancel().catch(() => {})
      }
    })
  }

  it('over HTTP, a body that never ends: 401 while it is still being sent', async () => {
    const { port } = new URL(server.url)
    for (const { method, path } of guarded) {
      const status = await promptly(
        new Promise<number>((resolve, reject) => {
          const req = httpRequest(
            {
              host: '127.0.0.1',
              port,
              method,
              path,
              headers: { 'content-type': 'application/json' },
            },
            (res) => {
              res.resume()
              resolve(res.statusCode ?? 0)
              req.destroy()
            },
          )
          req.on('error', reject)
          // Chunked, one chunk, never ended.
          req.write('{"partnerId":"')
        }),
        3_000,
        `${method} ${path}`,
      )
      expect(status, `${method} ${path}`).toBe(401)
    }
  })

  it('refuses a cross-site console sign-in before reading its body', async () => {
    const { stream, pulls } = watchedBody('{"apiKey":"')
    const res = await promptly(
      hub.app.request('/v1/console/session', {
        method: 'POST',
        body: stream,
        headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
        duplex: 'half',
      } as RequestInit),
      2_000,
      'cross-site sign-in',
    )
    expect(res.status).toBe(403)
    expect(pulls()).toBe(0)
    await stream.cancel().catch(() => {})
  })

  it('with the credential, the body still meets the guard: 413 oversize, 400 malformed, 201 valid', async () => {
    const bearer = {
      authorization: `Bearer ${hub.operatorKey}`,
      'content-type': 'application/json',
    }
    const big = await hub.app.request('/v1/admin/partners', {
      method: 'POST',
      headers: bearer,
      body: JSON.stringify({ name: 'x'.repeat(70_000), kind: 'brand' }),
    })
    expect(big.status).toBe(413)
    const malformed = await hub.app.request('/v1/admin/partners', {
      method: 'POST',
      headers: bearer,
      body: '{"name":',
    })
    expect(malformed.status).toBe(400)
    // Two guarded patterns (`/site-keys` and `/site-keys/*`) on one request read the body once.
    const site = await hub.app.request('/v1/admin/site-keys', {
      method: 'POST',
      headers: bearer,
      body: JSON.stringify({ partnerId: hub.partnerId, allowedOrigins: ['https://b.example'] }),
    })
    expect(site.status).toBe(201)
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe(
      'malformed_json',
    )
    const console = new ConsoleClient(hub.app)
    expect((await console.signIn(hub.operatorKey)).status).toBe(200)
    const raw = await hub.app.request(`${console.base}/v1/console/partners`, {
      method: 'POST',
      headers: {
        cookie: console.cookie,
        origin: console.base,
        'x-csrf-token': console.csrf,
        'content-type': 'application/json',
      },
      body: '{"name":',
    })
    expect(raw.status).toBe(400)
  })
})
