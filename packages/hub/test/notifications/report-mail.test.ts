/**
 * E-mails to the reporter through the mail outbox, against a real SMTP server on 127.0.0.1:
 * one neutral mail per status change — none of the report's values in it, no link —, never
 * twice for one event, none once she stops, none after withdrawal; an SMTP server refusing is
 * retried on the schedule without holding intake back. Bad requests get clear 4xx.
 */
import { Receipt, ReportStatusView } from '@safe-place/schemas'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mailOutbox, reportNotifications } from '../../src/db/schema'
import { makeTestHub, postReport, sampleReport } from '../support/test-hub'
import { asReporter, federationWithKey, type MailHub, makeMailHub, postStatus } from './support'

const NOTIFY = 'zq.notify.reporter.2718@example.org'
const DESCRIPTION = 'Il menace de publier mon adresse, compte zq_mail_threat_19'

let m: MailHub
beforeEach(async () => {
  m = await makeMailHub()
})
afterEach(async () => {
  await m.close()
})

async function sendReport(locale: 'fr' | 'en' = 'fr', notify = true) {
  const { receiver, key } = await federationWithKey(m.hub)
  const report = sampleReport({
    what: { description: DESCRIPTION, ongoing: true },
    consents: [{ receiverId: receiver.id, textVersion: '1', grantedAt: new Date().toISOString() }],
    context: { locale, source: 'widget' },
    ...(notify ? { notifications: { email: NOTIFY } } : {}),
  })
  const res = await postReport(m.hub, report)
  expect(res.status).toBe(201)
  return { receipt: Receipt.parse(await res.json()), key, report }
}

const removed = {
  status: 'action_taken',
  decision: {
    decision_visibility: ['DECISION_VISIBILITY_CONTENT_REMOVED'],
    decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
    incompatible_content_ground: 'Violent threats policy',
    incompatible_content_explanation: 'Threat against zq_mail_threat_19',
    automated_detection: 'No',
    automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
    territorial_scope: ['FR'],
    application_date: '2026-03-03',
  },
}

describe('e-mails to the reporter', () => {
  it('one neutral mail per status change, with none of the report in it', async () => {
    const { receipt, key, report } = await sendReport('fr')
    expect((await postStatus(m.hub, key, receipt.reference, removed)).status).toBe(200)
    await m.worker.runOnce()
    expect(m.smtp.mails).toHaveLength(1)
    const [mail] = m.smtp.mails
    expect(mail!.to).toEqual([NOTIFY])
    expect(mail!.subject).toBe('Du nouveau sur votre signalement')
    expect(mail!.text).toContain('Ouvrez-le avec votre référence et votre code')
    const forbidden = [
      receipt.reference,
      receipt.receiptToken,
      DESCRIPTION,
      'zq_mail_threat_19',
      'zq_secret_handle_91',
      report.where.contentUrls![0]!,
      (report.contact as { value: string }).value,
      'Instagram',
      'instagram',
      'Menace',
      'menace',
      'threat',
      'http://',
      'https://',
    ]
    for (const value of forbidden) expect(mail!.raw, value).not.toContain(value)
    // Sent once: running again finds nothing; the next change is one more mail.
    await m.worker.runOnce()
    expect(m.smtp.mails).toHaveLength(1)
    await postStatus(m.hub, key, receipt.reference, { status: 'referred_to_authorities' })
    await m.worker.runOnce()
    expect(m.smtp.mails).toHaveLength(2)
    const rows = await m.hub.handle.db.select().from(mailOutbox)
    expect(rows.map((r) => r.state)).toEqual(['sent', 'sent'])
  })

  it('writes in the report’s language', async () => {
    const { receipt, key } = await sendReport('en')
    await postStatus(m.hub, key, receipt.reference, { status: 'in_review' })
    await m.worker.runOnce()
    const [mail] = m.smtp.mails
    expect(mail?.text).toContain('Open it with your reference and your code')
    expect(mail?.subject).toBe('News about your report')
  })

  it('stops when she opts out: the address is gone, queued mails are cancelled', async () => {
    const { receipt, key } = await sendReport()
    const seen = ReportStatusView.parse(
      await (await asReporter(m.hub, receipt, 'GET', '/status')).json(),
    )
    expect(seen.notifications).toEqual({ active: true, channel: 'email' })
    await postStatus(m.hub, key, receipt.reference, { status: 'in_review' })
    const stopped = await asReporter(m.hub, receipt, 'DELETE', '/notifications')
    expect(stopped.status).toBe(200)
    expect(ReportStatusView.parse(await stopped.json()).notifications).toEqual({ active: false })
    expect(await m.hub.handle.db.select().from(reportNotifications)).toEqual([])
    await postStatus(m.hub, key, receipt.reference, { status: 'action_taken', actions: ['other'] })
    await m.worker.runOnce()
    expect(m.smtp.mails).toHaveLength(0)
    const rows = await m.hub.handle.db.select().from(mailOutbox)
    expect(rows.map((r) => r.state)).toEqual(['cancelled'])
    // She can start again from the follow view.
    const again = await asReporter(m.hub, receipt, 'PUT', '/notifications', { email: NOTIFY })
    expect(again.status).toBe(200)
    await postStatus(m.hub, key, receipt.reference, { status: 'referred_to_authorities' })
    await m.worker.runOnce()
    expect(m.smtp.mails).toHaveLength(1)
  })

  it('withdrawal erases the address and sends nothing more', async () => {
    const { receipt, key } = await sendReport()
    await postStatus(m.hub, key, receipt.reference, { status: 'in_review' })
    const withdrawn = await asReporter(m.hub, receipt, 'DELETE', '')
    expect(withdrawn.status).toBe(200)
    expect(await m.hub.handle.db.select().from(reportNotifications)).toEqual([])
    await m.worker.runOnce()
    expect(m.smtp.mails).toHaveLength(0)
    const again = await asReporter(m.hub, receipt, 'PUT', '/notifications', { email: NOTIFY })
    expect(again.status).toBe(410)
  })

  it('an SMTP server refusing is retried on the schedule, and never holds intake back', async () => {
    m.smtp.refuse = true
    const { receipt, key } = await sendReport()
    await postStatus(m.hub, key, receipt.reference, { status: 'in_review' })
    await m.worker.runOnce()
    let [row] = await m.hub.handle.db.select().from(mailOutbox)
    expect(row).toMatchObject({ state: 'failed', attempts: 1, lastError: 'smtp 451' })
    // Reports still go in while mail is failing.
    const other = await postReport(m.hub, sampleReport())
    expect(other.status).toBe(201)
    m.smtp.refuse = false
    await new Promise((r) => setTimeout(r, 40))
    await m.worker.runOnce()
    ;[row] = await m.hub.handle.db.select().from(mailOutbox)
    expect(row).toMatchObject({ state: 'sent', attempts: 2, lastError: null })
    expect(m.smtp.mails).toHaveLength(1)
  })

  it('gives up after the last retry: the row is dead, for operators to see', async () => {
    m.smtp.refuse = true
    const { receipt, key } = await sendReport()
    await postStatus(m.hub, key, receipt.reference, { status: 'in_review' })
    for (let i = 0; i < 5; i++) {
      await m.worker.runOnce()
      await new Promise((r) => setTimeout(r, 40))
    }
    const [row] = await m.hub.handle.db.select().from(mailOutbox)
    expect(row).toMatchObject({ state: 'dead', attempts: 4 })
    expect(m.smtp.mails).toHaveLength(0)
    // Operators see it through the API: state, code, the report's reference; no address.
    const listed = await m.hub.app.request('/v1/admin/mails?state=dead', {
      headers: { authorization: `Bearer ${m.hub.operatorKey}` },
    })
    expect(listed.status).toBe(200)
    const body = await listed.text()
    expect(JSON.parse(body).items).toEqual([
      expect.objectContaining({
        kind: 'report_update',
        state: 'dead',
        attempts: 4,
        lastError: 'smtp 451',
        reference: receipt.reference,
      }),
    ])
    expect(body).not.toContain(NOTIFY)
  })
})

