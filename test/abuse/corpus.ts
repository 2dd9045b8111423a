/**
 * The hostile corpus: requests an attacker, a broken client or a confused proxy sends to the
 * hub. Each entry says which statuses are acceptable — always a 4xx — and carries the marker
 * `zq_abuse_` wherever it holds text, so the database file can be searched for any of it.
 */
import { blackPng, jpegHeaderOnly, pngHeaderOnly, tinyPng } from '../support/images'
import { sampleReport } from '../support/reports'

export const MARK = 'zq_abuse_'

export interface Context {
  hubUrl: string
  siteKey: string
  operatorKey: string
  /** A receiver key whose receiver got the report `reference`. */
  receiverKey: string
  reference: string
  receiptToken: string
}

export interface HostileRequest {
  name: string
  method: string
  path: string
  headers?: Record<string, string>
  body?: string | Uint8Array | FormData
  /** Acceptable statuses: all 4xx. */
  expect: number[]
}

export const SQL_STRINGS = [
  `'; DROP TABLE reports; -- ${MARK}sql1`,
  `" OR 1=1 -- ${MARK}sql2`,
  `') UNION SELECT secret_hash FROM api_keys -- ${MARK}sql3`,
  `1; ATTACH DATABASE '/tmp/${MARK}x.db' AS x; --`,
]

export const SCRIPT_STRINGS = [
  `<script>alert('${MARK}xss1')</script>`,
  `"><img src=x onerror=alert('${MARK}xss2')>`,
  `javascript:alert('${MARK}xss3')`,
  `{{constructor.constructor('return process')()}} ${MARK}tpl`,
  `\${process.exit(1)} ${MARK}tpl2`,
]

const PATH_TRICKS = [
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '/etc/shadow',
  `${MARK}evil\u0000.png`,
  `${'a'.repeat(5000)}.png`,
  'CON.png',
  '.htaccess',
  `${MARK}\r\nContent-Type: text/html\r\n\r\n<script>`,
]

/** Keys that pollute prototypes when a parser or a merge is careless. */
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype']

const json = (value: unknown) => JSON.stringify(value)
const report = () => sampleReport({ what: { description: `${MARK}base report`, ongoing: true } })

function nested(depth: number, open = '[', close = ']'): string {
  return open.repeat(depth) + close.repeat(depth)
}

