import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { deliveryAttempts, messages, reports } from '../../src/db/schema'
import { rotateReceiverSecret } from '../../src/delivery/rotation'
import { replayMessage } from '../../src/delivery/transitions'
import { withdrawReport } from '../../src/reports/withdraw'
import { createTestDb, insertReceiver, insertReport, type TestDb } from './support/db'
import { engineFor, enqueue } from './support/engine'
import { type FakeSvix, startFakeSvix } from './support/fake-svix'

let t: TestDb
let svix: FakeSvix
beforeEach(async () => {
  t = await createTestDb()
  svix = await startFakeSvix()
})
afterEach(async () => {
  await svix.close()
  await t.cleanup()
})

const state = async (id: string) =>
  (await t.db.select().from(messages).where(eq(messages.id, id)))[0]

describe('Svix engine', () => {
  it('maps receivers to applications and endpoints, hands messages over with our id as eventId, reads state back', async () => {
    const r = await insertReceiver(t, 'https://hooks.example.org/safe-place')
    const ids = await enqueue(t, r.id, 2)
    const engine = engineFor(t, {
      engine: 'svix',
      svix: { apiKey: 'testsk_fake', serverUrl: svix.url },
    })
    expect(await engine.runOnce()).toBe(2)

    expect(svix.apps.has(r.id)).toBe(true)
    expect(svix.endpoints.get(r.id)).toMatchObject({
      url: 'https://hooks.example.org/safe-place',
      secret: r.secret,
    })
    expect([...svix.messages.keys()].sort()).toEqual([...ids].sort())
    expect(svix.messages.get(ids[0]!)?.eventType).toBe('webhook.test')
    expect(svix.messages.get(ids[0]!)?.payload).toMatchObject({ type: 'webhook.test' })
    for (const id of ids)
      expect(await state(id)).toMatchObject({ state: 'delivering', leaseOwner: 'svix' })
    // Handed over once: a second pass creates nothing new.
    const creates = () =>
      svix.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/msg')).length
    await engine.runOnce()
    expect(creates()).toBe(2)

    svix.attempts.set(ids[0]!, [
      { status: 2, code: 500 },
      { status: 0, code: 200 },
    ])
    svix.attempts.set(ids[1]!, [{ status: 2, code: 503 }])
    await engine.runOnce()
    expect(await state(ids[0]!)).toMatchObject({ state: 'succeeded', attempts: 2 })
    expect(await state(ids[1]!)).toMatchObject({ state: 'failed', attempts: 1 })
    const log = await t.db
      .select()
      .from(deliveryAttempts)
      .where(eq(deliveryAttempts.messageId, ids[0]!))
    expect(log.map((a) => a.responseStatus).sort()).toEqual([200, 500])
    await engine.runOnce() // reading twice does not duplicate the log
    expect(
      await t.db.select().from(deliveryAttempts).where(eq(deliveryAttempts.messageId, ids[0]!)),
    ).toHaveLength(2)

    // Replay: Svix already has the eventId (409), so the engine asks it to resend.
    expect(await t.write((tx) => replayMessage(tx, ids[1]!, new Date()))).toBe('replayed')
    await engine.runOnce()
    expect(svix.calls.some((c) => c.path.endsWith(`/msg/${ids[1]}/endpoint/${r.id}/resend`))).toBe(
      true,
    )
    expect(creates()).toBe(3)

    // Rotation: Svix's endpoint secret follows ours.
    const rotated = await t.write((tx) => rotateReceiverSecret(tx, t.keyring, r.id, new Date()))
    await enqueue(t, r.id, 1)
    await engine.runOnce()
    expect(svix.endpoints.get(r.id)?.secret).toBe(rotated?.secret)
    await engine.stop()
  })

  it('retries the hand-over on our schedule when Svix is unreachable', async () => {
    const r = await insertReceiver(t, 'https://hooks.example.org/x')
    const [id] = await enqueue(t, r.id)
    const engine = engineFor(t, { engine: 'svix', svix: { apiKey: 'wrong', serverUrl: svix.url } })
    await engine.runOnce()
    await engine.stop()
    expect(await state(id!)).toMatchObject({ state: 'failed', attempts: 1 })
    expect((await state(id!))?.lastError).toMatch(/Svix hand-over failed/)
  })

  it('asks Svix to keep payloads 7 days at most, and expunges them when the report is erased', async () => {
    const r = await insertReceiver(t, 'https://hooks.example.org/erase')
    const report = await insertReport(t)
    const [id] = await enqueue(t, r.id, 1, { reportId: report.id })
    const engine = engineFor(t, {
      engine: 'svix',
      svix: { apiKey: 'testsk_fake', serverUrl: svix.url },
    })
    await engine.runOnce()
    expect(svix.messages.get(id!)).toMatchObject({ payloadRetentionPeriod: 7 })
    svix.attempts.set(id!, [{ status: 0, code: 200 }])
    await engine.runOnce()
    expect(await state(id!)).toMatchObject({ state: 'succeeded', handedTo: 'svix' })

    const [row] = await t.db.select().from(reports).where(eq(reports.id, report.id))
    await t.write((tx) => withdrawReport(tx, t.keyring, row!, new Date()))
    await engine.runOnce()
    const expunges = () =>
      svix.calls.filter((c) => c.method === 'DELETE').map((c) => c.path.split(`/msg/${id}/`)[1])
    expect(expunges()).toEqual(['content', `attempt/atmpt_${id}_0/content`])
    expect(svix.messages.get(id!)?.payload).toBeNull()
    expect((await state(id!))?.remoteErasedAt).toBeInstanceOf(Date)
    // Once is enough.
    await engine.runOnce()
    expect(expunges()).toHaveLength(2)
    await engine.stop()
  })
})
