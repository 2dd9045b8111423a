import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normaliseUrl } from './normalise-url'

const segment = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/)
const hostLabel = fc.stringMatching(/^[a-z][a-z0-9]{1,8}$/)
const host = fc
  .tuple(hostLabel, fc.constantFrom('com', 'org', 'fr', 'net'))
  .map(([a, b]) => `${a}.${b}`)
const param = fc.tuple(fc.stringMatching(/^[a-z]{1,6}$/), fc.stringMatching(/^[A-Za-z0-9]{1,8}$/))
const tracking = fc.constantFrom<[string, string]>(
  ['utm_source', 'ig'],
  ['utm_medium', 'social'],
  ['utm_campaign', 'x'],
  ['fbclid', 'IwAR0abc'],
  ['igshid', 'MzRlODBiNWFlZA=='],
  ['si', 'aBcD123'],
  ['gclid', 'Cj0K'],
)

/** A URL and its canonical parts: host, path segments, meaningful parameters. */
const canonical = fc.record({
  host,
  path: fc.array(segment, { minLength: 0, maxLength: 4 }),
  // Names that are not tracking parameters anywhere (`s`, `t`, `si`… are, on some hosts).
  params: fc
    .array(param, { maxLength: 3 })
    .map((ps) => ps.filter(([n]) => n.length > 2 && !n.startsWith('utm'))),
})

/** The same page, written as people paste it. */
const variant = (c: { host: string; path: string[]; params: [string, string][] }) =>
  fc
    .record({
      scheme: fc.constantFrom('http', 'https'),
      prefix: fc.constantFrom('', 'www.', 'WWW.', 'm.', 'mobile.'),
      upper: fc.boolean(),
      slash: fc.boolean(),
      extra: fc.array(tracking, { maxLength: 3 }),
      fragment: fc.option(fc.stringMatching(/^[a-z0-9]{1,6}$/), { nil: undefined }),
      order: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
    })
    .map((v) => {
      const h = `${v.prefix}${v.upper ? c.host.toUpperCase() : c.host}`
      const path = `/${c.path.join('/')}${v.slash && c.path.length ? '/' : ''}`
      const all = [...c.params, ...v.extra]
      // Any order of parameters: shuffled by the drawn keys.
      const shuffled = all
        .map((p, i) => ({ p, k: v.order[i % v.order.length]! + i / 100 }))
        .sort((a, b) => a.k - b.k)
        .map(({ p }) => p)
      const query = shuffled.length ? `?${new URLSearchParams(shuffled).toString()}` : ''
      return `${v.scheme}://${h}${path}${query}${v.fragment ? `#${v.fragment}` : ''}`
    })

describe('normaliseUrl', () => {
  it('gives every variant of a page the same form (scheme, www., case of host, slash, tracking, order, fragment)', () => {
    fc.assert(
      fc.property(
        canonical.chain((c) => fc.tuple(fc.constant(c), variant(c), variant(c))),
        ([, a, b]) => {
          expect(normaliseUrl(a)).toBe(normaliseUrl(b))
          expect(normaliseUrl(a)).not.toBeNull()
        },
      ),
    )
  })

  it('is idempotent', () => {
    fc.assert(
      fc.property(canonical.chain(variant), (url) => {
        const once = normaliseUrl(url)!
        expect(normaliseUrl(once)).toBe(once)
      }),
    )
  })

  it('keeps different pages apart: another path, another host, another meaningful parameter', () => {
    fc.assert(
      fc.property(canonical, segment, (c, other) => {
        const base = `https://${c.host}/${c.path.join('/')}`
        fc.pre(!c.path.includes(other))
        expect(normaliseUrl(`${base}/${other}`)).not.toBe(normaliseUrl(base))
        expect(normaliseUrl(`${base}?id=${other}`)).not.toBe(normaliseUrl(base))
        expect(normaliseUrl(base.replace(c.host, `x${c.host}`))).not.toBe(normaliseUrl(base))
      }),
    )
  })

  it('keeps the case of a path (post ids are case-sensitive)', () => {
    expect(normaliseUrl('https://instagram.com/p/AbC123')).not.toBe(
      normaliseUrl('https://instagram.com/p/abc123'),
    )
  })

  it('resolves the short links it can without the network', () => {
    const video = 'https://youtube.com/watch?v=dQw4w9WgXcQ'
    for (const url of [
      'https://youtu.be/dQw4w9WgXcQ',
      'https://youtu.be/dQw4w9WgXcQ?si=AbCdEf&t=42',
      'http://m.youtube.com/watch?v=dQw4w9WgXcQ&feature=share',
      'https://www.youtube.com/watch?feature=youtu.be&v=dQw4w9WgXcQ',
      'https://youtube.com/shorts/dQw4w9WgXcQ?feature=share',
      'https://www.youtube.com/embed/dQw4w9WgXcQ',
    ]) {
      expect(normaliseUrl(url), url).toBe(video)
    }
    const tweet = 'https://x.com/someone/status/1790000000000000000'
    for (const url of [
      'https://twitter.com/someone/status/1790000000000000000?s=20&t=AbC',
      'https://mobile.twitter.com/someone/status/1790000000000000000',
      'https://x.com/someone/status/1790000000000000000/',
      'https://twitter.com/someone/statuses/1790000000000000000',
    ]) {
      expect(normaliseUrl(url), url).toBe(tweet)
    }
    expect(normaliseUrl('https://www.reddit.com/r/france/comments/1abcde/un_titre/')).toBe(
      normaliseUrl('https://redd.it/1abcde'),
    )
    expect(
      normaliseUrl('https://www.instagram.com/p/C7xYz/?igsh=MWQ1ZGUxMzBkMA%3D%3D&img_index=2'),
    ).toBe('https://instagram.com/p/C7xYz')
    expect(normaliseUrl('https://fb.com/story.php?story_fbid=1&id=2&mibextid=abc')).toBe(
      'https://facebook.com/story.php?id=2&story_fbid=1',
    )
  })

  it('refuses what is not an http(s) URL', () => {
    for (const raw of [
      '',
      'not a url',
      'javascript:alert(1)',
      'ftp://example.org/x',
      'mailto:a@b.c',
    ]) {
      expect(normaliseUrl(raw), raw).toBeNull()
    }
  })
})