/** Bodies that are not a report, for `POST /v1/reports` as JSON. */
export function intakeCorpus(ctx: Context): HostileRequest[] {
  const headers = { 'content-type': 'application/json', 'safe-place-site-key': ctx.siteKey }
  const post = (name: string, body: string | Uint8Array, expect = [400], extra = {}) => ({
    name,
    method: 'POST',
    path: '/v1/reports',
    headers: { ...headers, ...extra },
    body,
    expect,
  })
  const r = report()
  const out: HostileRequest[] = [
    post('empty body', '', [400]),
    post('null', 'null'),
    post('a number', '42'),
    post('a string', json(`${MARK}just a string`)),
    post('an array of reports', json([r, r])),
    post('truncated JSON', json(r).slice(0, 100)),
    post('trailing garbage', `${json(r)}${MARK}`),
    post('two documents', `${json(r)}${json(r)}`),
    post('single quotes', json(r).replaceAll('"', "'")),
    post('NaN and Infinity', `{"category":NaN,"x":Infinity,"d":"${MARK}"}`),
    post('comments', `/* ${MARK} */ ${json(r)}`),
    post('deep arrays (10 000)', nested(10_000)),
    post('deep objects (10 000)', `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`),
    post(
      'deep arrays inside a report',
      json({ ...r, what: { description: 'x' } }).replace('"x"', nested(5_000)),
    ),
    post(
      'huge string (over the body limit)',
      json({ ...r, what: { description: 'x'.repeat(70_000) } }),
      [413],
    ),
    post(
      'huge description (under the body limit)',
      json({ ...r, what: { description: `${MARK}${'é'.repeat(6_000)}`, ongoing: true } }),
    ),
    post('a million-digit number', `{"category":${'9'.repeat(60_000)}}`),
    post(
      'huge exponent',
      `{"category":"threat","what":{"description":"${MARK}","ongoing":1e999999}}`,
    ),
    post(
      'invalid UTF-8 (0xff)',
      new Uint8Array([...Buffer.from(`{"category":"${MARK}`), 0xff, ...Buffer.from('"}')]),
    ),
    post(
      'overlong UTF-8 slash',
      new Uint8Array([...Buffer.from('{"a":"'), 0xc0, 0xaf, ...Buffer.from('"}')]),
    ),
    post(
      'UTF-8 surrogate half',
      new Uint8Array([...Buffer.from('{"a":"'), 0xed, 0xa0, 0x80, ...Buffer.from('"}')]),
    ),
    post(
      'truncated UTF-8 sequence',
      new Uint8Array([...Buffer.from('{"a":"'), 0xe2, 0x82, ...Buffer.from('"}')]),
    ),
    post('UTF-16 body', Buffer.from(json(r), 'utf16le')),
    post('BOM then JSON', `\ufeff${json({ ...r, extra: MARK })}`),
    post('lone surrogate escape in a bad report', `{"category":"\\ud800${MARK}"}`),
    post('NUL bytes', `{"category":"threat\u0000${MARK}"}`),
    post('unknown top-level field', json({ ...r, isAdmin: true, note: MARK })),
    post(
      'wrong types everywhere',
      json({ category: 1, what: 'x', where: [], who: null, goodFaith: 'yes', d: MARK }),
    ),
    post('honeypot filled (spam)', json({ ...r, homepage: `https://${MARK}.example` })),
    post('category of another site key', json({ ...r, category: `${MARK}cat` })),
    post(
      'contact with a wrong channel',
      json({ ...r, contact: { channel: 'fax', value: `${MARK}@example.org` } }),
    ),
    post(
      'javascript: content URL',
      json({ ...r, where: { ...r.where, contentUrls: [`javascript:alert("${MARK}")`] } }),
    ),
    post(
      'data: content URL',
      json({ ...r, where: { ...r.where, contentUrls: [`data:text/html,${MARK}`] } }),
    ),
    post(
      'file: content URL',
      json({ ...r, where: { ...r.where, contentUrls: [`file:///etc/${MARK}`] } }),
    ),
    post(
      'too many content URLs',
      json({
        ...r,
        where: {
          ...r.where,
          contentUrls: Array.from({ length: 50 }, (_, i) => `https://x.example/${MARK}${i}`),
        },
      }),
    ),
    post(
      'consent for a made-up receiver id',
      json({
        ...r,
        consents: [
          { receiverId: `${MARK}' OR 1=1`, textVersion: '1', grantedAt: new Date().toISOString() },
        ],
      }),
    ),
    post('Idempotency-Key with SQL', json(r), [400], { 'idempotency-key': `${MARK}' OR 1=1 --` }),
    post('Idempotency-Key too long', json(r), [400], {
      'idempotency-key': `${MARK}${'k'.repeat(300)}`,
    }),
    post('bad proof-of-work header', json({ ...r, d: MARK }), [400], {
      'safe-place-pow': `${MARK}not base64 !!`,
    }),
  ]
  for (const key of PROTO_KEYS) {
    out.push(
      post(`${key} at the top`, `{"${key}":{"polluted":"${MARK}${key}"},${json(r).slice(1)}`),
    )
    out.push(
      post(
        `${key} in what`,
        json(r).replace('"what":{', `"what":{"${key}":{"polluted":"${MARK}"},`),
      ),
    )
    out.push(post(`${key} as the category`, json({ ...r, category: key })))
  }
  for (const s of [...SQL_STRINGS, ...SCRIPT_STRINGS]) {
    out.push(post(`injection as the category: ${s.slice(0, 20)}`, json({ ...r, category: s })))
    out.push(
      post(
        `injection as the platform: ${s.slice(0, 20)}`,
        json({ ...r, where: { ...r.where, platform: s } }),
      ),
    )
    out.push(
      post(
        `injection as the locale: ${s.slice(0, 20)}`,
        json({ ...r, context: { locale: s, source: 'widget' } }),
      ),
    )
  }
  // Wrong content types for a good report.
  for (const type of [
    'text/plain',
    'application/xml',
    'application/javascript',
    'image/png',
    'application/jsonx',
    '*/*',
    '',
  ]) {
    out.push({
      name: `content type "${type}"`,
      method: 'POST',
      path: '/v1/reports',
      headers: { 'safe-place-site-key': ctx.siteKey, ...(type ? { 'content-type': type } : {}) },
      body: json({ ...r, d: MARK }),
      expect: [400, 415],
    })
  }
  out.push(
    post(
      'form body with unknown fields',
      `description=${MARK}&admin=1&category=threat&platform=x`,
      [400],
      {
        'content-type': 'application/x-www-form-urlencoded',
      },
    ),
    post(
      'form body with SQL values',
      `category=${encodeURIComponent(SQL_STRINGS[0]!)}&platform=x&description=${MARK}`,
      [400],
      {
        'content-type': 'application/x-www-form-urlencoded',
      },
    ),
    post(
      'form body with invalid UTF-8',
      new Uint8Array([...Buffer.from(`description=${MARK}`), 0xff]),
      [400],
      {
        'content-type': 'application/x-www-form-urlencoded',
      },
    ),
  )
  return out
}

