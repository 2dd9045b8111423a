import { Receipt } from '@safe-place/schemas'
import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { jpegWithGps } from '../../test/support/images'
import { makeTestHub, postReport, sampleReport, type TestHub } from '../../test/support/test-hub'
import { reports } from '../db/schema'
import { purgeExpired } from './purge'

const DAY = 24 * 60 * 60 * 1000
const retention = { attachmentsDays: 30, closedReportDays: 60, anyReportDays: 365 }
let hub: TestHub
beforeEach(async () => {
  hub = await makeTestHub()
})
afterEach(() => hub.close())

async function send(category = 'threat') {
  const form = new FormData()
  form.append('report', JSON.stringify(sampleReport({ category: category as 'threat' })))
  form.append(
    'attachments',
    new Blob([new Uint8Array(await jpegWithGps())], { type: 'image/jpeg' }),
    'a.jpg',
  )
  return Receipt.parse(await (await postReport(hub, null, { raw: form })).json())
}

const row = async (reference: string) =>
  (await hub.handle.db.select().from(reports).where(eq(reports.reference, reference)))[0]!

describe('retention', () => {
  it('purges attachments, then closed reports, then every report, by their periods', async () => {
    const open = await send()
    const closed = await send('harassment')
    await hub.handle.write((tx) =>
      tx
        .update(reports)
        .set({ status: 'no_action' })
        .where(eq(reports.reference, closed.reference)),
    )
    const files = async () =>
      Number(
        (
          await hub.client.execute(
            'select count(*) as n from attachments where data_sealed is not null',
          )
        ).rows[0]?.n,
      )
    expect(await files()).toBe(2)

    // Nothing is due yet.
    expect(await purgeExpired(hub.handle, retention, new Date(Date.now() + 10 * DAY))).toEqual({
      attachments: 0,
      reports: 0,
    })

    // After 31 days: the files go, the reports stay.
    expect(await purgeExpired(hub.handle, retention, new Date(Date.now() + 31 * DAY))).toEqual({
      attachments: 2,
      reports: 0,
    })
    expect(await files()).toBe(0)
    expect((await row(open.reference)).sealed).not.toBeNull()

    // After 61 days: the closed report's personal fields go, not the open one's.
    expect(
      (await purgeExpired(hub.handle, retention, new Date(Date.now() + 61 * DAY))).reports,
    ).toBe(1)
    expect((await row(closed.reference)).sealed).toBeNull()
    expect((await row(closed.reference)).purgedAt).not.toBeNull()
    expect((await row(closed.reference)).category).toBe('harassment')
    expect((await row(open.reference)).sealed).not.toBeNull()

    // After a year: every report.
    expect(
      (await purgeExpired(hub.handle, retention, new Date(Date.now() + 366 * DAY))).reports,
    ).toBe(1)
    expect((await row(open.reference)).sealed).toBeNull()

    // The reporter is told in the status timeline.
    const status = await hub.app.request(`/v1/reports/${open.reference}/status?locale=en`, {
      headers: { authorization: `Bearer ${open.receiptToken}` },
    })
    expect(JSON.stringify(await status.json())).toMatch(/erased after the retention period/)
  })
})
