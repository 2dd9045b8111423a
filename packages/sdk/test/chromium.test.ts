/**
 * The SDK in a real browser: the client and webhook entries are bundled for the browser
 * (esbuild, platform `browser`: a Node built-in would fail the build), loaded in a page on one
 * origin, and run against a hub on another (CORS, Web Crypto proof of work, HMAC); a proof
 * pack is checked there with Web Crypto's SHA-256, HMAC and Ed25519.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { launchChromium } from '@safe-place/test-chromium'
import { build } from 'esbuild'
import type { Browser } from 'playwright-core'
import { Webhook } from 'svix'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEvent } from './events'
import { flip, makePack } from './evidence-pack'
import { receipt, report, widgetConfig } from './fixtures'

let browser: Browser
let bundle: string
const servers: Server[] = []
const posts: { headers: Record<string, unknown>; body: string }[] = []

async function listen(server: Server): Promise<string> {
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return String((server.address() as AddressInfo).port)
}

let hubUrl: string
let pageUrl: string
const salt = 'browser-salt'
const powNumber = 1234

beforeAll(async () => {
  const built = await build({
    entryPoints: [fileURLToPath(new URL('./browser-entry.ts', import.meta.url))],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    write: false,
    target: 'es2022',
  })
  bundle = built.outputFiles[0]!.text
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(salt + powNumber))
  const challenge = Buffer.from(digest).toString('hex')

  const hub = createServer((req, res) => {
    const cors = {
      'access-control-allow-origin': req.headers.origin ?? '*',
      'access-control-allow-headers':
        'content-type, idempotency-key, safe-place-site-key, safe-place-pow, authorization',
      'access-control-allow-methods': 'GET, POST, DELETE',
    }
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { ...cors, 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    let body = ''
    req.on('data', (chunk) => {
      body += chunk
    })
    req.on('end', () => {
      if (req.method === 'OPTIONS') return res.writeHead(204, cors).end()
      if (req.url === '/v1/widget-config') return send(200, widgetConfig(true))
      if (req.url === '/v1/challenge') {
        return send(200, { algorithm: 'SHA-256', challenge, maxnumber: 5000, salt, signature: 's' })
      }
      if (req.url === '/v1/reports' && req.method === 'POST') {
        posts.push({ headers: req.headers, body })
        // The first attempt fails: the SDK must retry with the same idempotency key.
        return posts.length === 1 ? send(503, {}) : send(201, receipt)
      }
      send(404, { error: { code: 'not_found', message: 'Nothing was found here.' } })
    })
  })
  hubUrl = `http://127.0.0.1:${await listen(hub)}`
  const page = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' })
    res.end('<!doctype html><title>sdk</title>')
  })
  pageUrl = `http://localhost:${await listen(page)}/`
  browser = await launchChromium()
}, 60_000)

afterAll(async () => {
  await browser?.close()
  for (const server of servers) server.close()
})

describe('the SDK in Chromium', () => {
  it('submits a report cross-origin, solving the challenge and retrying safely', async () => {
    const page = await browser.newPage()
    await page.goto(pageUrl)
    await page.addScriptTag({ content: bundle })
    const answer = await page.evaluate(
      async ({ hubUrl, report }) => {
        const { createSafePlaceClient } = (
          globalThis as never as { SafePlaceSdk: typeof import('../src/index') }
        ).SafePlaceSdk
        const client = createSafePlaceClient({ hubUrl, siteKey: 'sk_test_browser', retries: 2 })
        return client.submitReport(report)
      },
      { hubUrl, report },
    )
    expect(answer.reference).toBe(receipt.reference)
    expect(posts).toHaveLength(2)
    expect(posts[0]!.headers['idempotency-key']).toBe(posts[1]!.headers['idempotency-key'])
    const pow = JSON.parse(
      Buffer.from(String(posts[1]!.headers['safe-place-pow']), 'base64').toString(),
    )
    expect(pow.number).toBe(powNumber)
    expect(posts[1]!.headers.origin).toBe(pageUrl.slice(0, -1))
    await page.close()
  })

  it('verifies a signed webhook and rejects a tampered one', async () => {
    const page = await browser.newPage()
    await page.goto(pageUrl)
    await page.addScriptTag({ content: bundle })
    const secret = `whsec_${Buffer.from('d'.repeat(32)).toString('base64')}`
    const body = JSON.stringify(testEvent)
    const at = new Date()
    const headers = {
      'webhook-id': 'msg_browser',
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign('msg_browser', at, body),
    }
    const result = await page.evaluate(
      ({ body, headers, secret }) => {
        const { verifyWebhook } = (
          globalThis as never as { SafePlaceSdk: typeof import('../src/webhooks') }
        ).SafePlaceSdk
        const event = verifyWebhook(new TextEncoder().encode(body), new Headers(headers), secret)
        let tampered = 'accepted'
        try {
          verifyWebhook(body.replace('Hello', 'Howdy'), headers, secret)
        } catch (error) {
          tampered = (error as { code: string }).code
        }
        return { type: event.type, tampered }
      },
      { body, headers, secret },
    )
    expect(result).toEqual({ type: 'webhook.test', tampered: 'invalid_signature' })
    await page.close()
  })

  it('checks a proof pack in the page, naming a changed file', async () => {
    const page = await browser.newPage()
    await page.goto(pageUrl)
    await page.addScriptTag({ content: bundle })
    const { zip, keys } = makePack()
    const tampered = flip(zip, '{"reference":"SP-7K3Q-9XWD"}\n')
    const result = await page.evaluate(
      async ({ packs, keys }) => {
        const { verifyEvidencePack } = (
          globalThis as never as { SafePlaceSdk: typeof import('../src/index') }
        ).SafePlaceSdk
        const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
        const good = await verifyEvidencePack(bytes(packs[0]!), { keys })
        const bad = await verifyEvidencePack(bytes(packs[1]!), { keys })
        return { good: good.valid, bad: bad.problems.map((p) => `${p.file} ${p.code}`) }
      },
      { packs: [zip, tampered].map((p) => Buffer.from(p).toString('base64')), keys },
    )
    expect(result).toEqual({ good: true, bad: ['report.json hash_mismatch'] })
    await page.close()
  })
})