function multipartBody(
  boundary: string,
  parts: { name: string; filename?: string; type?: string; data: Uint8Array | string }[],
): Uint8Array {
  const chunks: Buffer[] = []
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"`
    if (part.filename !== undefined) head += `; filename="${part.filename}"`
    head += '\r\n'
    if (part.type) head += `Content-Type: ${part.type}\r\n`
    chunks.push(Buffer.from(`${head}\r\n`), Buffer.from(part.data), Buffer.from('\r\n'))
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return new Uint8Array(Buffer.concat(chunks))
}

/** Multipart bodies that must be refused: framing, parts, files. */
export function multipartCorpus(ctx: Context): HostileRequest[] {
  const b = `----zqabuse${Date.now()}`
  const type = `multipart/form-data; boundary=${b}`
  const good = json(report())
  const post = (name: string, body: Uint8Array | string, expect: number[], contentType = type) => ({
    name,
    method: 'POST',
    path: '/v1/reports',
    headers: { 'content-type': contentType, 'safe-place-site-key': ctx.siteKey },
    body,
    expect,
  })
  const withReport = multipartBody(b, [
    { name: 'report', data: good },
    { name: 'attachments', filename: 'a.png', type: 'image/png', data: tinyPng },
  ])
  const out: HostileRequest[] = [
    post('no boundary', withReport, [400], 'multipart/form-data'),
    post('wrong boundary', withReport, [400], 'multipart/form-data; boundary=nope'),
    post('truncated in the middle of a file', withReport.slice(0, withReport.length - 40), [400]),
    post('truncated in the headers', withReport.slice(0, 30), [400]),
    post('only the closing boundary', `--${b}--\r\n`, [400]),
    post('empty body', '', [400]),
    post(
      'no report part',
      multipartBody(b, [
        { name: 'attachments', filename: 'a.png', type: 'image/png', data: tinyPng },
      ]),
      [400],
    ),
    post(
      'report sent as a file',
      multipartBody(b, [
        { name: 'report', filename: 'r.json', type: 'application/json', data: good },
      ]),
      [400],
    ),
    post(
      'unexpected part',
      multipartBody(b, [
        { name: 'report', data: good },
        { name: `${MARK}extra`, data: 'x' },
      ]),
      [400],
    ),
    post(
      'attachments sent as text',
      multipartBody(b, [
        { name: 'report', data: good },
        { name: 'attachments', data: `${MARK}text` },
      ]),
      [400],
    ),
    post(
      'report part is not JSON',
      multipartBody(b, [{ name: 'report', data: `${MARK}{` }]),
      [400],
    ),
    post(
      'report part is invalid',
      multipartBody(b, [{ name: 'report', data: json({ category: MARK }) }]),
      [400],
    ),
    post(
      'report part over 64 KB',
      multipartBody(b, [
        { name: 'report', data: json({ ...report(), what: { description: 'x'.repeat(70_000) } }) },
      ]),
      [413],
    ),
    post(
      'six files',
      multipartBody(b, [
        { name: 'report', data: good },
        ...Array.from({ length: 6 }, (_, i) => ({
          name: 'attachments',
          filename: `${i}.png`,
          type: 'image/png',
          data: tinyPng,
        })),
      ]),
      [400],
    ),
    post(
      'a GIF called PNG',
      multipartBody(b, [
        { name: 'report', data: good },
        { name: 'attachments', filename: 'a.png', type: 'image/png', data: `GIF89a${MARK}` },
      ]),
      [422],
    ),
    post(
      'an SVG with script',
      multipartBody(b, [
        { name: 'report', data: good },
        {
          name: 'attachments',
          filename: 'a.svg',
          type: 'image/svg+xml',
          data: `<svg onload="alert('${MARK}')"/>`,
        },
      ]),
      [422],
    ),
    post(
      'HTML called JPEG',
      multipartBody(b, [
        { name: 'report', data: good },
        {
          name: 'attachments',
          filename: 'a.jpg',
          type: 'image/jpeg',
          data: `<html>${MARK}</html>`,
        },
      ]),
      [422],
    ),
    post(
      'PNG signature then garbage',
      multipartBody(b, [
        { name: 'report', data: good },
        {
          name: 'attachments',
          filename: 'a.png',
          type: 'image/png',
          data: Buffer.concat([tinyPng.subarray(0, 16), Buffer.from(MARK.repeat(20))]),
        },
      ]),
      [422],
    ),
    post(
      'truncated PNG',
      multipartBody(b, [
        { name: 'report', data: good },
        {
          name: 'attachments',
          filename: 'a.png',
          type: 'image/png',
          data: tinyPng.subarray(0, tinyPng.length - 20),
        },
      ]),
      [422],
    ),
    post(
      'empty file',
      multipartBody(b, [
        { name: 'report', data: good },
        { name: 'attachments', filename: 'a.png', type: 'image/png', data: '' },
      ]),
      [422],
    ),
    post(
      'a file over 5 MB',
      multipartBody(b, [
        { name: 'report', data: good },
        {
          name: 'attachments',
          filename: 'big.png',
          type: 'image/png',
          data: Buffer.concat([tinyPng, Buffer.alloc(5 * 1024 * 1024)]),
        },
      ]),
      [413],
    ),
    post(
      'files for an intimate-image report',
      multipartBody(b, [
        {
          name: 'report',
          data: json(sampleReport({ category: 'ncii', what: { description: MARK } })),
        },
        { name: 'attachments', filename: 'a.png', type: 'image/png', data: tinyPng },
      ]),
      [422],
    ),
  ]
  // File names with path tricks on a file that is not an image: refused for its bytes, and the
  // name must never reach the disk or the database.
  for (const filename of PATH_TRICKS) {
    // (A name that breaks the framing, e.g. with CRLF, makes the whole body unreadable: 400.)
    out.push(
      post(
        `file name ${JSON.stringify(filename.slice(0, 30))}`,
        multipartBody(b, [
          { name: 'report', data: good },
          { name: 'attachments', filename, type: 'image/png', data: `${MARK}not an image` },
        ]),
        [400, 422],
      ),
    )
  }
  return out
}

