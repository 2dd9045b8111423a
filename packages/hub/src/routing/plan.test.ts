import { describe, expect, it } from 'vitest'
import { consentFor, makeReport, PERSONAL } from '../../test/delivery/support/report'
import type { ReceiverRow } from '../db/rows'
import { planReportMessages } from './plan'
import { mergeRoutingRules } from './rules'

const PARTNER = 'prt_01JTESTPARTNER00000000000'

function receiver(
  id: string,
  kind: string,
  profile: string,
  extra: Partial<ReceiverRow> = {},
): ReceiverRow {
  return {
    id,
    partnerId: PARTNER,
    kind,
    name: { fr: id, en: id },
    purpose: { fr: id, en: id },
    url: 'https://hooks.example.org/',
    profile,
    filters: {},
    consentRequired: true,
    consentTextVersion: '1',
    secretSealed: 'x',
    previousSecretSealed: null,
    previousSecretExpiresAt: null,
    enabled: true,
    disabledReason: null,
    concurrency: 4,
    ratePerSecond: 20,
    failingSince: null,
    createdAt: new Date(0),
    updatedAt: null,
    ...extra,
  }
}

const federation = receiver('rcv_01FEDERATION0000', 'federation', 'full')
const hotline = receiver('rcv_01HOTLINE000000', 'trusted_flagger', 'notice')
const vendor = receiver('rcv_01VENDOR0000000', 'moderation_vendor', 'content', {
  filters: { platforms: ['instagram', 'tiktok'] },
})
const partner = receiver('rcv_01PARTNER000000', 'partner', 'notice')
const all = [federation, hotline, vendor, partner]
const everyone = consentFor(...all.map((r) => r.id))
const now = new Date('2026-11-23T01:00:01Z')

const sentTo = (plan: ReturnType<typeof planReportMessages>) =>
  plan.messages.map((m) => m.receiverId)
const reasonFor = (plan: ReturnType<typeof planReportMessages>, id: string) =>
  plan.decisions.find((d) => d.receiverId === id)

