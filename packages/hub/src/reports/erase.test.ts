import { Receipt } from '@safe-place/schemas'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  addReceiver,
  EMAIL,
  makeTestHub,
  postReport,
  sampleReport,
  type TestHub,
} from '../../test/support/test-hub'

let hub: TestHub
beforeEach(async () => {
  hub = await makeTestHub()
})
afterEach(() => hub.close())

/** A report routed to one receiver, whose (pending) message got an answer echoing the contact. */
async function deliveredWithEcho(receiverId: string, attemptId: string) {
  const res = await postReport(
    hub,
    sampleReport({
      consents: [{ receiverId, textVersion: '1', grantedAt: new Date().toISOString() }],
    }),
  )
  const receipt = Receipt.parse(await res.json())
  const message = await hub.client.execute({
    sql: 'select m.id from messages m join reports r on r.id = m.report_id where r.reference = ?',
    args: [receipt.reference],
  })
  const messageId = String(message.rows[0]?.id)
  await hub.client.execute({
    sql: `insert into delivery_attempts (id, message_id, worker_id, attempted_at, response_status, duration_ms, response_body, error)
          values (?, ?, 'w1', ?, 422, 5, ?, 'The endpoint answered 422')`,
    args: [attemptId, messageId, Date.now(), `{"invalid":"contact.value=${EMAIL}"}`],
  })
  return receipt
}

const bodyOf = async (attemptId: string) =>
  (
    await hub.client.execute({
      sql: 'select response_body from delivery_attempts where id = ?',
      args: [attemptId],
    })
  ).rows[0]?.response_body

describe('erasing a report', () => {
  it('also erases what receivers answered to its deliveries, and only its own', async () => {
    const receiver = await addReceiver(hub)
    const withdrawn = await deliveredWithEcho(receiver.id, 'att_withdrawn')
    await deliveredWithEcho(receiver.id, 'att_kept')
    expect(await bodyOf('att_withdrawn')).toContain(EMAIL)

    const res = await hub.app.request(`/v1/reports/${withdrawn.reference}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${withdrawn.receiptToken}` },
    })
    expect(res.status).toBe(200)
    expect(await bodyOf('att_withdrawn')).toBeNull()
    expect(await bodyOf('att_kept')).toContain(EMAIL)
  })
})