/** Small files declaring far more pixels than the hub decodes (40 megapixels). */
export function imageBombs(): { name: string; data: Buffer; type: string }[] {
  return [
    {
      name: 'PNG 8000 × 8000, all pixel data present',
      data: blackPng(8_000, 8_000),
      type: 'image/png',
    },
    {
      name: 'PNG 100 000 × 100 000, header only',
      data: pngHeaderOnly(100_000, 100_000),
      type: 'image/png',
    },
    {
      name: 'PNG 2^31-1 × 2^31-1, header only',
      data: pngHeaderOnly(0x7fffffff, 0x7fffffff),
      type: 'image/png',
    },
    { name: 'PNG 0 × 0', data: pngHeaderOnly(0, 0), type: 'image/png' },
    {
      name: 'JPEG 65 500 × 65 500, header only',
      data: jpegHeaderOnly(65_500, 65_500),
      type: 'image/jpeg',
    },
    { name: 'JPEG 0 × 0', data: jpegHeaderOnly(0, 0), type: 'image/jpeg' },
  ]
}

/** References and tokens for the receipt routes that must all be refused. */
export function receiptCorpus(ctx: Context): HostileRequest[] {
  const references = [
    'SP-0000-0000',
    `${ctx.reference}x`,
    ctx.reference.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
    `${MARK}' OR '1'='1`,
    '..%2F..%2Fadmin%2Freports',
    '%00',
    'SP-7K3Q-9XWD%00.json',
    'x'.repeat(41),
    'ЅР-7К3Q-9ХWD', // Cyrillic look-alikes
  ]
  const tokens = [
    '',
    'rt_',
    `rt_${'A'.repeat(43)}`,
    `rt_${'A'.repeat(42)}`,
    `rt_${'A'.repeat(500)}`,
    `${ctx.receiptToken.slice(0, -2)}`,
    `${ctx.receiptToken}==`,
    `rt_${MARK}' OR 1=1 --`,
    ctx.operatorKey,
    ctx.siteKey,
    'null',
    'undefined',
    `${ctx.receiptToken} ${ctx.receiptToken}`,
  ]
  const out: HostileRequest[] = []
  for (const method of ['GET', 'DELETE']) {
    const suffix = method === 'GET' ? '/status' : ''
    for (const token of tokens) {
      out.push({
        name: `${method} with token ${JSON.stringify(token.slice(0, 20))}`,
        method,
        path: `/v1/reports/${encodeURIComponent(ctx.reference)}${suffix}`,
        headers: { authorization: `Bearer ${token}` },
        expect: [400, 401],
      })
    }
    for (const reference of references) {
      out.push({
        name: `${method} ${JSON.stringify(reference.slice(0, 20))} with the right token`,
        method,
        path: `/v1/reports/${reference.includes('%') ? reference : encodeURIComponent(reference)}${suffix}`,
        headers: { authorization: `Bearer ${ctx.receiptToken}` },
        expect: [400, 401, 404],
      })
    }
    out.push({
      name: `${method} with a 16 KB authorization header`,
      method,
      path: `/v1/reports/${ctx.reference}${suffix}`,
      headers: { authorization: `Bearer rt_${'A'.repeat(16_000)}` },
      expect: [400, 401, 431],
    })
    out.push({
      name: `${method} with a locale injection`,
      method,
      path: `/v1/reports/${ctx.reference}${suffix}?locale=${encodeURIComponent(SQL_STRINGS[0]!)}`,
      headers: { authorization: `Bearer ${ctx.receiptToken}` },
      expect: [400],
    })
  }
  return out
}

