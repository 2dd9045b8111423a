import { ReportCreatedEvent, WEBHOOK_MAX_BODY_BYTES } from '@safe-place/schemas'
import { describe, expect, it } from 'vitest'
import { consentFor, makeReport, PERSONAL } from '../../../test/delivery/support/report'
import { buildReportCreatedEvent } from './index'

const now = new Date('2026-11-23T01:00:01Z')
const rid = 'rcv_01RECEIVER000000'
const personalValues = Object.values(PERSONAL)

const consented = makeReport({ consents: consentFor(rid) })

function bodyOf(event: unknown) {
  return JSON.stringify(event)
}

describe('profiles', () => {
  it('content carries nothing about the reporter, whatever was consented', () => {
    const event = buildReportCreatedEvent(
      consented,
      { id: rid, kind: 'moderation_vendor', profile: 'content' },
      now,
    )
    const body = bodyOf(event)
    for (const value of personalValues) expect(body).not.toContain(value)
    expect(body).not.toContain('grantedAt')
    expect(body).not.toContain('"locale"')
    expect(body).not.toContain('"FR"')
    expect(body).not.toContain(consented.context.partnerId)
    expect(body).toContain('https://www.instagram.com/p/abc123/')
    expect(ReportCreatedEvent.safeParse(event).success).toBe(true)
  })

  it('full carries the consented report with contact, and only this receiver consent', () => {
    const report = makeReport({ consents: consentFor(rid, 'rcv_01SOMEONEELSE00') })
    const event = buildReportCreatedEvent(
      report,
      { id: rid, kind: 'federation', profile: 'full' },
      now,
    )
    const body = bodyOf(event)
    for (const value of personalValues) expect(body).toContain(value)
    expect(body).not.toContain('rcv_01SOMEONEELSE00')
    expect(ReportCreatedEvent.safeParse(event).success).toBe(true)
  })

  it('full without a consent for this receiver leaves contact and target handle out', () => {
    const event = buildReportCreatedEvent(
      makeReport(),
      { id: rid, kind: 'federation', profile: 'full' },
      now,
    )
    const body = bodyOf(event)
    expect(body).not.toContain(PERSONAL.contactEmail)
    expect(body).not.toContain(PERSONAL.targetHandle)
  })

  it('notice names the notifier only with consent, and says who notifies', () => {
    const withConsent = buildReportCreatedEvent(
      consented,
      { id: rid, kind: 'trusted_flagger', profile: 'notice' },
      now,
    )
    expect(withConsent.data).toMatchObject({
      profile: 'notice',
      notice: {
        source: 'SOURCE_TRUSTED_FLAGGER',
        notifier: { name: PERSONAL.contactName, email: PERSONAL.contactEmail },
        explanation: PERSONAL.description,
        goodFaith: true,
      },
    })
    const anonymous = buildReportCreatedEvent(
      makeReport(),
      { id: rid, kind: 'partner', profile: 'notice' },
      now,
    )
    expect(anonymous.data).toMatchObject({
      notice: { source: 'SOURCE_ARTICLE_16', notifier: null },
    })
    expect(bodyOf(anonymous)).not.toContain(PERSONAL.contactEmail)
    expect(bodyOf(anonymous)).not.toContain(PERSONAL.evidenceText)
    expect(ReportCreatedEvent.safeParse(anonymous).success).toBe(true)
  })

  it('stays under 20 KB by cutting texts and lists, and says what it cut', () => {
    const long = 'é'.repeat(5000)
    const url = (i: number) => `https://www.instagram.com/p/${'x'.repeat(1900)}${i}/`
    const report = makeReport({
      consents: consentFor(rid),
      what: { description: long, ongoing: false, raid: false },
      where: {
        platform: 'instagram',
        contentUrls: Array.from({ length: 20 }, (_, i) => url(i)),
        accounts: [{ handle: '@a' }],
      },
      evidence: {
        urls: Array.from({ length: 20 }, (_, i) => url(i)),
        texts: Array.from({ length: 10 }, () => 'z'.repeat(2000)),
        attachments: [],
      },
    })
    for (const profile of ['full', 'notice', 'content'] as const) {
      const event = buildReportCreatedEvent(report, { id: rid, kind: 'federation', profile }, now)
      const bytes = Buffer.byteLength(bodyOf(event))
      expect(bytes).toBeLessThanOrEqual(WEBHOOK_MAX_BODY_BYTES)
      expect(event.data.truncated?.length).toBeGreaterThan(0)
      expect(ReportCreatedEvent.safeParse(event).success).toBe(true)
    }
    const small = buildReportCreatedEvent(
      consented,
      { id: rid, kind: 'federation', profile: 'full' },
      now,
    )
    expect(small.data.truncated).toBeUndefined()
    const notice = buildReportCreatedEvent(
      makeReport({ what: { description: long, ongoing: false, raid: false } }),
      { id: rid, kind: 'partner', profile: 'notice' },
      now,
    )
    expect(Buffer.byteLength(bodyOf(notice))).toBeLessThanOrEqual(WEBHOOK_MAX_BODY_BYTES)
  })
})
