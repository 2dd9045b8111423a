/**
 * A solved proof-of-work challenge is accepted once: copies sent together to one process are
 * refused before any await, and the challenge is spent in the shared table with the report it
 * paid for, so another process on the database refuses it too (`test/scale-out/pow-replay.test.ts`
 * does it with two `serve` processes). A report refused for its content spends nothing, and a
 * retried report replays its receipt.
 */
import { PowChallenge } from '@safe-place/schemas'
import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { createHub } from '../src/app'
import { forgetSiteKeyCache } from '../src/auth/site-key'
import { openDatabase } from '../src/db/client'
import { powChallengesSpent, siteKeys } from '../src/db/schema'
import { newPowChallenge, verifyPowHeader } from '../src/intake/proof-of-work'
import { runRetention } from '../src/retention/run'
import { solvedPowHeader } from './support/pow'
import { listen, makeTestHub, sampleReport, type TestHub } from './support/test-hub'

const HMAC_KEY = 'pow-replay-test-key'

let hub: TestHub | undefined
let server: { url: string; close(): Promise<void> } | undefined
afterEach(async () => {
  await server?.close()
  await hub?.close()
  server = undefined
  hub = undefined
})

const codeOf = async (res: Response) =>
  res.status === 201 ? 'created' : ((await res.json()) as { error: { code: string } }).error.code

/** A hub whose site key requires the proof of work, and a solved challenge of its own. */
async function challengedHub() {
  const made = await makeTestHub({ settings: { powMaxNumber: 2000 }, powHmacKey: HMAC_KEY })
  hub = made
  const siteKey = made.siteKey
  await made.handle.write((tx) =>
    tx.update(siteKeys).set({ requireChallenge: true }).where(eq(siteKeys.key, siteKey)),
  )
  forgetSiteKeyCache()
  const res = await made.app.request('/v1/challenge', {
    headers: { 'safe-place-site-key': siteKey },
  })
  return { hub: made, pow: await solvedPowHeader(PowChallenge.parse(await res.json())) }
}

const sendWith =
  (app: { request: TestHub['app']['request'] }, siteKey: string, pow: string) =>
  (body: unknown = sampleReport(), headers: Record<string, string> = {}) =>
    Promise.resolve(
      app.request('/v1/reports', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'safe-place-site-key': siteKey,
          'safe-place-pow': pow,
          ...headers,
        },
        body: JSON.stringify(body),
      }),
    ).then(codeOf)

describe('a solved challenge is accepted once', () => {
  it('accepts one of 20 copies sent at once over HTTP, and no copy after', async () => {
    const { hub, pow } = await challengedHub()
    server = await listen(hub.app)
    const { url } = server
    const send = () =>
      fetch(`${url}/v1/reports`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'safe-place-site-key': hub.siteKey,
          'safe-place-pow': pow,
        },
        body: JSON.stringify(sampleReport()),
      }).then(codeOf)

    const codes = await Promise.all(Array.from({ length: 20 }, send))
    expect(codes.filter((c) => c === 'created')).toHaveLength(1)
    expect(codes.filter((c) => c === 'challenge_failed')).toHaveLength(19)
    expect(await send()).toBe('challenge_failed')
    expect(await hub.handle.db.select().from(powChallengesSpent)).toHaveLength(1)
  })

  it('refuses concurrent copies in one process before any await, until released', async () => {
    const now = new Date()
    const pow = await solvedPowHeader(await newPowChallenge(HMAC_KEY, 2000, now))
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, () => verifyPowHeader(pow, HMAC_KEY, now)),
    )
    const passed = outcomes.filter((o) => o.status === 'fulfilled')
    expect(passed).toHaveLength(1)
    for (const o of outcomes.filter((o) => o.status === 'rejected')) {
      expect((o as PromiseRejectedResult).reason).toMatchObject({ code: 'challenge_failed' })
    }
    // Released (its request ended): the shared table is what refuses it from then on.
    ;(passed[0] as PromiseFulfilledResult<{ release(): void }>).value.release()
    const again = await verifyPowHeader(pow, HMAC_KEY, now)
    again.release()
  })

  it('refuses an expired or forged challenge, leaving nothing reserved', async () => {
    const created = new Date()
    const pow = await solvedPowHeader(await newPowChallenge(HMAC_KEY, 2000, created))
    const later = new Date(created.getTime() + 5 * 60 * 1000 + 1000)
    await expect(verifyPowHeader(pow, HMAC_KEY, later)).rejects.toMatchObject({
      code: 'challenge_failed',
    })
    const forged = JSON.parse(Buffer.from(pow, 'base64').toString('utf8'))
    const bad = Buffer.from(JSON.stringify({ ...forged, signature: 'f'.repeat(64) })).toString(
      'base64',
    )
    await expect(verifyPowHeader(bad, HMAC_KEY, created)).rejects.toMatchObject({
      code: 'challenge_failed',
    })
    const ticket = await verifyPowHeader(pow, HMAC_KEY, created)
    expect(ticket.challengeHash).toMatch(/^[0-9a-f]{64}$/)
    ticket.release()
  })

  it('spends nothing for a report refused for its content, and replays an acknowledged one', async () => {
    const { hub, pow } = await challengedHub()
    const send = sendWith(hub.app, hub.siteKey, pow)
    expect(await send({ ...sampleReport(), category: 'not-a-category' })).toBe('validation_failed')
    expect(await hub.handle.db.select().from(powChallengesSpent)).toHaveLength(0)
    const retry = { 'idempotency-key': 'f0d2e0a4-8c1b-4e5e-9a51-3c3a7b1d9e11' }
    expect(await send(sampleReport(), retry)).toBe('created')
    // The answer was lost; the client retries with the same key and the same proof of work.
    expect(await send(sampleReport(), retry)).toBe('created')
    expect(await send()).toBe('challenge_failed')
  })
})

describe('the shared spent record', () => {
  it('is refused by another process on the database, and purged once expired', async () => {
    const { hub, pow } = await challengedHub()
    const other = await openDatabase({ url: `file:${hub.dbPath}` })
    try {
      const otherApp = createHub({
        database: other,
        keyring: hub.keyring,
        powHmacKey: HMAC_KEY,
        settings: { clientReportsPerMinute: 10_000, powMaxNumber: 2000 },
      })
      expect(await sendWith(hub.app, hub.siteKey, pow)()).toBe('created')
      expect(await sendWith(otherApp, hub.siteKey, pow)()).toBe('challenge_failed')
      const [row] = await hub.handle.db.select().from(powChallengesSpent)
      expect(row).toBeDefined()
      const retention = { attachmentsDays: 90, closedReportDays: 180, anyReportDays: 365 }
      await runRetention(other, retention, new Date(row!.expiresAt.getTime() - 1))
      expect(await hub.handle.db.select().from(powChallengesSpent)).toHaveLength(1)
      const done = await runRetention(other, retention, row!.expiresAt)
      expect(done.challenges).toBe(1)
      expect(await hub.handle.db.select().from(powChallengesSpent)).toHaveLength(0)
    } finally {
      await other.close()
    }
  })
})
