/**
 * Order per report: for one receiver, a report's messages are claimed one at a time in their
 * chain order; a later one waits while an earlier one may still go out, and other reports and
 * other receivers are not held up.
 */
import type { WebhookEvent } from '@safe-place/schemas'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { enqueueMessages } from '../../src/delivery/outbox'
import { claimDue } from '../../src/delivery/transitions'
import { createTestDb, insertReceiver, insertReport, type TestDb } from './support/db'

let t: TestDb
beforeEach(async () => {
  t = await createTestDb()
})
afterEach(() => t.cleanup())

const event = (type: string): WebhookEvent =>
  ({
    type: 'webhook.test',
    timestamp: new Date().toISOString(),
    data: { receiverId: 'x', message: type },
  }) as WebhookEvent

async function queue(receiverId: string, reportId: string, reportSeq: number, urgent = false) {
  const [id] = await t.write((tx) =>
    enqueueMessages(
      tx,
      t.keyring,
      [{ receiverId, reportId, event: event(`s${reportSeq}`), urgent, reportSeq }],
      new Date(0),
    ),
  )
  return id!
}

async function claim(): Promise<string[]> {
  const claimed = await t.write((tx) =>
    claimDue(tx, { workerId: 'w', now: Date.now(), leaseMs: 60_000, limit: 50 }),
  )
  return claimed.map((m) => m.id).sort()
}

async function settle(id: string, state: string, nextAttemptAt: number | null = null) {
  await t.client.execute({
    sql: 'UPDATE messages SET state = ?, next_attempt_at = ?, lease_owner = NULL, lease_expires_at = NULL WHERE id = ?',
    args: [state, nextAttemptAt, id],
  })
}

describe('claimDue, in order per report and receiver', () => {
  it('holds a later message while an earlier one may still go out, and no one else', async () => {
    const a = await insertReceiver(t, 'http://127.0.0.1:1/a')
    const b = await insertReceiver(t, 'http://127.0.0.1:1/b')
    const r1 = await insertReport(t)
    const r2 = await insertReport(t)
    const created = await queue(a.id, r1.id, 2)
    const update1 = await queue(a.id, r1.id, 3)
    const update2 = await queue(a.id, r1.id, 4)
    // Urgent does not jump the queue of its own report.
    const withdrawn = await queue(a.id, r1.id, 5, true)
    const otherReport = await queue(a.id, r2.id, 2)
    const otherReceiver = await queue(b.id, r1.id, 2)
    const unordered = (
      await t.write((tx) =>
        enqueueMessages(
          tx,
          t.keyring,
          [{ receiverId: a.id, reportId: null, event: event('test'), urgent: false }],
          new Date(0),
        ),
      )
    )[0]!

    expect(await claim()).toEqual([created, otherReport, otherReceiver, unordered].sort())
    // The first delivery fails and will be tried again later: the rest of its report waits.
    await settle(created, 'failed', Date.now() + 60_000)
    for (const id of [otherReport, otherReceiver, unordered]) await settle(id, 'succeeded')
    expect(await claim()).toEqual([])
    // It dies (or succeeds): the next one goes, and only it.
    await settle(created, 'dead')
    expect(await claim()).toEqual([update1])
    await settle(update1, 'succeeded')
    expect(await claim()).toEqual([update2])
    // A failure with no retry to come (Svix gave up) holds nothing.
    await settle(update2, 'failed', null)
    expect(await claim()).toEqual([withdrawn])
  })

  it('lets a message through when an earlier one was cancelled by a withdrawal', async () => {
    const a = await insertReceiver(t, 'http://127.0.0.1:1/a')
    const r = await insertReport(t)
    const created = await queue(a.id, r.id, 2)
    const withdrawn = await queue(a.id, r.id, 3, true)
    await settle(created, 'cancelled')
    expect(await claim()).toEqual([withdrawn])
  })

  it('uses the index by report, receiver and order for the check', async () => {
    const plan = await t.client.execute(
      `EXPLAIN QUERY PLAN SELECT 1 FROM messages e WHERE e.report_id = 'r' AND e.receiver_id = 'a' AND e.report_seq < 3 AND e.state IN ('pending', 'delivering')`,
    )
    expect(JSON.stringify(plan.rows)).toContain('messages_report_order')
  })
})
