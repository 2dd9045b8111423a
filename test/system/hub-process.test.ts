/** The root suites' footing: a hub process from the built CLI, bootstrapped like a new install. */
import { createSafePlaceClient } from '@safe-place/sdk'
import { afterAll, describe, expect, it } from 'vitest'
import { createOperatorKey, type HubProcess, startHubProcess } from '../support/hub-process'
import { sampleReport } from '../support/reports'
import { seedTenant } from '../support/seed'
import { tempDir } from '../support/temp-dir'

describe('a hub process on a fresh data folder', () => {
  const dir = tempDir()
  let hub: HubProcess | undefined
  afterAll(async () => {
    await hub?.kill()
    dir.remove()
  })

  it('starts, takes a first operator key from the CLI and accepts a report', async () => {
    const operatorKey = await createOperatorKey(dir.path)
    hub = await startHubProcess({ dataDir: dir.path })
    const origin = 'http://127.0.0.1:5999'
    const tenant = await seedTenant(hub.url, operatorKey, { origin })
    const client = createSafePlaceClient({ hubUrl: hub.url, siteKey: tenant.siteKey })
    const receipt = await client.submitReport(sampleReport())
    expect(receipt.reference).toMatch(/^SP-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    expect(await hub.kill('SIGTERM')).toBe(0)
  })
})
