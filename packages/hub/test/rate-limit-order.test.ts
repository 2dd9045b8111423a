/**
 * A raid from a few clients must not shut the others out: requests refused by the per-client
 * limit do not count against the site key's limit. Real HTTP on 127.0.0.1, two clients told
 * apart by their source address (127.0.0.1 and 127.0.0.2, both loopback on Linux).
 */
import { request } from 'node:http'
import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { forgetSiteKeyCache } from '../src/auth/site-key'
import { siteKeys } from '../src/db/schema'
import { listen, makeTestHub, sampleReport, type TestHub } from './support/test-hub'

let hub: TestHub | undefined
let server: { url: string; close(): Promise<void> } | undefined
afterEach(async () => {
  await server?.close()
  hub?.close()
})

function send(url: string, siteKey: string, localAddress: string): Promise<number> {
  const body = JSON.stringify(sampleReport())
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/v1/reports`,
      {
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', 'safe-place-site-key': siteKey },
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

describe('rate limits under a raid', () => {
  it("does not spend the site key's budget on requests refused for their client", async () => {
    hub = await makeTestHub({ settings: { clientReportsPerMinute: 2 } })
    server = await listen(hub.app)
    const siteKey = hub.siteKey
    await hub.handle.write((tx) =>
      tx.update(siteKeys).set({ rateLimitPerMinute: 3 }).where(eq(siteKeys.key, siteKey)),
    )
    forgetSiteKeyCache()

    const raider: number[] = []
    for (let i = 0; i < 8; i++) raider.push(await send(server.url, hub.siteKey, '127.0.0.1'))
    expect(raider).toEqual([201, 201, 429, 429, 429, 429, 429, 429])
    // Another reporter on the same site still gets through (3rd report of the site)…
    expect(await send(server.url, hub.siteKey, '127.0.0.2')).toBe(201)
    // …and the site key's own limit still holds after that.
    expect(await send(server.url, hub.siteKey, '127.0.0.2')).toBe(429)
  })
})
