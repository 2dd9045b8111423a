import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { handleFromProfileUrl, normaliseHandle } from './normalise-handle'

const name = fc.stringMatching(/^[a-z][a-z0-9_.]{2,20}$/).filter((n) => !n.endsWith('.'))

/** How a name is typed: case, `@`, spaces around. */
const typed = (n: string) =>
  fc
    .record({
      at: fc.constantFrom('', '@', '@@'),
      upper: fc.array(fc.boolean(), { minLength: n.length, maxLength: n.length }),
      pad: fc.constantFrom('', ' ', '\t'),
    })
    .map(
      ({ at, upper, pad }) =>
        `${pad}${at}${[...n].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('')}${pad}`,
    )

describe('normaliseHandle', () => {
  it('folds case, the leading @ and spaces around', () => {
    fc.assert(
      fc.property(
        name.chain((n) => fc.tuple(fc.constant(n), typed(n), typed(n))),
        ([n, a, b]) => {
          expect(normaliseHandle(a, 'instagram')).toBe(`instagram:${n}`)
          expect(normaliseHandle(a, 'instagram')).toBe(normaliseHandle(b, 'instagram'))
        },
      ),
    )
  })

  it('keeps different names and platforms apart', () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        fc.pre(a !== b)
        expect(normaliseHandle(a, 'tiktok')).not.toBe(normaliseHandle(b, 'tiktok'))
        expect(normaliseHandle(a, 'tiktok')).not.toBe(normaliseHandle(a, 'instagram'))
      }),
    )
  })

  it('reads profile URLs as handles where the platform says so without doubt', () => {
    fc.assert(
      fc.property(name, (n) => {
        fc.pre(
          ![
            'p',
            'reel',
            'reels',
            'tv',
            'about',
            'explore',
            'stories',
            'direct',
            'accounts',
          ].includes(n),
        )
        for (const url of [
          `https://www.instagram.com/${n}/`,
          `http://instagram.com/${n.toUpperCase()}?igsh=abc`,
          `https://m.instagram.com/${n}`,
        ]) {
          expect(normaliseHandle(url, 'other'), url).toBe(`instagram:${n}`)
        }
        expect(normaliseHandle(`https://www.tiktok.com/@${n}?lang=fr`, 'x')).toBe(`tiktok:${n}`)
        expect(normaliseHandle(`https://twitter.com/${n}`, 'x')).toBe(normaliseHandle(`@${n}`, 'x'))
        expect(normaliseHandle(`https://bsky.app/profile/${n}`, 'x')).toBe(`bluesky:${n}`)
        expect(normaliseHandle(`https://www.youtube.com/@${n}`, 'x')).toBe(`youtube:${n}`)
      }),
    )
  })

  it('does not take a post, a reserved page or an unknown site for a handle', () => {
    expect(handleFromProfileUrl('https://www.instagram.com/p/C7xYz/')).toBeNull()
    expect(handleFromProfileUrl('https://www.instagram.com/alice/p/C7xYz/')).toBeNull()
    expect(handleFromProfileUrl('https://x.com/alice/status/1')).toBeNull()
    expect(handleFromProfileUrl('https://x.com/search')).toBeNull()
    expect(handleFromProfileUrl('https://www.tiktok.com/alice')).toBeNull()
    expect(handleFromProfileUrl('https://example.org/alice')).toBeNull()
    expect(handleFromProfileUrl('not a url')).toBeNull()
    expect(normaliseHandle('https://example.org/alice', 'instagram')).toBeNull()
    expect(normaliseHandle(' @ ', 'instagram')).toBeNull()
  })

  it('folds Unicode compatibility forms (full-width letters)', () => {
    expect(normaliseHandle('＠Ａｌｉｃｅ', 'x')).toBe('x:alice')
  })
})