describe('routing plan', () => {
  it('sends to every consented receiver whose rules cover the report', () => {
    const plan = planReportMessages({
      report: makeReport({ consents: everyone }),
      receivers: all,
      now,
    })
    expect(sentTo(plan).sort()).toEqual(all.map((r) => r.id).sort())
    expect(plan.decisions.every((d) => d.reason === 'consented')).toBe(true)
  })

  it('sends nothing to a receiver requiring consent without one', () => {
    const plan = planReportMessages({
      report: makeReport({ consents: consentFor(federation.id) }),
      receivers: all,
      now,
    })
    expect(sentTo(plan)).toEqual([federation.id])
    expect(reasonFor(plan, hotline.id)).toMatchObject({ decision: 'skip', reason: 'no_consent' })
    const open = receiver('rcv_01OPEN00000000', 'federation', 'full', { consentRequired: false })
    const plan2 = planReportMessages({ report: makeReport(), receivers: [open], now })
    expect(plan2.decisions[0]).toMatchObject({ decision: 'send', reason: 'consent_not_required' })
  })

  it('never sends minor_sexual to a vendor, a partner or the federation, even with consent', () => {
    for (const consents of [everyone, []]) {
      const plan = planReportMessages({
        report: makeReport({ category: 'minor_sexual', consents, contact: null }),
        receivers: all,
        now,
      })
      expect(sentTo(plan)).toEqual([hotline.id])
      for (const r of [federation, vendor, partner]) {
        expect(reasonFor(plan, r.id)).toMatchObject({
          decision: 'skip',
          reason: 'minor_sexual_hotline_only',
        })
      }
    }
    // Not even when the configuration tries to widen the rules.
    const rules = mergeRoutingRules({
      federation: { categories: '*' },
      moderation_vendor: { categories: ['minor_sexual'] },
    })
    const plan = planReportMessages({
      report: makeReport({ category: 'minor_sexual', consents: everyone }),
      receivers: all,
      now,
      rules,
    })
    expect(sentTo(plan)).toEqual([hotline.id])
  })

  it('sends minor_sexual anonymously to the hotline without consent and without attachments', () => {
    const plan = planReportMessages({
      report: makeReport({ category: 'minor_sexual', consents: [], contact: null }),
      receivers: all,
      now,
    })
    expect(reasonFor(plan, hotline.id)).toMatchObject({
      decision: 'send',
      reason: 'consent_not_required',
    })
  })

  it('does not share an under-15 target on their own consent: hotline only, without contact', () => {
    const report = makeReport({
      consents: everyone,
      who: { role: 'target', targetAge: 'under_15', minorInvolved: true },
    })
    const plan = planReportMessages({ report, receivers: all, now })
    expect(sentTo(plan)).toEqual([hotline.id])
    expect(reasonFor(plan, federation.id)?.reason).toBe('under_15_hotline_only')
    const body = JSON.stringify(plan.messages[0]?.event)
    expect(body).not.toContain(PERSONAL.contactEmail)
    // A parent reporting for the child may consent.
    const byParent = makeReport({
      consents: everyone,
      who: { role: 'representative', targetAge: 'under_15', minorInvolved: true },
    })
    expect(sentTo(planReportMessages({ report: byParent, receivers: all, now }))).toHaveLength(4)
  })

  it('offers the trusted flagger harassment, stalking, impersonation and raids, opt-in', () => {
    for (const category of ['harassment', 'cyberstalking', 'impersonation'] as const) {
      const consented = makeReport({ category, consents: consentFor(hotline.id) })
      const plan = planReportMessages({ report: consented, receivers: [hotline], now })
      expect(plan.decisions[0], category).toMatchObject({ decision: 'send', reason: 'consented' })
      // Opt-in as before: without the reporter's consent for it, the flagger gets nothing.
      const silent = planReportMessages({
        report: makeReport({ category }),
        receivers: [hotline],
        now,
      })
      expect(silent.decisions[0], category).toMatchObject({
        decision: 'skip',
        reason: 'no_consent',
      })
    }
    // A pile-on of insults is not in its categories, but a raid of any category is.
    const insults = makeReport({ category: 'insult_bullying', consents: consentFor(hotline.id) })
    expect(
      planReportMessages({ report: insults, receivers: [hotline], now }).decisions[0]?.reason,
    ).toBe('category_not_covered')
    const raid = { ...insults, what: { ...insults.what, raid: true } }
    expect(
      planReportMessages({ report: raid, receivers: [hotline], now }).decisions[0],
    ).toMatchObject({ decision: 'send', reason: 'consented' })
  })

  it('applies the rule table and each receiver filter, with reasons', () => {
    const insults = makeReport({ category: 'insult_bullying', consents: everyone })
    const plan = planReportMessages({ report: insults, receivers: all, now })
    expect(reasonFor(plan, hotline.id)?.reason).toBe('category_not_covered')
    expect(reasonFor(plan, vendor.id)?.decision).toBe('send')

    const onX = makeReport({
      consents: everyone,
      where: { platform: 'x', contentUrls: ['https://x.com/a/status/1'], accounts: [] },
    })
    const plan2 = planReportMessages({ report: onX, receivers: all, now })
    expect(reasonFor(plan2, vendor.id)?.reason).toBe('platform_not_covered')
    // The partner gets reports sent through its own site without a platforms filter.
    expect(reasonFor(plan2, partner.id)?.decision).toBe('send')
    const other = { ...partner, partnerId: 'prt_01OTHER0000000000000000' }
    expect(planReportMessages({ report: onX, receivers: [other], now }).decisions[0]?.reason).toBe(
      'platform_not_covered',
    )

    const belgian = receiver('rcv_01BELGIAN00000', 'federation', 'full', {
      filters: { countries: ['BE'] },
    })
    const plan3 = planReportMessages({
      report: makeReport({ consents: consentFor(belgian.id) }),
      receivers: [belgian],
      now,
    })
    expect(plan3.decisions[0]?.reason).toBe('country_not_covered')

    const raid = makeReport({
      category: 'other',
      consents: everyone,
      what: { ongoing: true, raid: true },
    })
    expect(
      reasonFor(planReportMessages({ report: raid, receivers: all, now }), vendor.id)?.decision,
    ).toBe('send')
  })

  it('skips disabled receivers', () => {
    const off = { ...federation, enabled: false }
    const plan = planReportMessages({
      report: makeReport({ consents: everyone }),
      receivers: [off],
      now,
    })
    expect(plan.decisions[0]).toMatchObject({ decision: 'skip', reason: 'receiver_disabled' })
    expect(plan.messages).toHaveLength(0)
  })

  it('marks urgent reports urgent', () => {
    const plan = planReportMessages({
      report: makeReport({ urgent: true, consents: everyone }),
      receivers: [federation],
      now,
    })
    expect(plan.messages[0]?.urgent).toBe(true)
  })
})
