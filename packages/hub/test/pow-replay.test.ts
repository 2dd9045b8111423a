/**
 * A solved proof-of-work challenge is accepted once: copies sent together to one process are
 * refused, and the spent record is shared through the database, so another connection (another
 * process: `test/scale-out/pow-replay.test.ts`) refuses it too.
 */
import { PowChallenge } from '@safe-place/schemas'
import { solveChallenge } from 'altcha-lib/v1'
import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { forgetSiteKeyCache } from '../src/auth/site-key'
import { openDatabase } from '../src/db/client'
import { powChallengesSpent, siteKeys } from '../src/db/schema'
import { recordSpentChallenge } from '../src/intake/pow-spent'
import { newPowChallenge, verifyPowHeader } from '../src/intake/proof-of-work'
import { listen, makeTestHub, sampleReport, type TestHub } from './support/test-hub'

const HMAC_KEY = 'pow-replay-test-key'

let hub: TestHub | undefined
let server: { url: string; close(): Promise<void> } | undefined
afterEach(async () => {
  await server?.close()
  hub?.close()
  server = undefined
  hub = undefined
})

/** The `safe-place-pow` header for a solved challenge. */
async function solve(challenge: PowChallenge): Promise<string> {
  const solved = await solveChallenge(
    challenge.challenge,
    challenge.salt,
    'SHA-256',
    challenge.maxnumber,
  ).promise
  const { algorithm, salt, signature } = challenge
  const solution = {
    algorithm,
    challenge: challenge.challenge,
    number: solved?.number,
    salt,
    signature,
  }
  return Buffer.from(JSON.stringify(solution)).toString('base64')
}

const codeOf = async (res: Response) =>
  res.status === 201 ? 'created' : ((await res.json()) as { error: { code: string } }).error.code

describe('a solved challenge is accepted once', () => {
  it('accepts one of 20 copies sent at once over HTTP, and no copy after', async () => {
    hub = await makeTestHub({ settings: { powMaxNumber: 2000 } })
    await hub.handle.db
      .update(siteKeys)
      .set({ requireChallenge: true })
      .where(eq(siteKeys.key, hub.siteKey))
    forgetSiteKeyCache()
    server = await listen(hub.app)
    const { url } = server
    const siteKey = hub.siteKey
    const challenge = PowChallenge.parse(
      await (
        await fetch(`${url}/v1/challenge`, { headers: { 'safe-place-site-key': siteKey } })
      ).json(),
    )
    const pow = await solve(challenge)
    const send = () =>
      fetch(`${url}/v1/reports`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'safe-place-site-key': siteKey,
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

  it('refuses concurrent copies in one process before any await, whatever storage says', async () => {
    const now = new Date()
    const pow = await solve(await newPowChallenge(HMAC_KEY, 2000, now))
    let spends = 0
    // Storage that would accept every copy: only the in-memory reservation stands in the way.
    const lenientSpend = async () => {
      spends++
      await new Promise((resolve) => setTimeout(resolve, 20))
      return true
    }
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, () => verifyPowHeader(pow, HMAC_KEY, now, lenientSpend)),
    )
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1)
    for (const o of outcomes.filter((o) => o.status === 'rejected')) {
      expect((o as PromiseRejectedResult).reason).toMatchObject({ code: 'challenge_failed' })
    }
    expect(spends).toBe(1)
  })

  it('refuses an expired challenge on the hub clock, without recording it', async () => {
    const created = new Date()
    const pow = await solve(await newPowChallenge(HMAC_KEY, 2000, created))
    let spends = 0
    const spend = async () => {
      spends++
      return true
    }
    const later = new Date(created.getTime() + 5 * 60 * 1000 + 1000)
    await expect(verifyPowHeader(pow, HMAC_KEY, later, spend)).rejects.toMatchObject({
      code: 'challenge_failed',
    })
    expect(spends).toBe(0)
    // A forged signature is refused and leaves nothing reserved: the real one still passes once.
    const forged = JSON.parse(Buffer.from(pow, 'base64').toString('utf8'))
    const bad = Buffer.from(JSON.stringify({ ...forged, signature: 'f'.repeat(64) })).toString(
      'base64',
    )
    await expect(verifyPowHeader(bad, HMAC_KEY, created, spend)).rejects.toMatchObject({
      code: 'challenge_failed',
    })
    await verifyPowHeader(pow, HMAC_KEY, created, spend)
    expect(spends).toBe(1)
  })
})

describe('the shared spent record', () => {
  it('refuses a challenge spent through another connection, and purges expired ones', async () => {
    hub = await makeTestHub()
    const other = await openDatabase({ url: `file:${hub.dbPath}` })
    try {
      const now = new Date()
      const until = new Date(now.getTime() + 60_000)
      const spend = (db: typeof other.db, hash: string, at: Date) =>
        db.transaction((tx) => recordSpentChallenge(tx, hash, until, at))
      expect(await spend(hub.handle.db, 'a'.repeat(64), now)).toBe(true)
      expect(await spend(other.db, 'a'.repeat(64), now)).toBe(false)
      expect(await spend(other.db, 'b'.repeat(64), now)).toBe(true)
      // Once both have expired, the next spend clears them.
      const after = new Date(until.getTime() + 1)
      await other.db.transaction((tx) =>
        recordSpentChallenge(tx, 'c'.repeat(64), new Date(after.getTime() + 60_000), after),
      )
      const left = await hub.handle.db.select().from(powChallengesSpent)
      expect(left.map((r) => r.challengeHash)).toEqual(['c'.repeat(64)])
    } finally {
      other.close()
    }
  })
})
