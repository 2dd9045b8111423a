import { desc, eq } from 'drizzle-orm'
import { Webhook as StandardWebhook } from 'standardwebhooks'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { messages, reports, timelineEvents } from '../../src/db/schema'
import { manualClock } from '../../src/delivery/clock'
import { enqueueMessages } from '../../src/delivery/outbox'
import { buildReportCreatedEvent } from '../../src/delivery/payloads'
import { rotateReceiverSecret } from '../../src/delivery/rotation'
import { applyStatusUpdate } from '../../src/delivery/status-update'
import { replayFailedMessages, replayMessage } from '../../src/delivery/transitions'
import { HubError } from '../../src/hub-error'
import { statusViewOf } from '../../src/reports/status-view'
import { withdrawReport } from '../../src/reports/withdraw'
import { createTestDb, insertReceiver, insertReport, type TestDb } from './support/db'
import { engineFor, enqueue } from './support/engine'
import { ok, startReceiver, type TestServer } from './support/receiver-server'
import { makeReport } from './support/report'

let t: TestDb
let server: TestServer
beforeEach(async () => {
  t = await createTestDb()
  server = await startReceiver()
})
afterEach(async () => {
  await server.close()
  await t.cleanup()
})

const bodies = () =>
  server.received.map((r) => JSON.parse(r.body) as { type: string; data: Record<string, unknown> })

async function routeTo(report: { id: string; reference: string }, ...receiverIds: string[]) {
  const normalised = makeReport({ reference: report.reference })
  return t.write((tx) =>
    enqueueMessages(
      tx,
      t.keyring,
      receiverIds.map((receiverId) => ({
        receiverId,
        reportId: report.id,
        event: buildReportCreatedEvent(
          normalised,
          { id: receiverId, kind: 'federation', profile: 'full' },
          new Date(),
        ),
        urgent: false,
      })),
      new Date(),
    ),
  )
}

describe('status updates from receivers', () => {
  it('records the status, tells the other receivers, sets first_action_at once', async () => {
    const a = await insertReceiver(t, server.url, { kind: 'trusted_flagger', profile: 'notice' })
    const b = await insertReceiver(t, server.url)
    const stranger = await insertReceiver(t, server.url)
    const report = await insertReport(t)
    await routeTo(report, a.id, b.id)
    const engine = engineFor(t)
    await engine.runOnce()
    server.received.length = 0

    const first = new Date(Date.now() - 60_000)
    const result = await t.write((tx) =>
      applyStatusUpdate(tx, t.keyring, {
        reference: report.reference,
        receiverId: a.id,
        update: {
          status: 'action_taken',
          actions: ['content_removed'],
          noteForReporter: 'La publication a été retirée.',
        },
        now: first,
      }),
    )
    expect(result).toMatchObject({ reference: report.reference, status: 'action_taken' })
    await t.write((tx) =>
      applyStatusUpdate(tx, t.keyring, {
        reference: report.reference,
        receiverId: a.id,
        update: { status: 'in_review' },
        now: new Date(Date.now() - 1000),
      }),
    )
    const [row] = await t.db.select().from(reports).where(eq(reports.id, report.id))
    expect(row?.status).toBe('in_review')
    expect(row?.firstActionAt?.toISOString()).toBe(first.toISOString())
    const events = await t.db
      .select()
      .from(timelineEvents)
      .where(eq(timelineEvents.kind, 'status_changed'))
      .orderBy(desc(timelineEvents.at))
    expect(events.map((e) => e.status)).toEqual(['in_review', 'action_taken'])
    expect(events[1]?.noteSealed).toBeTruthy()
    expect(events[1]?.actions).toEqual(['content_removed'])
    // The reporter reads what was done, in words, then the receiver's note.
    const view = await statusViewOf(t.db, t.keyring, row!, 'fr')
    expect(view.timeline.map((e) => e.message)).toContain(
      'Des mesures ont été prises à la suite de votre signalement. Le contenu a été retiré. La publication a été retirée.',
    )

    await engine.runOnce()
    await engine.stop()
    // Only b hears about it, twice; a (the sender) and the stranger never.
    const changed = bodies().filter((x) => x.type === 'report.status_changed')
    expect(changed).toHaveLength(2)
    expect(
      server.received.every((r) =>
        new StandardWebhook(b.secret).verify(r.body, r.headers as Record<string, string>),
      ),
    ).toBe(true)
    expect(changed[0]?.data).toMatchObject({
      reference: report.reference,
      changedBy: 'receiver',
    })
    expect(JSON.stringify(changed)).not.toContain('retirée')
    // Nothing names the receiver that acted, nor its kind.
    expect(JSON.stringify(changed)).not.toContain(a.id)
    expect(JSON.stringify(changed)).not.toContain('trusted_flagger')
    void stranger
  })

  it('refuses a receiver the report was not routed to, and a withdrawn report', async () => {
    const a = await insertReceiver(t, server.url)
    const other = await insertReceiver(t, server.url)
    const report = await insertReport(t)
    await routeTo(report, a.id)
    await expect(
      t.write((tx) =>
        applyStatusUpdate(tx, t.keyring, {
          reference: report.reference,
          receiverId: other.id,
          update: { status: 'acknowledged' },
          now: new Date(),
        }),
      ),
    ).rejects.toMatchObject({ code: 'not_found' })
    await expect(
      t.write((tx) =>
        applyStatusUpdate(tx, t.keyring, {
          reference: 'SP-2222-2222',
          receiverId: a.id,
          update: { status: 'acknowledged' },
          now: new Date(),
        }),
      ),
    ).rejects.toBeInstanceOf(HubError)
    await t.write((tx) =>
      tx
        .update(reports)
        .set({ status: 'withdrawn', withdrawnAt: new Date() })
        .where(eq(reports.id, report.id)),
    )
    await expect(
      t.write((tx) =>
        applyStatusUpdate(tx, t.keyring, {
          reference: report.reference,
          receiverId: a.id,
          update: { status: 'acknowledged' },
          now: new Date(),
        }),
      ),
    ).rejects.toMatchObject({ code: 'report_withdrawn' })
  })
})

