/**
 * fast-check arbitraries for the abuse suite: random JSON with prototype keys, random bytes,
 * hostile strings, valid reports with one field mutated, receipt guesses, multipart junk and
 * webhook deliveries.
 */
import fc from 'fast-check'
import { sampleReport } from '../support/reports'
import { MARK, PROTO_KEYS, SCRIPT_STRINGS, SQL_STRINGS } from './corpus'

/** Strings an attacker reaches for: injections, control characters, odd Unicode, long runs. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...SQL_STRINGS, ...SCRIPT_STRINGS, ...PROTO_KEYS),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.constantFrom('\u0000', '\u202e', '\ufeff', '\ud800', '\udfff', '%00', '\r\n', '../'),
  fc.integer({ min: 1, max: 20_000 }).map((n) => `${MARK}${'x'.repeat(n)}`),
)

/** Any JSON value, with prototype keys sprinkled into objects. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 3 }),
    hostileString,
    fc.array(tie('value'), { maxLength: 5 }),
    tie('object'),
  ),
  object: fc
    .array(
      fc.tuple(
        fc.oneof(fc.constantFrom(...PROTO_KEYS, 'category', 'what', 'where', 'who'), fc.string()),
        tie('value'),
      ),
      { maxLength: 6 },
    )
    .map((entries) => {
      // Own properties named __proto__ too, as JSON.parse would make them.
      const out: Record<string, unknown> = {}
      for (const [key, value] of entries)
        Object.defineProperty(out, key, {
          value,
          enumerable: true,
          configurable: true,
          writable: true,
        })
      return out
    }),
})).value

/** Where in a report a mutation lands. */
const REPORT_PATHS = [
  [],
  ['category'],
  ['subtypes'],
  ['what'],
  ['what', 'description'],
  ['what', 'ongoing'],
  ['where'],
  ['where', 'platform'],
  ['where', 'contentUrls'],
  ['where', 'contentUrls', 0],
  ['where', 'accounts', 0, 'handle'],
  ['who'],
  ['who', 'role'],
  ['who', 'targetHandle'],
  ['contact'],
  ['contact', 'channel'],
  ['contact', 'value'],
  ['goodFaith'],
  ['consents'],
  ['context'],
  ['context', 'locale'],
  ['context', 'source'],
  ['urgency'],
  ['evidence'],
] as const

export type Mutation =
  | { kind: 'set'; path: readonly (string | number)[]; value: unknown }
  | { kind: 'delete'; path: readonly (string | number)[] }
  | { kind: 'addKey'; path: readonly (string | number)[]; key: string; value: unknown }

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('set' as const),
    path: fc.constantFrom(...REPORT_PATHS).filter((p) => p.length > 0),
    value: fc.oneof(hostileJson, hostileString),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    path: fc.constantFrom(...REPORT_PATHS).filter((p) => p.length > 0),
  }),
  fc.record({
    kind: fc.constant('addKey' as const),
    path: fc.constantFrom(...REPORT_PATHS),
    key: fc.oneof(
      fc.constantFrom(...PROTO_KEYS, 'homepage', 'isAdmin'),
      fc.string({ maxLength: 20 }),
    ),
    value: hostileJson,
  }),
)

/** A sample report (description marked) with 1 to 3 mutations applied, as JSON text. */
export const mutatedReport: fc.Arbitrary<{ text: string; mutations: Mutation[] }> = fc
  .array(mutation, { minLength: 1, maxLength: 3 })
  .map((mutations) => {
    const report = sampleReport({
      what: { description: `${MARK}mutated report`, ongoing: true },
    }) as unknown as Record<string, unknown>
    for (const m of mutations) apply(report, m)
    return { text: JSON.stringify(report), mutations }
  })

function apply(root: Record<string, unknown>, m: Mutation): void {
  const path = m.path
  let parent: Record<string | number, unknown> = root
  const last = m.kind === 'addKey' ? undefined : path[path.length - 1]
  const walk = m.kind === 'addKey' ? path : path.slice(0, -1)
  for (const step of walk) {
    const next = parent[step]
    if (!next || typeof next !== 'object') return
    parent = next as Record<string | number, unknown>
  }
  if (m.kind === 'set') parent[last!] = m.value
  else if (m.kind === 'delete') delete parent[last!]
  else
    Object.defineProperty(parent, m.key, {
      value: m.value,
      enumerable: true,
      configurable: true,
      writable: true,
    })
}

/** Guesses at a receipt: a reference-like string and a token-like string. */
export const receiptGuess: fc.Arbitrary<{ reference: string; token: string }> = fc.record({
  reference: fc.oneof(
    fc.stringMatching(/^SP-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
    fc.string({ maxLength: 60 }),
    hostileString.map((s) => s.slice(0, 60)),
  ),
  token: fc.oneof(
    fc.stringMatching(/^rt_[A-Za-z0-9_-]{43}$/),
    fc.string({ maxLength: 100 }),
    hostileString.map((s) => s.slice(0, 400)),
  ),
})

/** Multipart bodies made of random parts. */
export const multipartJunk: fc.Arbitrary<
  { name: string; value: string | Uint8Array; filename?: string }[]
> = fc.array(
  fc.record(
    {
      name: fc.oneof(
        fc.constantFrom('report', 'attachments', ...PROTO_KEYS),
        fc.string({ maxLength: 30 }),
      ),
      value: fc.oneof(
        hostileString,
        hostileJson.map((v) => JSON.stringify(v) ?? 'null'),
        fc.uint8Array({ maxLength: 3000 }),
      ),
      filename: fc.oneof(
        fc.constantFrom('a.png', '../../x.png', 'C:\\x.jpg'),
        fc.string({ maxLength: 40 }),
      ),
    },
    { requiredKeys: ['name', 'value'] },
  ),
  { maxLength: 7 },
)