/** Hostile bodies and queries for the operator API, sent with the operator's own key. */
export function adminCorpus(ctx: Context): HostileRequest[] {
  const auth = { authorization: `Bearer ${ctx.operatorKey}`, 'content-type': 'application/json' }
  const out: HostileRequest[] = []
  const bodies: [string, string | Uint8Array, number[]][] = [
    ['malformed JSON', `{"name":"${MARK}`, [400]],
    ['deep nesting', nested(10_000), [400]],
    ['huge body', json({ name: 'x'.repeat(70_000) }), [413]],
    [
      'invalid UTF-8',
      new Uint8Array([...Buffer.from(`{"name":"${MARK}`), 0xff, 0x22, 0x7d]),
      [400],
    ],
    [
      '__proto__ key',
      `{"__proto__":{"isAdmin":true},"name":"${MARK}proto","kind":"brand","x":1}`,
      [400],
    ],
    [
      'constructor key',
      json({ constructor: { prototype: { polluted: MARK } }, name: `${MARK}c`, kind: 'brand' }),
      [400],
    ],
    ['SQL as the kind', json({ name: `${MARK}sql`, kind: SQL_STRINGS[0] }), [400]],
    ['script as the kind', json({ name: `${MARK}xss`, kind: SCRIPT_STRINGS[0] }), [400]],
    ['array body', json([{ name: MARK, kind: 'brand' }]), [400]],
  ]
  for (const path of [
    '/v1/admin/partners',
    '/v1/admin/site-keys',
    '/v1/admin/api-keys',
    '/v1/admin/receivers',
  ]) {
    for (const [name, body, expect] of bodies) {
      out.push({ name: `POST ${path}: ${name}`, method: 'POST', path, headers: auth, body, expect })
    }
    out.push({
      name: `POST ${path}: text/plain`,
      method: 'POST',
      path,
      headers: { ...auth, 'content-type': 'text/plain' },
      body: json({ name: MARK }),
      expect: [415],
    })
  }
  const queries = [
    '?limit=-1',
    '?limit=1e9',
    '?limit=abc',
    `?cursor=${encodeURIComponent(`${MARK}' OR 1=1 --`)}`,
    `?category=${encodeURIComponent(SQL_STRINGS[1]!)}`,
    '?category=threat&category=doxxing&category[]=x',
    `?from=${encodeURIComponent(`${MARK}yesterday`)}`,
  ]
  for (const q of queries) {
    out.push({
      name: `GET reports${q}`,
      method: 'GET',
      path: `/v1/admin/reports${q}`,
      headers: auth,
      expect: [400],
    })
  }
  out.push(
    {
      name: 'GET messages?state=bogus',
      method: 'GET',
      path: '/v1/admin/messages?state=bogus',
      headers: auth,
      expect: [400],
    },
    {
      name: 'GET messages?limit=0',
      method: 'GET',
      path: '/v1/admin/messages?limit=0',
      headers: auth,
      expect: [400],
    },
    {
      name: 'GET one report by SQL',
      method: 'GET',
      path: `/v1/admin/reports/${encodeURIComponent(SQL_STRINGS[1]!.slice(0, 30))}`,
      headers: auth,
      expect: [404],
    },
    {
      name: 'GET one receiver by path trick',
      method: 'GET',
      path: '/v1/admin/receivers/..%2F..%2Fapi-keys',
      headers: auth,
      expect: [404],
    },
    {
      name: 'GET one receiver with a 200-char id',
      method: 'GET',
      path: `/v1/admin/receivers/${'r'.repeat(200)}`,
      headers: auth,
      expect: [400],
    },
    {
      name: 'PATCH a site key that does not exist',
      method: 'PATCH',
      path: `/v1/admin/site-keys/${MARK}nope`,
      headers: auth,
      body: json({ allowedOrigins: ['https://x.example'] }),
      expect: [404],
    },
    {
      name: 'replay with from after to',
      method: 'POST',
      path: '/v1/admin/receivers/rcv_nope/replay',
      headers: auth,
      body: json({ from: '2030-01-01T00:00:00Z', to: '2020-01-01T00:00:00Z' }),
      expect: [400, 404],
    },
    {
      name: 'PUT on a route without PUT',
      method: 'PUT',
      path: '/v1/admin/partners',
      headers: auth,
      body: json({ name: MARK, kind: 'brand' }),
      expect: [404, 405],
    },
    {
      name: 'PATCH on a route without PATCH',
      method: 'PATCH',
      path: '/v1/admin/partners',
      headers: auth,
      body: json({}),
      expect: [404, 405],
    },
  )
  return out
}

