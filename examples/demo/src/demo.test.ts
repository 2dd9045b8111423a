/** A restart reuses the demo's tenant: same keys, same receivers, secrets still verifying. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSafePlaceAdmin } from '@safe-place/sdk/admin'
import { afterAll, describe, expect, it } from 'vitest'
import { type RunningDemo, startDemo } from './demo'

const dir = mkdtempSync(join(tmpdir(), 'safe-place-demo-'))
const free = { federation: 0, trusted_flagger: 0, moderation_vendor: 0, operations: 0 }
const start = () =>
  startDemo({
    dataDir: dir,
    hubPort: 0,
    pagePort: 0,
    mailPort: 0,
    receiverPorts: free,
    log: () => {},
    hubLogLevel: 'silent',
  })

let running: RunningDemo | undefined
afterAll(async () => {
  await running?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('startDemo', () => {
  it('seeds once, then finds its tenant again after a restart on new ports', async () => {
    const first = await start()
    const firstIds = Object.values(first.receivers).map((r) => r.id)
    await first.close()

    running = await start()
    expect(running.siteKey).toBe(first.siteKey)
    expect(running.operatorKey).toBe(first.operatorKey)
    expect(Object.values(running.receivers).map((r) => r.id)).toEqual(firstIds)

    const admin = createSafePlaceAdmin({ hubUrl: running.hubUrl, apiKey: running.operatorKey })
    expect(await admin.partners.list()).toHaveLength(4)
    const receivers = await admin.receivers.list()
    // Three receivers of reports, and the operators' alert endpoint.
    expect(receivers.map((r) => r.kind).sort()).toEqual([
      'federation',
      'moderation_vendor',
      'operations',
      'trusted_flagger',
    ])
    // Their URLs follow the receivers to their new ports, and the saved secrets still verify.
    for (const role of [
      'federation',
      'trusted_flagger',
      'moderation_vendor',
      'operations',
    ] as const) {
      const receiver = running.receivers[role]
      expect(receivers.find((r) => r.id === receiver.id)?.url).toBe(receiver.url)
      await admin.receivers.test(receiver.id)
      await receiver.waitForEvent((e) => e.type === 'webhook.test', 5000)
    }
  })

  it('names the flag to change when a port is taken', async () => {
    await expect(
      startDemo({ dataDir: dir, hubPort: Number(new URL(running!.hubUrl).port), log: () => {} }),
    ).rejects.toThrow(/--hub-port/)
  })
})
