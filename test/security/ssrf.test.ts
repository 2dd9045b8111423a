/**
 * The SSRF matrix: a receiver URL must never make the hub call into its own network. Every
 * spelling of loopback (dotted, short, decimal, hex, octal, IPv6, IPv4-mapped, NAT64, 6to4),
 * private, link-local, metadata, unique-local and unspecified addresses, and names that resolve
 * to them, is refused when a receiver is added or changed through the admin API — with
 * `WEBHOOK_ALLOW_HTTP=1` so the address, not the scheme, is what refuses it. Then at delivery:
 * URLs stored while the operator allowed private networks are refused once that allowance is
 * gone, and a name whose DNS answer changes between the check and the connection (rebinding)
 * is refused at connect time — proven by a listener on 127.0.0.1 and ::1 that counts every TCP
 * connection and must count none.
 *
 * The hub runs in this process (`startHub` from `@safe-place/hub`), so the resolver can be
 * stubbed (`support/dns-stub.ts`): the hub has no resolver setting, and this is the level at
 * which a changing DNS answer can be staged without a DNS server. Traffic stays on loopback:
 * the delivery-time cases only aim at addresses that land on this machine.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { loadConfig, type RunningHub, startHub } from '@safe-place/hub'
import { createSafePlaceAdmin } from '@safe-place/sdk/admin'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DnsStub, installDnsStub } from '../support/dns-stub'
import { createOperatorKey, hubEnv } from '../support/hub-process'
import { eventually, startLoopbackReceiver } from '../support/loopback-receiver'
import { receiverInput } from '../support/seed'
import { type TempDir, tempDir } from '../support/temp-dir'

const PUBLIC = '93.184.215.14'

/** Host spellings refused at configuration; `{port}` is the listener's port. */
const REFUSED_HOSTS = [
  '127.0.0.1',
  '127.1',
  '127.0.0.2',
  '2130706433',
  '0x7f000001',
  '017700000001',
  '0x7f.0.0.1',
  '0177.0.0.1',
  '0',
  '0.0.0.0',
  '[::1]',
  '[0:0:0:0:0:0:0:1]',
  '[::ffff:127.0.0.1]',
  '[::ffff:7f00:1]',
  '[::127.0.0.1]',
  '[64:ff9b::7f00:1]',
  '[2002:7f00:1::]',
  '[::]',
  '10.0.0.1',
  '172.16.0.1',
  '192.168.1.1',
  '100.64.0.1',
  '169.254.169.254',
  '[::ffff:169.254.169.254]',
  '[fd00::1]',
  '[fe80::1]',
  'user:pw@93.184.215.14',
  'localhost',
  'LOCALHOST',
  'localhost.',
  'loopback.test',
  'loopback6.test',
  'mapped.test',
  'mixed.test',
  'metadata.test',
  'private.test',
]

/** Hosts no URL parser takes (an IPv6 zone id): refused before the guard, as invalid input. */
const NOT_URLS = ['[fe80::1%25lo]', '[::1%25lo]']

/** Loopback spellings for delivery-time tests: a connection would land on our listener. */
const LOOPBACK_HOSTS = [
  '127.0.0.1',
  '127.1',
  '2130706433',
  '0x7f000001',
  '017700000001',
  '0.0.0.0',
  '[::1]',
  '[::ffff:127.0.0.1]',
  '[::ffff:7f00:1]',
]

/** Names whose answer at connect time differs from the answer the check saw. */
const REBINDING: Record<string, string[]> = {
  'rebind.test': ['127.0.0.1'],
  'rebind6.test': ['::1'],
  'rebind-mapped.test': ['::ffff:127.0.0.1'],
  'rebind-mixed.test': [PUBLIC, '127.0.0.1'],
  'rebind-unspecified.test': ['0.0.0.0'],
}

interface Listener {
  port: number
  connections(): number
  requests(): number
  close(): Promise<void>
}

/** HTTP on 127.0.0.1 and ::1, same port, counting every accepted TCP connection. */
async function startListener(): Promise<Listener> {
  let connections = 0
  let requests = 0
  const make = () => {
    const server = createServer((_req, res) => {
      requests++
      res.writeHead(204).end()
    })
    server.on('connection', () => {
      connections++
    })
    return server
  }
  const v4 = make()
  await new Promise<void>((resolve) => v4.listen(0, '127.0.0.1', resolve))
  const port = (v4.address() as AddressInfo).port
  const v6 = make()
  await new Promise<void>((resolve, reject) => {
    v6.once('error', reject)
    v6.listen(port, '::1', resolve)
  })
  const close = (s: Server) =>
    new Promise<void>((resolve) => {
      s.closeAllConnections()
      s.close(() => resolve())
    })
  return {
    port,
    connections: () => connections,
    requests: () => requests,
    close: async () => {
      await Promise.all([close(v4), close(v6)])
    },
  }
}