describe('withdrawal', () => {
  it('cancels what has not left and asks every receiver that got it to erase', async () => {
    const got = await insertReceiver(t, server.url)
    const late = await insertReceiver(t, server.url, { enabled: false })
    const report = await insertReport(t)
    const [sent] = await routeTo(report, got.id)
    const engine = engineFor(t)
    await engine.runOnce()
    const [pending] = await routeTo(report, late.id)
    server.received.length = 0

    const [row] = await t.db.select().from(reports).where(eq(reports.id, report.id))
    await t.write((tx) => withdrawReport(tx, t.keyring, row!, new Date()))
    const rows = await t.db.select().from(messages).where(eq(messages.reportId, report.id))
    const byId = new Map(rows.map((r) => [r.id, r]))
    expect(byId.get(pending!)).toMatchObject({ state: 'cancelled', payloadSealed: null })
    expect(byId.get(sent!)).toMatchObject({ state: 'succeeded', payloadSealed: null })
    const withdrawn = rows.filter((r) => r.eventType === 'report.withdrawn')
    expect(withdrawn.map((r) => r.receiverId)).toEqual([got.id])
    expect(await t.write((tx) => replayMessage(tx, sent!, new Date()))).toBe('erased')

    await engine.runOnce()
    await engine.stop()
    expect(bodies()).toHaveLength(1)
    expect(bodies()[0]).toMatchObject({
      type: 'report.withdrawn',
      data: { reference: report.reference, erase: true },
    })
  })
})

describe('rotation', () => {
  it('sends two signatures during the overlap, both verify, then only the new one', async () => {
    const r = await insertReceiver(t, server.url)
    const clock = manualClock()
    const rotated = await t.write((tx) =>
      rotateReceiverSecret(tx, t.keyring, r.id, new Date(clock.now())),
    )
    expect(rotated?.secret).toMatch(/^whsec_/)
    await enqueue(t, r.id, 1, { now: new Date(clock.now()) })
    const engine = engineFor(t)
    await engine.runOnce()
    const [during] = server.received
    expect(String(during?.headers['webhook-signature']).split(' ')).toHaveLength(2)
    const headers = during?.headers as Record<string, string>
    expect(() => new StandardWebhook(r.secret).verify(during!.body, headers)).not.toThrow()
    expect(() => new StandardWebhook(rotated!.secret).verify(during!.body, headers)).not.toThrow()

    clock.advance(24 * 3600_000 + 1)
    await enqueue(t, r.id, 1, { now: new Date(clock.now()) })
    const later = engineFor(t, { clock })
    await later.runOnce()
    await Promise.all([engine.stop(), later.stop()])
    const after = server.received[1]!
    expect(String(after.headers['webhook-signature']).split(' ')).toHaveLength(1)
    // Signed at the simulated time: verify the signature itself, not its freshness.
    const ts = Number(after.headers['webhook-timestamp'])
    expect(ts * 1000).toBeGreaterThan(Date.now() + 23 * 3600_000)
  })
})

describe('replay', () => {
  it('replays one message, and every failed one of a receiver in a time range', async () => {
    server.respond = (_r, _i, res) => res.writeHead(500).end()
    const r = await insertReceiver(t, server.url)
    const old = await enqueue(t, r.id, 2, { now: new Date('2026-11-20T00:00:00Z') })
    const recent = await enqueue(t, r.id, 3, { now: new Date('2026-11-22T00:00:00Z') })
    const engine = engineFor(t, { retryScheduleMs: [0] })
    await engine.runOnce()
    const dead = await t.db.select().from(messages)
    expect(dead.every((m) => m.state === 'dead')).toBe(true)

    server.respond = ok
    server.received.length = 0
    expect(
      await t.write((tx) =>
        replayFailedMessages(
          tx,
          r.id,
          new Date('2026-11-21T00:00:00Z'),
          new Date('2026-11-23T00:00:00Z'),
          new Date(),
        ),
      ),
    ).toBe(3)
    await engine.runOnce()
    expect(new Set(server.received.map((q) => q.headers['webhook-id']))).toEqual(new Set(recent))
    expect(await t.write((tx) => replayMessage(tx, old[0]!, new Date()))).toBe('replayed')
    expect(await t.write((tx) => replayMessage(tx, 'msg_nope', new Date()))).toBe('not_found')
    await engine.runOnce()
    await engine.stop()
    expect(server.received.at(-1)?.headers['webhook-id']).toBe(old[0])
    const [row] = await t.db.select().from(messages).where(eq(messages.id, old[0]!))
    expect(row?.state).toBe('succeeded')
  })
})
