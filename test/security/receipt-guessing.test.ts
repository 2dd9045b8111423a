/**
 * Guessing a receipt: a reference is short and readable, so the receipt token is what keeps a
 * report private, and a client that keeps guessing is throttled. With the default budget
 * (`SAFE_PLACE_RECEIPT_TRIES_PER_MINUTE`, 30), status reads and withdrawals with wrong tokens
 * answer 401 until the budget is spent, then 429 with `Retry-After` — for this client even the
 * right token waits — and nothing was withdrawn.
 */
import { createSafePlaceClient } from '@safe-place/sdk'
import { afterAll, describe, expect, it } from 'vitest'
import { createOperatorKey, type HubProcess, startHubProcess } from '../support/hub-process'
import { sampleReport } from '../support/reports'
import { seedTenant } from '../support/seed'
import { tempDir } from '../support/temp-dir'

const BUDGET = 30

describe('receipt guessing', () => {
  const dir = tempDir()
  let hub: HubProcess | undefined
  afterAll(async () => {
    await hub?.kill('SIGKILL')
    dir.remove()
  })

  it('is throttled per client after the budget of tries, and withdraws nothing', async () => {
    const operatorKey = await createOperatorKey(dir.path)
    hub = await startHubProcess({ dataDir: dir.path })
    const tenant = await seedTenant(hub.url, operatorKey, { origin: 'https://guess.example' })
    const receipt = await createSafePlaceClient({
      hubUrl: hub.url,
      siteKey: tenant.siteKey,
    }).submitReport(sampleReport())

    // The limiter's window is the wall-clock minute: do not start a few ms before it turns.
    const intoMinute = Date.now() % 60_000
    if (intoMinute > 55_000) await new Promise((r) => setTimeout(r, 60_500 - intoMinute))
    const statuses: number[] = []
    let retryAfter: string | null = null
    for (let i = 0; i < BUDGET + 5; i++) {
      // Short codes (in any case, without dashes) and first-generation tokens alike.
      const guess =
        i % 3 === 0 ? i.toString().padStart(16, 'g') : `rt_${i.toString().padStart(43, 'G')}`
      const res = await fetch(
        `${hub.url}/v1/reports/${receipt.reference}${i % 2 ? '' : '/status'}`,
        {
          method: i % 2 ? 'DELETE' : 'GET',
          headers: { authorization: `Bearer ${guess}` },
        },
      )
      statuses.push(res.status)
      if (res.status === 429) retryAfter = res.headers.get('retry-after')
    }
    expect(statuses.slice(0, BUDGET)).toEqual(Array(BUDGET).fill(401))
    expect(statuses.slice(BUDGET)).toEqual(Array(5).fill(429))
    expect(Number(retryAfter)).toBeGreaterThan(0)

    // For this client, the right token waits too: a guesser cannot tell a hit from the limit.
    const right = await fetch(`${hub.url}/v1/reports/${receipt.reference}/status`, {
      headers: { authorization: `Bearer ${receipt.receiptToken}` },
    })
    expect(right.status).toBe(429)

    // The withdrawal attempts changed nothing.
    const detail = await tenant.admin.reports.get(receipt.reference)
    expect(detail.timeline.some((e) => e.kind === 'withdrawn')).toBe(false)
  })
})
