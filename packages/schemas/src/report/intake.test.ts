import { describe, expect, it } from 'vitest'
import { issuesToDetails } from '../errors'
import { ReportIntake, type ReportIntakeInput } from './intake'

const valid: ReportIntakeInput = {
  category: 'harassment',
  what: { description: 'Des centaines de messages depuis hier soir.', ongoing: true, raid: true },
  where: {
    platform: 'instagram',
    contentUrls: ['https://www.instagram.com/p/abc123/'],
    accounts: [{ handle: '@troll_42' }],
  },
  who: { role: 'target', targetIsWomanOrGirl: true },
  consents: [
    { receiverId: 'rcv_01JABCDEFGHJKMNPQRST', textVersion: '1', grantedAt: '2026-11-23T10:00:00Z' },
  ],
  goodFaith: true,
  contact: { channel: 'email', value: 'lea@example.org' },
  context: { locale: 'fr', country: 'FR', source: 'widget' },
}

/** The dotted paths of the problems zod finds, for precise assertions. */
function problems(input: unknown) {
  const result = ReportIntake.safeParse(input)
  if (result.success) return []
  return issuesToDetails(result.error.issues)
}

function withPath(input: unknown, path: string) {
  return problems(input).filter((p) => p.path === path)
}

describe('ReportIntake', () => {
  it('accepts a complete report and applies defaults', () => {
    const report = ReportIntake.parse(valid)
    expect(report.urgency.immediateDanger).toBe(false)
    expect(report.who.targetAge).toBe('not_stated')
    expect(report.evidence).toEqual({ urls: [], texts: [] })
  })

  it('round-trips: a parsed report parses to itself', () => {
    const once = ReportIntake.parse(valid)
    expect(ReportIntake.parse(JSON.parse(JSON.stringify(once)))).toEqual(once)
  })

  it('accepts the smallest anonymous report', () => {
    const report = ReportIntake.parse({
      category: 'other',
      where: { platform: 'tiktok', contentUrls: ['https://www.tiktok.com/@x/video/1'] },
      who: { role: 'witness' },
    })
    expect(report.contact).toBeUndefined()
    expect(report.consents).toEqual([])
    expect(report.context).toEqual({ locale: 'fr', source: 'api' })
  })

  it('refuses javascript:, data: and other non-http URLs with the exact path', () => {
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,<script>',
      'file:///etc/passwd',
      'ftp://x.org/a',
    ]) {
      const input = { ...valid, where: { ...valid.where, contentUrls: ['https://ok.org/', url] } }
      expect(withPath(input, 'where.contentUrls.1'), url).toHaveLength(1)
    }
  })

  it('refuses 10 000 URLs', () => {
    const urls = Array.from({ length: 10_000 }, (_, i) => `https://example.org/${i}`)
    const found = withPath(
      { ...valid, where: { ...valid.where, contentUrls: urls } },
      'where.contentUrls',
    )
    expect(found[0]?.message).toMatch(/20/)
  })

  it('refuses oversized strings', () => {
    const found = withPath(
      { ...valid, what: { description: 'a'.repeat(5001) } },
      'what.description',
    )
    expect(found[0]?.message).toMatch(/5000/)
    expect(
      withPath(
        { ...valid, where: { ...valid.where, contentUrls: [`https://x.org/${'a'.repeat(3000)}`] } },
        'where.contentUrls.0',
      ),
    ).toHaveLength(1)
  })

  it('refuses __proto__, constructor and any unknown key, at any depth', () => {
    const top = JSON.parse(`{"__proto__": {"admin": true}, ${JSON.stringify(valid).slice(1)}`)
    expect(problems(top).some((p) => p.path === '(root)' && p.message.includes('__proto__'))).toBe(
      true,
    )
    const deep = { ...valid, who: { ...valid.who, constructor: { prototype: {} } } }
    expect(problems(deep).some((p) => p.path === 'who' && p.message.includes('constructor'))).toBe(
      true,
    )
    expect(problems({ ...valid, isAdmin: true })[0]?.message).toMatch(/isAdmin/)
  })

  it('refuses wrong types and unknown enum values with their paths', () => {
    expect(withPath({ ...valid, category: 'spam' }, 'category')).toHaveLength(1)
    expect(withPath({ ...valid, who: { role: 'admin' } }, 'who.role')).toHaveLength(1)
    expect(withPath({ ...valid, what: { ongoing: 'yes' } }, 'what.ongoing')).toHaveLength(1)
    expect(
      withPath({ ...valid, where: { ...valid.where, platform: 42 } }, 'where.platform'),
    ).toHaveLength(1)
    expect(withPath({ ...valid, consents: 'all' }, 'consents')).toHaveLength(1)
  })

  it('refuses invalid dates', () => {
    for (const grantedAt of ['yesterday', '2026-13-01T00:00:00Z', '2026-11-23']) {
      const input = { ...valid, consents: [{ ...valid.consents![0]!, grantedAt }] }
      expect(withPath(input, 'consents.0.grantedAt'), grantedAt).toHaveLength(1)
    }
  })

  it('refuses control characters and empty descriptions', () => {
    expect(
      withPath({ ...valid, what: { description: 'abc\u0000def' } }, 'what.description'),
    ).toHaveLength(1)
    expect(withPath({ ...valid, what: { description: '   ' } }, 'what.description')).toHaveLength(1)
  })

  it('checks the contact against its channel', () => {
    expect(
      withPath({ ...valid, contact: { channel: 'email', value: 'not-an-email' } }, 'contact.value'),
    ).toHaveLength(1)
    expect(
      withPath({ ...valid, contact: { channel: 'phone', value: '<script>' } }, 'contact.value'),
    ).toHaveLength(1)
    expect(
      problems({ ...valid, contact: { channel: 'phone', value: '+33 6 12 34 56 78' } }),
    ).toEqual([])
  })

  it('requires something to act on, a named platform for "other", known subtypes and unique consents', () => {
    expect(
      withPath({ ...valid, what: {}, where: { platform: 'x' } }, 'where.contentUrls'),
    ).toHaveLength(1)
    expect(
      withPath({ ...valid, where: { ...valid.where, platform: 'other' } }, 'where.platformOther'),
    ).toHaveLength(1)
    expect(withPath({ ...valid, subtypes: ['grooming'] }, 'subtypes.0')[0]?.message).toMatch(
      /no subtypes/,
    )
    expect(problems({ ...valid, category: 'minor_sexual', subtypes: ['grooming'] })).toEqual([])
    const twice = { ...valid, consents: [valid.consents![0]!, valid.consents![0]!] }
    expect(withPath(twice, 'consents.1.receiverId')).toHaveLength(1)
  })

  it('refuses an account with neither handle nor URL', () => {
    expect(
      withPath({ ...valid, where: { ...valid.where, accounts: [{}] } }, 'where.accounts.0'),
    ).toHaveLength(1)
  })

  it('is not fooled by non-object bodies', () => {
    for (const body of [null, 42, 'report', [], true]) {
      expect(problems(body)[0]?.path, String(body)).toBe('(root)')
    }
  })
})