/** The console sign-in and session, CORS origins, method overrides, public queries. */
export function miscCorpus(ctx: Context): HostileRequest[] {
  const signIn = (name: string, body: string | Uint8Array, expect: number[]) => ({
    name: `console sign-in: ${name}`,
    method: 'POST',
    path: '/v1/console/session',
    headers: { 'content-type': 'application/json', origin: ctx.hubUrl },
    body,
    expect,
  })
  const out: HostileRequest[] = [
    signIn('malformed JSON', `{"apiKey":"${MARK}`, [400]),
    signIn('array', JSON.stringify([ctx.operatorKey]), [400]),
    signIn(
      '__proto__',
      `{"__proto__":{"role":"operator"},"apiKey":"${MARK}sk_live_x"}`,
      [400, 401],
    ),
    signIn('SQL as the key', JSON.stringify({ apiKey: SQL_STRINGS[1] }), [400, 401]),
    signIn('a site key', JSON.stringify({ apiKey: ctx.siteKey }), [401, 403]),
    signIn('a receipt token', JSON.stringify({ apiKey: ctx.receiptToken }), [401, 403]),
    signIn('huge key', JSON.stringify({ apiKey: `sk_live_${'x'.repeat(70_000)}` }), [400, 413]),
    signIn(
      'invalid UTF-8',
      new Uint8Array([...Buffer.from('{"apiKey":"'), 0xff, 0x22, 0x7d]),
      [400],
    ),
    {
      name: 'console sign-in from another site',
      method: 'POST',
      path: '/v1/console/session',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ apiKey: ctx.operatorKey }),
      expect: [403],
    },
  ]
  const cookies = [
    `sp_console=${'A'.repeat(4000)}`,
    'sp_console=',
    `sp_console=${encodeURIComponent(SQL_STRINGS[1]!)}`,
    'sp_console=a; sp_console=b; sp_console=c',
    `sp_console=${ctx.operatorKey}`,
    `sp_console=${ctx.receiptToken}`,
    '__Host-sp_console=x; sp_console=y',
  ]
  for (const cookie of cookies) {
    out.push({
      name: `console read with cookie ${JSON.stringify(cookie.slice(0, 30))}`,
      method: 'GET',
      path: '/v1/console/reports',
      headers: { cookie },
      expect: [401],
    })
  }
  for (const origin of [
    'null',
    'https://evil.example',
    'https://abuse.example.evil.example',
    'file://',
    `https://${MARK}.example`,
  ]) {
    out.push({
      name: `widget config from origin ${origin}`,
      method: 'GET',
      path: '/v1/widget-config',
      headers: { 'safe-place-site-key': ctx.siteKey, origin },
      expect: [403],
    })
  }
  out.push(
    {
      name: 'method override header to withdraw',
      method: 'POST',
      path: `/v1/reports/${ctx.reference}`,
      headers: {
        authorization: `Bearer ${ctx.receiptToken}`,
        'x-http-method-override': 'DELETE',
        'content-type': 'application/json',
      },
      body: '{}',
      expect: [404, 405],
    },
    {
      name: 'method override query to withdraw',
      method: 'POST',
      path: `/v1/reports/${ctx.reference}?_method=DELETE`,
      headers: { authorization: `Bearer ${ctx.receiptToken}`, 'content-type': 'application/json' },
      body: '{}',
      expect: [404, 405],
    },
    {
      name: 'resources with an SQL locale',
      method: 'GET',
      path: `/v1/resources?locale=${encodeURIComponent(SQL_STRINGS[0]!)}`,
      expect: [400],
    },
    {
      name: 'resources with a bad country',
      method: 'GET',
      path: `/v1/resources?country=${encodeURIComponent(`FR' --${MARK}`)}`,
      expect: [400],
    },
    {
      name: 'resources with emergency=maybe',
      method: 'GET',
      path: '/v1/resources?emergency=maybe',
      expect: [400],
    },
  )
  return out
}