/** A hub in this process with exactly these delivery settings (nothing from `process.env`). */
async function bootHub(dataDir: string, env: Record<string, string>): Promise<RunningHub> {
  const config = loadConfig(
    { ...hubEnv(dataDir), LOG_LEVEL: 'silent', ...env },
    { host: '127.0.0.1', port: 0 },
  )
  return startHub(config)
}

describe('SSRF matrix', { timeout: 60_000 }, () => {
  let dir: TempDir
  let listener: Listener
  let dnsStub: DnsStub
  let operatorKey: string
  let partnerId: string
  let hub: RunningHub | undefined

  beforeAll(async () => {
    dir = tempDir()
    listener = await startListener()
    dnsStub = installDnsStub({
      'public.test': { check: [PUBLIC], connect: [PUBLIC] },
      'loopback.test': { check: ['127.0.0.1'], connect: ['127.0.0.1'] },
      'loopback6.test': { check: ['::1'], connect: ['::1'] },
      'mapped.test': { check: ['::ffff:127.0.0.1'], connect: ['::ffff:127.0.0.1'] },
      'mixed.test': { check: [PUBLIC, '10.0.0.1'], connect: [PUBLIC, '10.0.0.1'] },
      'metadata.test': { check: ['169.254.169.254'], connect: ['169.254.169.254'] },
      'private.test': { check: ['192.168.0.10'], connect: ['192.168.0.10'] },
      ...Object.fromEntries(
        Object.entries(REBINDING).map(([name, connect]) => [name, { check: [PUBLIC], connect }]),
      ),
    })
    operatorKey = await createOperatorKey(dir.path)
  })

  afterAll(async () => {
    await hub?.close()
    dnsStub?.restore()
    await listener?.close()
    dir?.remove()
  })

  async function admin() {
    return createSafePlaceAdmin({ hubUrl: hub!.url, apiKey: operatorKey })
  }

  async function postReceiver(url: string) {
    return fetch(`${hub!.url}/v1/admin/receivers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${operatorKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(receiverInput(partnerId, 'federation', url)),
    })
  }

  it('refuses every internal address, however spelled, when a receiver is added or changed', async () => {
    hub = await bootHub(dir.path, { WEBHOOK_ALLOW_HTTP: '1' })
    const ops = await admin()
    partnerId = (await ops.partners.create({ name: 'SSRF', kind: 'federation' })).id
    // A public name is accepted: the refusals below are about the address.
    const good = await postReceiver('https://public.test/hook')
    expect(good.status).toBe(201)
    const goodId = ((await good.json()) as { id: string }).id

    const accepted: string[] = []
    for (const host of REFUSED_HOSTS) {
      for (const url of [`http://${host}:${listener.port}/hook`, `https://${host}/hook`]) {
        const created = await postReceiver(url)
        const body = (await created.json()) as { error?: { code: string } }
        if (created.status !== 422 || body.error?.code !== 'unsafe_url') {
          accepted.push(`POST ${url} → ${created.status}`)
        }
        const patched = await fetch(`${hub.url}/v1/admin/receivers/${goodId}`, {
          method: 'PATCH',
          headers: { authorization: `Bearer ${operatorKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ url }),
        })
        if (patched.status !== 422) accepted.push(`PATCH ${url} → ${patched.status}`)
      }
    }
    for (const host of NOT_URLS) {
      const created = await postReceiver(`http://${host}:${listener.port}/hook`)
      if (created.status !== 400) accepted.push(`POST ${host} → ${created.status}`)
    }
    expect(accepted).toEqual([])
    expect((await ops.receivers.list()).map((r) => r.url)).toEqual(['https://public.test/hook'])
    // No check made a connection.
    expect(listener.connections()).toBe(0)
    await hub.close()
    hub = undefined
  })

  it('refuses at delivery the loopback URLs stored while private networks were allowed', async () => {
    // The operator once allowed private networks (local demo): the URLs were stored…
    hub = await bootHub(dir.path, {
      WEBHOOK_ALLOW_HTTP: '1',
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: '1',
      WEBHOOK_RETRY_SCHEDULE: '0,1h',
    })
    let ops = await admin()
    const ids: string[] = []
    for (const host of LOOPBACK_HOSTS) {
      const created = await postReceiver(`http://${host}:${listener.port}/hook`)
      expect(created.status, host).toBe(201)
      ids.push(((await created.json()) as { id: string }).id)
    }
    // …and each of them really reaches the listener while allowed (so the matrix aims true).
    for (const id of ids) await ops.receivers.test(id)
    await eventually(
      async () => (listener.requests() >= ids.length ? true : undefined),
      20_000,
      'every loopback spelling to reach the listener while allowed',
    )
    await hub.close()

    // …then the allowance is gone: the same stored URLs must not get a single connection.
    hub = await bootHub(dir.path, { WEBHOOK_ALLOW_HTTP: '1', WEBHOOK_RETRY_SCHEDULE: '0,1h' })
    ops = await admin()
    const before = listener.connections()
    const messageIds: string[] = []
    for (const id of ids) messageIds.push((await ops.receivers.test(id)).messageId)
    for (const messageId of messageIds) {
      const attempt = await eventually(
        async () => (await ops.messages.get(messageId)).attempts[0],
        20_000,
        `an attempt of ${messageId}`,
      )
      expect(attempt.responseStatus, messageId).toBeNull()
      expect(attempt.error, messageId).toMatch(/UnsafeUrlError|refused/)
    }
    expect(listener.connections() - before).toBe(0)
    await hub.close()
    hub = undefined
  })

  it('refuses a DNS answer that changes to loopback between the check and the connection', async () => {
    hub = await bootHub(dir.path, { WEBHOOK_ALLOW_HTTP: '1', WEBHOOK_RETRY_SCHEDULE: '0,1h' })
    const ops = await admin()
    const before = listener.connections()
    const messageIds: string[] = []
    for (const name of Object.keys(REBINDING)) {
      // At configuration the name resolves to a public address: accepted.
      const created = await postReceiver(`http://${name}:${listener.port}/hook`)
      expect(created.status, name).toBe(201)
      const { id } = (await created.json()) as { id: string }
      messageIds.push((await ops.receivers.test(id)).messageId)
    }
    for (const messageId of messageIds) {
      const attempt = await eventually(
        async () => (await ops.messages.get(messageId)).attempts[0],
        20_000,
        `an attempt of ${messageId}`,
      )
      expect(attempt.responseStatus, messageId).toBeNull()
      expect(attempt.error, messageId).toMatch(/refused address/)
    }
    // The connect-time lookup did run for every name, and nothing reached the listener.
    for (const name of Object.keys(REBINDING)) {
      expect(dnsStub.connectLookups.get(name) ?? 0, name).toBeGreaterThan(0)
    }
    expect(listener.connections() - before).toBe(0)
    await hub.close()

    // Control: once the operator allows loopback, the same stubbed name does connect — so the
    // refusals above came from the guard, not from a stub the HTTP client never used.
    hub = await bootHub(dir.path, {
      WEBHOOK_ALLOW_HTTP: '1',
      WEBHOOK_ALLOW_CIDRS: '127.0.0.1/32',
      WEBHOOK_RETRY_SCHEDULE: '0,1h',
    })
    const requestsBefore = listener.requests()
    const receivers = await (await admin()).receivers.list()
    const rebind = receivers.find((r) => r.url.includes('//rebind.test:'))!
    await (await admin()).receivers.test(rebind.id)
    await eventually(
      async () => (listener.requests() > requestsBefore ? true : undefined),
      20_000,
      'rebind.test to reach the listener once loopback is allowed',
    )
    await hub.close()
    hub = undefined
  })

  it('never follows a redirect, so an allowed endpoint cannot bounce the hub inward', async () => {
    // Only 127.0.0.1 is allowed; the endpoint there redirects to ::1, where the listener waits.
    const to = (status: number) => () => ({
      status,
      headers: { location: `http://[::1]:${listener.port}/inward` },
    })
    const bouncer = await startLoopbackReceiver(to(307))
    const redirect = await startLoopbackReceiver(to(302))
    try {
      hub = await bootHub(dir.path, {
        WEBHOOK_ALLOW_HTTP: '1',
        WEBHOOK_ALLOW_CIDRS: '127.0.0.1/32',
        WEBHOOK_RETRY_SCHEDULE: '0,1h',
      })
      const ops = await admin()
      const before = listener.connections()
      const messageIds: string[] = []
      for (const endpoint of [bouncer, redirect]) {
        const created = await postReceiver(`${endpoint.url}/hook`)
        expect(created.status).toBe(201)
        const { id } = (await created.json()) as { id: string }
        messageIds.push((await ops.receivers.test(id)).messageId)
      }
      for (const messageId of messageIds) {
        const attempt = await eventually(
          async () => (await ops.messages.get(messageId)).attempts[0],
          20_000,
          `an attempt of ${messageId}`,
        )
        expect(attempt.error).toMatch(/redirects are not followed/)
      }
      expect(bouncer.requests.length + redirect.requests.length).toBe(2)
      expect(listener.connections() - before).toBe(0)
    } finally {
      await bouncer.close()
      await redirect.close()
    }
  })
})
