import { Writable } from 'node:stream'
import { PowChallenge } from '@safe-place/schemas'
import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { forgetSiteKeyCache } from '../src/auth/site-key'
import { siteKeys } from '../src/db/schema'
import { createLogger } from '../src/logging/logger'
import { solvedPowHeader } from './support/pow'
import {
  DESCRIPTION,
  EMAIL,
  listen,
  makeTestHub,
  ORIGIN,
  sampleReport,
  type TestHub,
} from './support/test-hub'

let hub: TestHub | undefined
let server: { url: string; close(): Promise<void> } | undefined
afterEach(async () => {
  await server?.close()
  hub?.close()
  server = undefined
  hub = undefined
})

async function start(settings = {}, logger?: ReturnType<typeof createLogger>) {
  hub = await makeTestHub({ settings, ...(logger ? { logger } : {}) })
  server = await listen(hub.app)
  return { hub, url: server.url }
}

const send = (url: string, siteKey: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'safe-place-site-key': siteKey, ...headers },
    body: JSON.stringify(body),
  })

describe('over real HTTP on 127.0.0.1', () => {
  it('CORS: allows the site key origin, refuses an unknown origin', async () => {
    const { hub, url } = await start()
    const preflight = await fetch(`${url}/v1/reports`, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN)

    const evilPreflight = await fetch(`${url}/v1/reports`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    })
    expect(evilPreflight.status).toBe(403)
    expect(evilPreflight.headers.get('access-control-allow-origin')).toBeNull()

    const ok = await send(url, hub.siteKey, sampleReport(), { origin: ORIGIN })
    expect(ok.status).toBe(201)
    expect(ok.headers.get('access-control-allow-origin')).toBe(ORIGIN)
    const evil = await send(url, hub.siteKey, sampleReport(), { origin: 'https://evil.example' })
    expect(evil.status).toBe(403)
    expect(((await evil.json()) as { error: { code: string } }).error.code).toBe(
      'origin_not_allowed',
    )
  })

  it('429 with Retry-After after the per-client limit', async () => {
    const { hub, url } = await start({ clientReportsPerMinute: 2 })
    expect((await send(url, hub.siteKey, sampleReport())).status).toBe(201)
    expect((await send(url, hub.siteKey, sampleReport())).status).toBe(201)
    const limited = await send(url, hub.siteKey, sampleReport())
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('rate_limited')
  })

  it('429 after the site key limit', async () => {
    const { hub, url } = await start()
    await hub.handle.write((tx) => tx.update(siteKeys).set({ rateLimitPerMinute: 1 }))
    forgetSiteKeyCache()
    expect((await send(url, hub.siteKey, sampleReport())).status).toBe(201)
    expect((await send(url, hub.siteKey, sampleReport())).status).toBe(429)
  })

  it('requires and verifies the proof of work when the site key asks for it', async () => {
    const { hub, url } = await start({ powMaxNumber: 2000 })
    await hub.handle.write((tx) =>
      tx.update(siteKeys).set({ requireChallenge: true }).where(eq(siteKeys.key, hub.siteKey)),
    )
    forgetSiteKeyCache()
    const missing = await send(url, hub.siteKey, sampleReport())
    expect(missing.status).toBe(403)
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe(
      'challenge_required',
    )

    const config = (await (
      await fetch(`${url}/v1/widget-config`, { headers: { 'safe-place-site-key': hub.siteKey } })
    ).json()) as {
      challenge: { required: boolean }
    }
    expect(config.challenge.required).toBe(true)
    const challenge = PowChallenge.parse(
      await (
        await fetch(`${url}/v1/challenge`, { headers: { 'safe-place-site-key': hub.siteKey } })
      ).json(),
    )
    const pow = await solvedPowHeader(challenge)
    const ok = await send(url, hub.siteKey, sampleReport(), { 'safe-place-pow': pow })
    expect(ok.status).toBe(201)
    const replay = await send(url, hub.siteKey, sampleReport(), { 'safe-place-pow': pow })
    expect(((await replay.json()) as { error: { code: string } }).error.code).toBe(
      'challenge_failed',
    )
  })

  it('logs requests with ids and never the content, contact or tokens', async () => {
    const lines: string[] = []
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk))
        cb()
      },
    })
    const { hub, url } = await start({}, createLogger('trace', sink))
    const res = await send(url, hub.siteKey, sampleReport(), {
      'idempotency-key': 'log-test-key-1',
    })
    const receipt = (await res.json()) as { reference: string; receiptToken: string }
    await fetch(`${url}/v1/reports/${receipt.reference}/status`, {
      headers: { authorization: `Bearer ${receipt.receiptToken}` },
    })
    await fetch(`${url}/v1/admin/reports/${receipt.reference}`, {
      headers: { authorization: `Bearer ${hub.operatorKey}` },
    })
    const log = lines.join('')
    expect(log).toMatch(/"requestId":"req_/)
    expect(log).toMatch(/"route":"\/v1\/reports"/)
    for (const secret of [
      DESCRIPTION,
      EMAIL,
      receipt.receiptToken,
      hub.operatorKey,
      'zq_secret_handle_91',
    ]) {
      expect(log).not.toContain(secret)
    }
  })

  it('serves health, readiness, resources and the widget config', async () => {
    const { hub, url } = await start()
    expect((await fetch(`${url}/healthz`)).status).toBe(200)
    expect((await fetch(`${url}/readyz`)).status).toBe(200)
    const res = (await (await fetch(`${url}/v1/resources?country=FR&category=ncii`)).json()) as {
      resources: { id: string }[]
    }
    expect(res.resources[0]?.id).toBe('stopncii')
    const config = await fetch(`${url}/v1/widget-config`, {
      headers: { 'safe-place-site-key': hub.siteKey },
    })
    expect(config.status).toBe(200)
    expect(((await config.json()) as { partner: { name: string } }).partner.name).toBe('Partner A')
  })
})
