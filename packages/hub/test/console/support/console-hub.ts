/**
 * A hub for console tests: a real libSQL file, two receivers on real HTTP servers (A, the
 * federation with the `full` profile, answers 200; B, the trusted flagger with `notice`, can
 * be made to fail), a site key, an operator key and one receiver key each, and reports posted
 * through the real intake route with consent to A, to B, or to both.
 */
import { createApiKey } from '../../../src/admin/api-keys'
import { createSiteKey } from '../../../src/admin/site-keys'
import { createHub, type HubApp } from '../../../src/app'
import {
  createTestDb,
  insertReceiver,
  PARTNER_ID,
  silentLogger,
  type TestDb,
  type TestReceiver,
} from '../../delivery/support/db'
import { engineFor } from '../../delivery/support/engine'
import { ok, startReceiver, type TestServer } from '../../delivery/support/receiver-server'

const ORIGIN = 'https://partner.example'
export const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'

export interface ConsoleHub {
  t: TestDb
  app: HubApp
  engine: ReturnType<typeof engineFor>
  servers: { a: TestServer; b: TestServer }
  receivers: { a: TestReceiver; b: TestReceiver }
  keys: { operator: string; a: string; b: string }
  siteKey: string
  submit(body: Record<string, unknown>): Promise<{ reference: string; receiptToken: string }>
  consent(receiverId: string): Record<string, string>
  close(): Promise<void>
}

export async function makeConsoleHub(
  settings: { clientReceiptTriesPerMinute?: number } = {},
): Promise<ConsoleHub> {
  const t = await createTestDb()
  const a = await startReceiver()
  const b = await startReceiver()
  const receiverA = await insertReceiver(t, a.url, {
    kind: 'federation',
    profile: 'full',
    name: { fr: 'Fédération', en: 'Federation' },
  })
  const receiverB = await insertReceiver(t, b.url, {
    kind: 'trusted_flagger',
    profile: 'notice',
    name: { fr: 'Signaleur de confiance', en: 'Trusted flagger' },
  })
  const now = new Date()
  const siteKey = (
    await t.write((tx) =>
      createSiteKey(
        tx,
        undefined,
        {
          partnerId: PARTNER_ID,
          allowedOrigins: [ORIGIN],
          requireChallenge: false,
          rateLimitPerMinute: 10_000,
        },
        now,
      ),
    )
  ).key
  const operator = await t.write((tx) => createApiKey(tx, { name: 'ops', scope: 'operator' }, now))
  const keyA = await t.write((tx) =>
    createApiKey(tx, { name: 'federation', scope: 'receiver', receiverId: receiverA.id }, now),
  )
  const keyB = await t.write((tx) =>
    createApiKey(tx, { name: 'flagger', scope: 'receiver', receiverId: receiverB.id }, now),
  )
  const engine = engineFor(t)
  const app = createHub({
    database: t,
    keyring: t.keyring,
    logger: silentLogger,
    engine,
    settings: {
      clientReportsPerMinute: 10_000,
      clientReceiptTriesPerMinute: settings.clientReceiptTriesPerMinute ?? 10_000,
    },
  })
  const consent = (receiverId: string) => ({
    receiverId,
    textVersion: '1',
    grantedAt: new Date().toISOString(),
  })
  return {
    t,
    app,
    engine,
    servers: { a, b },
    receivers: { a: receiverA, b: receiverB },
    keys: { operator: operator.secret, a: keyA.secret, b: keyB.secret },
    siteKey,
    consent,
    async submit(body) {
      const res = await app.request('/v1/reports', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: ORIGIN,
          'safe-place-site-key': siteKey,
        },
        body: JSON.stringify({ goodFaith: true, ...body }),
      })
      if (res.status !== 201) throw new Error(`intake ${res.status}: ${await res.text()}`)
      return (await res.json()) as { reference: string; receiptToken: string }
    },
    async close() {
      await engine.stop()
      await Promise.all([a.close(), b.close()])
      await t.cleanup()
    },
  }
}

/** Makes a receiver server answer 500 until told otherwise. */
export function failing(server: TestServer): void {
  server.respond = (_req, _i, res) => {
    res.writeHead(500, { 'content-type': 'text/plain' }).end('down for maintenance')
  }
}

export function healthy(server: TestServer): void {
  server.respond = ok
}

/** A threat report with consent to the given receivers. */
export function threat(
  hub: ConsoleHub,
  to: string[],
  extra: { description?: string; urgent?: boolean; platform?: string; category?: string } = {},
) {
  return hub.submit({
    category: extra.category ?? 'threat',
    what: {
      description: extra.description ?? 'Il écrit qu’il viendra chez moi.',
      ongoing: true,
    },
    urgency: { immediateDanger: extra.urgent ?? false },
    where: {
      platform: extra.platform ?? 'instagram',
      contentUrls: ['https://www.instagram.com/p/xyz/'],
      accounts: [{ handle: '@menace' }],
    },
    who: { role: 'target', targetAge: 'adult' },
    consents: to.map((id) => hub.consent(id)),
    contact: { channel: 'email', value: 'camille.console@example.org' },
  })
}