describe('bad notification requests', () => {
  it('refuses a missing or invalid address, with the path', async () => {
    const { receipt } = await sendReport('fr', false)
    for (const [body, path] of [
      [{}, 'email'],
      [{ email: 'not-an-address' }, 'email'],
      [{ email: NOTIFY, extra: 1 }, '(root)'],
    ] as const) {
      const res = await asReporter(m.hub, receipt, 'PUT', '/notifications', body)
      expect(res.status).toBe(400)
      const { error } = (await res.json()) as { error: { details: { path: string }[] } }
      expect(error.details[0]?.path).toBe(path)
    }
    const intake = await postReport(
      m.hub,
      sampleReport({ notifications: { email: 'nope' } } as never),
    )
    expect(intake.status).toBe(400)
    const { error } = (await intake.json()) as { error: { details: { path: string }[] } }
    expect(error.details.map((d) => d.path)).toContain('notifications.email')
  })

  it('refuses a wrong receipt before reading the body, and a rate no person reaches', async () => {
    const { receipt } = await sendReport('fr', false)
    const forged = await asReporter(
      m.hub,
      { ...receipt, receiptToken: `rt_${'A'.repeat(43)}` },
      'PUT',
      '/notifications',
      { email: NOTIFY },
    )
    expect(forged.status).toBe(401)
    const codes: number[] = []
    // Start, stop, start…: five changes a minute pass, the sixth does not.
    for (let i = 0; i < 7; i++) {
      const res =
        i % 2
          ? await asReporter(m.hub, receipt, 'DELETE', '/notifications')
          : await asReporter(m.hub, receipt, 'PUT', '/notifications', { email: NOTIFY })
      codes.push(res.status)
    }
    expect(codes.slice(0, 5)).toEqual([200, 200, 200, 200, 200])
    expect(codes.slice(5)).toEqual([429, 429])
  })

  it('says so when the hub sends no e-mail at all', async () => {
    const plain = await makeTestHub()
    try {
      const res = await postReport(plain, sampleReport({ notifications: { email: NOTIFY } }))
      expect(res.status).toBe(422)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        'notifications_unavailable',
      )
      const config = await plain.app.request('/v1/widget-config', {
        headers: { 'safe-place-site-key': plain.siteKey, origin: 'https://partner.example' },
      })
      expect(((await config.json()) as { notifications: unknown }).notifications).toEqual({
        email: false,
      })
    } finally {
      await plain.close()
    }
  })
})
