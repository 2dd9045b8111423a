/**
 * Client identity for the per-client limit, over real HTTP on 127.0.0.1: behind one trusted
 * proxy (this test plays it, appending the address it "saw" to X-Forwarded-For as nginx does),
 * forged entries and fresh addresses of one IPv6 /64 stay one client with one budget.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../src/config'
import { listen, makeTestHub, sampleReport, type TestHub } from './support/test-hub'

const LIMIT = 3

let hub: TestHub | undefined
let server: { url: string; close(): Promise<void> } | undefined
afterEach(async () => {
  await server?.close()
  hub?.close()
  server = undefined
  hub = undefined
})

async function start(settings: { trustProxy: number; clientIpv6Prefix?: number }) {
  hub = await makeTestHub({ settings: { clientReportsPerMinute: LIMIT, ...settings } })
  server = await listen(hub.app)
  const { siteKey } = hub
  const { url } = server
  return (forwardedFor?: string) =>
    fetch(`${url}/v1/reports`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'safe-place-site-key': siteKey,
        ...(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }),
      },
      body: JSON.stringify(sampleReport()),
    }).then((res) => res.status)
}

const statuses = async (send: () => Promise<number>, times: number) => {
  const out: number[] = []
  for (let i = 0; i < times; i++) out.push(await send())
  return out
}
const count = (list: number[], status: number) => list.filter((s) => s === status).length

describe('per-client limit behind a trusted proxy', () => {
  it('holds forged X-Forwarded-For entries to the client the proxy saw', async () => {
    const send = await start({ trustProxy: 1 })
    let i = 0
    // A fresh forged chain on every request, as a raider would send.
    const forged = await statuses(() => {
      i++
      return send(`10.${i}.0.1, 2001:db8::${i}, 192.0.2.${i}, 203.0.113.7`)
    }, 10)
    expect(count(forged, 201)).toBe(LIMIT)
    expect(count(forged, 429)).toBe(10 - LIMIT)
    // Another client behind the same proxy still has its own budget.
    expect(await send('203.0.113.8')).toBe(201)
  })

  it('holds ten addresses of one IPv6 /64 to one budget', async () => {
    const send = await start({ trustProxy: 1 })
    let i = 0
    const rotating = await statuses(() => {
      i++
      return send(`2001:db8:aa:bb:${i.toString(16)}:${((i * 7919) % 0xffff).toString(16)}::${i}`)
    }, 10)
    expect(count(rotating, 201)).toBe(LIMIT)
    expect(count(rotating, 429)).toBe(10 - LIMIT)
    expect(await send('2001:db8:aa:bc::1')).toBe(201)
    // The IPv4-mapped form of an IPv4 client is the same client.
    expect(await statuses(() => send('198.51.100.4'), LIMIT)).toEqual([201, 201, 201])
    expect(await send('::ffff:198.51.100.4')).toBe(429)
  })

  it('counts IPv6 clients by the configured prefix', async () => {
    const send = await start({ trustProxy: 1, clientIpv6Prefix: 48 })
    let i = 0
    const spread = await statuses(() => send(`2001:db8:aa:${(i++).toString(16)}::1`), 5)
    expect(count(spread, 201)).toBe(LIMIT)
  })

  it('ignores X-Forwarded-For when no proxy is trusted', async () => {
    const send = await start({ trustProxy: 0 })
    const forged = await Promise.all(Array.from({ length: 5 }, (_, i) => send(`192.0.2.${i}`)))
    expect(count(forged, 201)).toBe(LIMIT)
  })
})

describe('configuration', () => {
  it('reads SAFE_PLACE_TRUST_PROXY as proxy hops, true meaning one', () => {
    expect(loadConfig({}).settings.trustProxy).toBe(0)
    expect(loadConfig({ SAFE_PLACE_TRUST_PROXY: '2' }).settings.trustProxy).toBe(2)
    expect(loadConfig({ SAFE_PLACE_TRUST_PROXY: 'true' }).settings.trustProxy).toBe(1)
    expect(loadConfig({ SAFE_PLACE_TRUST_PROXY: '1' }).settings.trustProxy).toBe(1)
    expect(loadConfig({ SAFE_PLACE_TRUST_PROXY: 'false' }).settings.trustProxy).toBe(0)
    for (const bad of ['-1', '17', '1.5', 'maybe']) {
      expect(() => loadConfig({ SAFE_PLACE_TRUST_PROXY: bad })).toThrow(/SAFE_PLACE_TRUST_PROXY/)
    }
  })

  it('reads SAFE_PLACE_CLIENT_IPV6_PREFIX, /64 by default', () => {
    expect(loadConfig({}).settings.clientIpv6Prefix).toBe(64)
    expect(loadConfig({ SAFE_PLACE_CLIENT_IPV6_PREFIX: '56' }).settings.clientIpv6Prefix).toBe(56)
    for (const bad of ['0', '31', '129', 'x']) {
      expect(() => loadConfig({ SAFE_PLACE_CLIENT_IPV6_PREFIX: bad })).toThrow(
        /SAFE_PLACE_CLIENT_IPV6_PREFIX/,
      )
    }
  })
})
