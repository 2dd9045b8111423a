/**
 * The site key cache (`auth/site-key.ts`) keeps a raid off the database; a revocation must
 * still take effect at once when made through this process, and within the cache's 5 seconds
 * when made by another process sharing the database.
 */
import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { revokeSiteKey } from '../src/admin/site-keys'
import { siteKeys } from '../src/db/schema'
import { makeTestHub, sampleReport, type TestHub } from './support/test-hub'

describe('site key cache', () => {
  let hub: TestHub | undefined
  afterEach(() => hub?.close())

  const send = (h: TestHub) =>
    h.app.request('/v1/reports', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'safe-place-site-key': h.siteKey },
      body: JSON.stringify(sampleReport()),
    })
  const code = async (response: Response) =>
    ((await response.json()) as { error?: { code: string } }).error?.code

  it('refuses a key revoked through this process on the very next request', async () => {
    hub = await makeTestHub()
    expect((await send(hub)).status).toBe(201) // cached now
    const siteKey = hub.siteKey
    await hub.handle.write((tx) => revokeSiteKey(tx, undefined, siteKey, new Date()))
    const refused = await send(hub)
    expect(refused.status).toBe(403)
    expect(await code(refused)).toBe('site_key_invalid')
  })

  it('refuses a key revoked by another process within 5 seconds', async () => {
    let at = Date.now()
    hub = await makeTestHub({ now: () => new Date(at) })
    expect((await send(hub)).status).toBe(201) // cached now
    // Another process revokes: nothing tells this one, only the cache's age does.
    const siteKey = hub.siteKey
    await hub.handle.write((tx) =>
      tx
        .update(siteKeys)
        .set({ revokedAt: new Date(at) })
        .where(eq(siteKeys.key, siteKey)),
    )
    at += 4_000
    expect((await send(hub)).status).toBe(201)
    at += 1_001
    const refused = await send(hub)
    expect(refused.status).toBe(403)
    expect(await code(refused)).toBe('site_key_invalid')
  })
})
