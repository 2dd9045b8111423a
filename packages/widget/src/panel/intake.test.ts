import { ReportIntake } from '@safe-place/schemas'
import { describe, expect, it } from 'vitest'
import { emptyDraft } from './draft'
import { toIntake } from './intake'

const config = {
  partner: { name: 'P' },
  categories: ['threat' as const],
  receivers: [
    {
      id: 'rcv_federation0001',
      kind: 'federation' as const,
      profile: 'full' as const,
      name: { fr: 'F', en: 'F' },
      purpose: { fr: 'p', en: 'p' },
      consentRequired: true,
      consentTextVersion: 'v3',
      categories: ['threat' as const],
    },
  ],
  challenge: { required: false },
  limits: { attachmentsMax: 5, attachmentMaxBytes: 1000 },
  theme: { mode: 'light' as const },
}

describe('toIntake', () => {
  it('builds a report the hub schema accepts, with only what was given', () => {
    const draft = {
      ...emptyDraft(),
      category: 'threat' as const,
      platform: 'x' as const,
      urls: ' https://x.com/a/status/1 \n\n',
      accounts: '@bad\nhttps://x.com/bad2',
      description: '  threats  ',
      consents: { rcv_federation0001: '2026-01-01T00:00:00.000Z', rcv_unknown00000001: 'x' },
      channel: 'email' as const,
      contactValue: ' me@example.org ',
    }
    const report = toIntake(draft, { locale: 'en', country: 'FR', config })
    expect(ReportIntake.safeParse(report).success).toBe(true)
    expect(report.where?.contentUrls).toEqual(['https://x.com/a/status/1'])
    expect(report.where?.accounts).toEqual([{ handle: '@bad' }, { url: 'https://x.com/bad2' }])
    expect(report.what?.description).toBe('threats')
    expect(report.consents).toEqual([
      {
        receiverId: 'rcv_federation0001',
        textVersion: 'v3',
        grantedAt: '2026-01-01T00:00:00.000Z',
      },
    ])
    expect(report.contact).toEqual({ channel: 'email', value: 'me@example.org' })
    expect(report.who?.targetIsWomanOrGirl).toBeUndefined()
    expect(report.context).toMatchObject({ locale: 'en', country: 'FR', source: 'widget' })
    expect(report).not.toHaveProperty('homepage')
    expect(report).not.toHaveProperty('subtypes')
  })

  it('never shares with a receiver for sexual content involving a minor', () => {
    const draft = {
      ...emptyDraft(),
      category: 'minor_sexual' as const,
      platform: 'tiktok' as const,
      urls: 'https://tiktok.com/v/1',
      consents: { rcv_federation0001: '2026-01-01T00:00:00.000Z' },
    }
    const report = toIntake(draft, {
      locale: 'fr',
      config: { ...config, categories: ['minor_sexual'] },
    })
    expect(report.consents).toEqual([])
    expect(ReportIntake.safeParse(report).success).toBe(true)
  })
})
