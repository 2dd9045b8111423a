/**
 * Proof of work across processes: two hub processes on one database file, a site key that
 * requires the challenge. One solution, sent to both at once or to one after the other, is
 * accepted once: the spent record lives in the shared database, not in either process.
 */
import { PowChallenge } from '@safe-place/schemas'
import { encodePowSolution, solvePow } from '@safe-place/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HubDb, openHubDb } from '../support/hub-db'
import { createOperatorKey, type HubProcess, startHubProcess } from '../support/hub-process'
import { clientAgent, type PostAnswer, postReport } from '../support/load'
import { sampleReport } from '../support/reports'
import { seedTenant, type Tenant } from '../support/seed'
import { tempDir } from '../support/temp-dir'

const COPIES_PER_HUB = 10
/** Every copy comes from 127.0.0.1: lift the per-client limit so only the challenge decides. */
const HUB_ENV = { SAFE_PLACE_CLIENT_REPORTS_PER_MINUTE: '1000' }

describe('proof of work: one solution, two hub processes on one database', () => {
  const dir = tempDir('safe-place-pow-')
  const hubs: HubProcess[] = []
  let tenant: Tenant
  let db: HubDb | undefined

  beforeAll(async () => {
    const operatorKey = await createOperatorKey(dir.path)
    // The first start migrates and writes the key file; the second shares both.
    hubs.push(await startHubProcess({ dataDir: dir.path, env: HUB_ENV }))
    hubs.push(await startHubProcess({ dataDir: dir.path, env: HUB_ENV }))
    tenant = await seedTenant(hubs[0]!.url, operatorKey, {
      origin: 'http://127.0.0.1:5999',
      requireChallenge: true,
    })
  })

  afterAll(async () => {
    db?.close()
    await Promise.all(hubs.map((h) => h.kill('SIGKILL')))
    dir.remove()
  })

  /** A fresh challenge from `hub`, solved as the SDK solves it: the `safe-place-pow` header. */
  async function solvedChallenge(hub: HubProcess): Promise<string> {
    const res = await fetch(`${hub.url}/v1/challenge`, {
      headers: { 'safe-place-site-key': tenant.siteKey },
    })
    return encodePowSolution(await solvePow(PowChallenge.parse(await res.json())))
  }

  const codeOf = (answer: PostAnswer) =>
    answer.status === 201
      ? 'created'
      : (JSON.parse(answer.body) as { error: { code: string } }).error.code

  it('accepts copies sent to both processes at once exactly once', async () => {
    const pow = await solvedChallenge(hubs[0]!)
    const agent = clientAgent(2 * COPIES_PER_HUB)
    const copies = Array.from({ length: 2 * COPIES_PER_HUB }, (_, i) =>
      postReport(hubs[i % 2]!.url, tenant.siteKey, sampleReport(), {
        agent,
        headers: { 'safe-place-pow': pow },
      }).then(codeOf),
    )
    const codes = await Promise.all(copies)
    agent.destroy()
    expect(codes.filter((c) => c === 'created')).toHaveLength(1)
    expect(codes.filter((c) => c === 'challenge_failed')).toHaveLength(2 * COPIES_PER_HUB - 1)
  })

  it('refuses at the second process a solution the first accepted', async () => {
    const pow = await solvedChallenge(hubs[1]!)
    const send = (hub: HubProcess) =>
      postReport(hub.url, tenant.siteKey, sampleReport(), {
        headers: { 'safe-place-pow': pow },
      }).then(codeOf)
    expect(await send(hubs[0]!)).toBe('created')
    expect(await send(hubs[1]!)).toBe('challenge_failed')
    expect(await send(hubs[0]!)).toBe('challenge_failed')

    db = await openHubDb(dir.path)
    const [reports] = await db.all<{ n: number }>('SELECT count(*) AS n FROM reports')
    const [spent] = await db.all<{ n: number }>('SELECT count(*) AS n FROM pow_challenges_spent')
    expect(Number(reports?.n)).toBe(2)
    expect(Number(spent?.n)).toBe(2)
  })
})