/** Raw request targets that try to leave the static folders (sent byte for byte). */
export const STATIC_TRAVERSALS = [
  '/widget/../../package.json',
  '/widget/..%2f..%2fpackage.json',
  '/widget/%2e%2e/%2e%2e/package.json',
  '/widget/..%5c..%5cpackage.json',
  '/widget/safe-place-help.js%00.json',
  '/widget//etc/passwd',
  '/console/../package.json',
  '/console/assets/../../package.json',
  '/console/assets/..%2f..%2f..%2fpackage.json',
  '/console/assets/%2e%2e%2f%2e%2e%2fpackage.json',
  '/console/index.html/../../../package.json',
  '/console/assets/x.js/..%2f..%2f..%2f..%2fhub%2fpackage.json',
]

/** Status updates a receiver (or someone holding its key) must not get through. */
export function statusUpdateCorpus(ctx: Context): HostileRequest[] {
  const headers = { authorization: `Bearer ${ctx.receiverKey}`, 'content-type': 'application/json' }
  const post = (
    name: string,
    body: string | Uint8Array,
    expect = [400],
    reference = ctx.reference,
    extra = {},
  ) => ({
    name: `status update: ${name}`,
    method: 'POST',
    path: `/v1/reports/${encodeURIComponent(reference)}/status`,
    headers: { ...headers, ...extra },
    body,
    expect,
  })
  return [
    post('malformed JSON', `{"status":"${MARK}`),
    post('deep nesting', nested(10_000)),
    post('huge body', json({ status: 'in_review', noteForReporter: 'x'.repeat(70_000) }), [413]),
    post(
      'note over 1000 characters',
      json({ status: 'in_review', noteForReporter: `${MARK}${'n'.repeat(1_001)}` }),
    ),
    post('invalid UTF-8', new Uint8Array([...Buffer.from(`{"status":"${MARK}`), 0xff, 0x22, 0x7d])),
    post('unknown status', json({ status: 'resolved_by_magic', noteForReporter: MARK })),
    post('SQL as the status', json({ status: SQL_STRINGS[0], noteForReporter: MARK })),
    post('withdrawn as a status', json({ status: 'withdrawn', noteForReporter: MARK })),
    post('action_taken without actions', json({ status: 'action_taken', noteForReporter: MARK })),
    post(
      'actions without action_taken',
      json({ status: 'in_review', actions: ['content_removed'], noteForReporter: MARK }),
    ),
    post('an unknown action', json({ status: 'action_taken', actions: [`${MARK}nuke`] })),
    post('__proto__', `{"__proto__":{"status":"action_taken"},"status":"in_review","x":"${MARK}"}`),
    post('extra field', json({ status: 'in_review', receiverId: 'rcv_other', note: MARK })),
    post(
      'wrong content type',
      json({ status: 'in_review', noteForReporter: MARK }),
      [415],
      ctx.reference,
      { 'content-type': 'text/plain' },
    ),
    post(
      'another reference',
      json({ status: 'in_review', noteForReporter: MARK }),
      [403, 404],
      'SP-0000-0000',
    ),
    post(
      'SQL as the reference',
      json({ status: 'in_review', noteForReporter: MARK }),
      [400, 403, 404],
      `' OR 1=1 --${MARK}`,
    ),
    post(
      'an over-long reference',
      json({ status: 'in_review', noteForReporter: MARK }),
      [400],
      `SP-${'A'.repeat(60)}`,
    ),
  ]
}
