/**
 * The access matrix: every endpoint the hub documents (`GET /openapi.json`, so a new route
 * cannot escape) × every wrong credential — none, malformed, revoked, a site key or a receipt
 * token where a secret key is needed, another tenant's partner key, another receiver's key, a
 * key of the wrong scope, a console cookie where a bearer key is needed — is refused with
 * 401/403/404, never a 2xx, never a 5xx; lists opened with another tenant's key show none of
 * this tenant's objects. Routes that take no API key are classified one by one below; an
 * unclassified route fails the suite until someone says how it is guarded. And a receiver or a
 * partner key learns nothing about the other receivers of a report it shares: not their ids on
 * timelines, filters or webhooks, nor whether they got it. Cases, their assignments and
 * internal notes are the operators' alone: no receiver or partner credential reaches them, and
 * at the end of the run no webhook body and no reporter's status view holds an internal note.
 */

import type { Receipt } from '@safe-place/schemas'
import { createSafePlaceClient } from '@safe-place/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOperatorKey, type HubProcess, startHubProcess } from '../support/hub-process'
import { blackPng } from '../support/images'
import {
  eventually,
  type LoopbackReceiver,
  startLoopbackReceiver,
} from '../support/loopback-receiver'
import { type DocumentedRoute, documentedRoutes, fillPath } from '../support/openapi-routes'
import { sampleReport } from '../support/reports'
import { receiverInput, seedTenant, type Tenant } from '../support/seed'
import { tempDir } from '../support/temp-dir'

const ORIGIN_A = 'https://a.example'
const ORIGIN_B = 'https://b.example'

/** How a route without `security` in the OpenAPI document is guarded, and why. */
type Guard = 'open' | 'siteKey' | 'receipt' | 'consoleSignIn' | 'session'

const PUBLIC_ROUTES: Record<string, { guard: Guard; why: string }> = {
  'GET /healthz': { guard: 'open', why: 'liveness for load balancers; answers only {status}' },
  'GET /readyz': { guard: 'open', why: 'readiness for load balancers; answers only {status}' },
  'GET /v1/resources': { guard: 'open', why: 'the public help directory, the same for everyone' },
  'GET /console': { guard: 'open', why: 'the console page itself; its API needs a session' },
  'GET /widget/{path}': { guard: 'open', why: "the widget's script and lazy chunks (static)" },
  'GET /docs': {
    guard: 'open',
    why: 'the API documentation page (the OpenAPI document is public)',
  },
  'GET /docs/{file}': { guard: 'open', why: "Swagger UI's pinned files and initialiser (static)" },
  'GET /v1/widget-config': { guard: 'siteKey', why: 'the panel of a partner page' },
  'GET /v1/challenge': { guard: 'siteKey', why: 'proof-of-work for the panel' },
  'POST /v1/reports': { guard: 'siteKey', why: 'report intake from the panel' },
  'GET /v1/reports/{reference}/status': { guard: 'receipt', why: "the reporter's own view" },
  'DELETE /v1/reports/{reference}': { guard: 'receipt', why: "the reporter's withdrawal" },
  'POST /v1/reports/{reference}/contest': {
    guard: 'receipt',
    why: 'the reporter contests the answer her report got',
  },
  'PUT /v1/reports/{reference}/notifications': {
    guard: 'receipt',
    why: 'the reporter asks to be told by e-mail when her report moves',
  },
  'DELETE /v1/reports/{reference}/notifications': {
    guard: 'receipt',
    why: 'the reporter stops those e-mails',
  },
  'POST /v1/reports/{reference}/additions': {
    guard: 'receipt',
    why: 'the reporter adds an incident to her own report',
  },
  'POST /v1/reports/{reference}/consents': {
    guard: 'receipt',
    why: 'the reporter shares her own report with one more receiver',
  },
  'GET /v1/reports/{reference}/evidence-pack': {
    guard: 'receipt',
    why: "the reporter's own proof pack",
  },
  'GET /.well-known/safe-place/signing-keys.json': {
    guard: 'open',
    why: "the hub's public signing keys, so anyone can check a pack",
  },
  'POST /v1/console/session': { guard: 'consoleSignIn', why: 'exchanges a key for a cookie' },
}

/**
 * How a route is guarded: the `apiKey` scheme → secret key; the `consoleSession` scheme (or,
 * undocumented, a path under the console API) → the console's session cookie and CSRF token;
 * otherwise its entry in `PUBLIC_ROUTES`.
 */
function guardOf(route: DocumentedRoute): Guard | 'apiKey' | undefined {
  if (route.secured) return 'apiKey'
  if (route.schemes.includes('consoleSession')) return 'session'
  const known = PUBLIC_ROUTES[`${route.method} ${route.path}`]
  if (known) return known.guard
  if (route.path.startsWith('/v1/console/')) return 'session'
  return undefined
}

/**
 * Routes a wrong credential may open by design, with the reason. Keep this short: each entry
 * is a hole in the matrix that somebody must justify.
 */
const OPENS_WITH: Record<string, { credential: string; why: string }[]> = {
  'GET /v1/stats': [
    { credential: 'operator console cookie', why: 'the console reads stats with its session' },
  ],
}

/** Query strings a route needs to answer 200 to its rightful credential. */
const QUERIES: Record<string, string> = {
  'GET /v1/stats': '?from=2020-01-01&to=2030-12-31',
}

interface Call {
  status: number
  body: string
}

describe('access matrix: every documented endpoint × every wrong credential', () => {
  const dir = tempDir()
  let hub: HubProcess
  let sink: LoopbackReceiver
  let routes: DocumentedRoute[]
  let operatorKey: string
  let a: Tenant
  let b: Tenant
  const keys: Record<string, string> = {}
  const ids: Record<string, string> = {}
  let receiptA: Receipt
  let receiptB: Receipt
  /** Every receipt of the run, for the last scan of status views. */
  const receipts: Receipt[] = []
  let revokedSiteKey: string
  let operatorCookie: string | undefined
  let operatorCsrf: string | undefined
  let receiverBCookie: string | undefined
  let receiverBCsrf: string | undefined
  const seen: { what: string; status: number }[] = []

  async function call(
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: unknown,
  ): Promise<Call> {
    const init: RequestInit = { method, headers: { ...headers } }
    if (body !== undefined && method !== 'GET' && method !== 'DELETE') {
      init.body = JSON.stringify(body)
      ;(init.headers as Record<string, string>)['content-type'] = 'application/json'
    }
    const res = await fetch(`${hub.url}${path}`, init)
    const text = await res.text()
    seen.push({ what: `${method} ${path}`, status: res.status })
    // Never a 5xx, whatever the credential.
    expect(res.status, `${method} ${path} answered ${res.status}: ${text}`).toBeLessThan(500)
    return { status: res.status, body: text }
  }

  /** Tenant A's identifiers: none may show up in an answer to another tenant's credential. */
  function tenantAIdentifiers(): string[] {
    return [
      a.partnerId,
      a.siteKeyId,
      a.siteKey,
      ids.receiverA!,
      ids.messageA!,
      ids.partnerKeyA!,
      ids.receiverKeyA!,
      receiptA.reference,
      ids.caseA!,
      ids.caseRefA!,
    ]
  }

  /** The value of a path parameter: tenant A's object of the kind the path names. */
  function paramValues(route: DocumentedRoute): Record<string, string> {
    const values: Record<string, string> = { reference: receiptA.reference }
    for (const param of route.params) {
      if (param === 'reference') continue
      if (route.path === '/widget/{path}') {
        values.path = 'safe-place-help.js'
        continue
      }
      if (route.path === '/docs/{file}') {
        values.file = 'init.js'
        continue
      }
      const segment = route.path.split(`/{${param}}`)[0]!.split('/').pop()!
      const byKind: Record<string, string | undefined> = {
        'site-keys': a.siteKeyId,
        'api-keys': ids.partnerKeyA,
        receivers: ids.receiverA,
        messages: ids.messageA,
        partners: a.partnerId,
        reports: receiptA.reference,
        cases: ids.caseA,
        attachments: ids.attachmentA,
      }
      const value = byKind[segment]
      if (!value) throw new Error(`no tenant-A value for {${param}} in ${route.path}: add one`)
      values[param] = value
    }
    return values
  }

  /** The route's URL path for tenant A's objects, with the query it needs. */
  function target(route: DocumentedRoute): string {
    return (
      fillPath(route.path, paramValues(route)) + (QUERIES[`${route.method} ${route.path}`] ?? '')
    )
  }

  /** A valid body naming tenant A's objects, so a refusal is about the key, not the body. */
  function bodyFor(route: DocumentedRoute): unknown {
    const now = new Date()
    const range = {
      from: new Date(now.getTime() - 3_600_000).toISOString(),
      to: now.toISOString(),
    }
    const bodies: Record<string, unknown> = {
      'POST /v1/admin/partners': { name: 'Intrus', kind: 'brand' },
      'POST /v1/admin/site-keys': {
        partnerId: a.partnerId,
        allowedOrigins: ['https://evil.example'],
      },
      'PATCH /v1/admin/site-keys/{id}': { allowedOrigins: ['https://evil.example'] },
      'POST /v1/admin/api-keys': { name: 'intrus', scope: 'partner', partnerId: a.partnerId },
      'POST /v1/admin/receivers': receiverInput(a.partnerId, 'partner', `${sink.url}/evil`),
      'PATCH /v1/admin/receivers/{id}': { enabled: false },
      'POST /v1/admin/receivers/{id}/replay': range,
      'POST /v1/console/receivers/{id}/replay': range,
      'POST /v1/reports/{reference}/status': { status: 'acknowledged' },
      'POST /v1/reports': sampleReport(),
      'POST /v1/console/partners': { name: 'Intrus', kind: 'brand' },
      'POST /v1/console/site-keys': {
        partnerId: a.partnerId,
        allowedOrigins: ['https://evil.example'],
      },
      'PATCH /v1/console/site-keys/{id}': { allowedOrigins: ['https://evil.example'] },
      'POST /v1/console/reports/{reference}/status': { status: 'acknowledged' },
      'PUT /v1/console/preferences': { mediaDisplay: 'shown' },
      ...Object.fromEntries(
        ['/v1/admin', '/v1/console'].flatMap((base) => [
          [`POST ${base}/cases/{id}/assignee`, { assignee: 'me' }],
          [`POST ${base}/cases/{id}/merge`, { from: [ids.caseA] }],
          [`POST ${base}/cases/{id}/split`, { reports: [receiptA.reference] }],
          [`POST ${base}/cases/{id}/notes`, { text: 'intrus' }],
          [`POST ${base}/cases/{id}/status`, { status: 'closed' }],
          [`POST ${base}/cases/{id}/report-status`, { status: 'no_action' }],
        ]),
      ),
    }
    const key = `${route.method} ${route.path}`
    if (key in bodies) return bodies[key]
    return route.method === 'GET' || route.method === 'DELETE' ? undefined : {}
  }

  beforeAll(async () => {
    operatorKey = await createOperatorKey(dir.path)
    sink = await startLoopbackReceiver()
    hub = await startHubProcess({
      dataDir: dir.path,
      env: {
        // Deliveries go to the loopback sink, so messages exist to be asked about.
        WEBHOOK_ALLOW_HTTP: '1',
        WEBHOOK_ALLOW_CIDRS: '127.0.0.1/32',
        // The matrix sends hundreds of tries from one address: rate limits are not under test.
        SAFE_PLACE_RECEIPT_TRIES_PER_MINUTE: '1000000',
        SAFE_PLACE_CLIENT_EVIDENCE_PER_MINUTE: '1000000',
        SAFE_PLACE_CLIENT_REPORTS_PER_MINUTE: '1000000',
      },
    })
    a = await seedTenant(hub.url, operatorKey, { origin: ORIGIN_A, partnerName: 'Tenant A' })
    b = await seedTenant(hub.url, operatorKey, { origin: ORIGIN_B, partnerName: 'Tenant B' })
    const { admin } = a
    const receiverA = await admin.receivers.create(
      receiverInput(a.partnerId, 'partner', `${sink.url}/a`),
    )
    const receiverB = await admin.receivers.create(
      receiverInput(b.partnerId, 'partner', `${sink.url}/b`),
    )
    ids.receiverA = receiverA.id
    ids.receiverB = receiverB.id
    const partnerKeyA = await admin.apiKeys.create({
      name: 'A',
      scope: 'partner',
      partnerId: a.partnerId,
    })
    ids.partnerKeyA = partnerKeyA.id
    keys['partner key A'] = partnerKeyA.secret
    keys['partner key B'] = (
      await admin.apiKeys.create({ name: 'B', scope: 'partner', partnerId: b.partnerId })
    ).secret
    const receiverKeyA = await admin.apiKeys.create({
      name: 'rA',
      scope: 'receiver',
      receiverId: receiverA.id,
    })
    ids.receiverKeyA = receiverKeyA.id
    keys['receiver key A'] = receiverKeyA.secret
    keys['receiver key B'] = (
      await admin.apiKeys.create({ name: 'rB', scope: 'receiver', receiverId: receiverB.id })
    ).secret
    const revoked = await admin.apiKeys.create({ name: 'gone', scope: 'operator' })
    await admin.apiKeys.revoke(revoked.id)
    keys['revoked operator key'] = revoked.secret
    const revokedPartner = await admin.apiKeys.create({
      name: 'gone A',
      scope: 'partner',
      partnerId: a.partnerId,
    })
    await admin.apiKeys.revoke(revokedPartner.id)
    keys['revoked partner key A'] = revokedPartner.secret
    const oldSite = await admin.siteKeys.create({
      partnerId: a.partnerId,
      allowedOrigins: [ORIGIN_A],
    })
    await admin.siteKeys.revoke(oldSite.id)
    revokedSiteKey = oldSite.key

    receiptA = await createSafePlaceClient({ hubUrl: hub.url, siteKey: a.siteKey }).submitReport(
      sampleReport({}, [receiverA.id]),
    )
    receiptB = await createSafePlaceClient({ hubUrl: hub.url, siteKey: b.siteKey }).submitReport(
      sampleReport({ category: 'harassment' }, [receiverB.id]),
    )
    receipts.push(receiptA, receiptB)
    ids.messageA = await eventually(
      async () => (await admin.messages.list({ receiverId: receiverA.id })).items[0]?.id,
      20_000,
      "receiver A's message",
    )
    // A screenshot with a report of A's: the operator's console opens it on request.
    const form = new FormData()
    form.append('report', JSON.stringify(sampleReport({}, [receiverA.id])))
    form.append('attachments', new Blob([new Uint8Array(blackPng(64, 48))]), 'capture.png')
    const withImage = await fetch(`${hub.url}/v1/reports`, {
      method: 'POST',
      headers: { 'safe-place-site-key': a.siteKey, origin: ORIGIN_A },
      body: form,
    })
    expect(withImage.status).toBe(201)
    receipts.push((await withImage.json()) as Receipt)
    const imageRef = receipts.at(-1)!.reference
    ids.attachmentA = (await admin.reports.get(imageRef)).report!.evidence.attachments[0]!.id
    // Both of A's reports name the same creator: the grouper makes them one case of A's.
    const caseA = await eventually(
      async () => {
        const page = await admin.cases.list({ status: 'all', partnerId: a.partnerId })
        return page.items.find((c) => c.reports === 2)
      },
      20_000,
      "tenant A's case",
    )
    ids.caseA = caseA.id
    ids.caseRefA = caseA.reference

    routes = await documentedRoutes(hub.url)
    if (routes.some((r) => r.path.startsWith('/v1/console/'))) {
      const signIn = async (apiKey: string) => {
        const res = await fetch(`${hub.url}/v1/console/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: hub.url },
          body: JSON.stringify({ apiKey }),
        })
        expect(res.status).toBe(200)
        const cookie = res.headers.get('set-cookie')?.split(';')[0]
        const { csrfToken } = (await res.json()) as { csrfToken: string }
        return { cookie: cookie!, csrfToken }
      }
      const op = await signIn(operatorKey)
      operatorCookie = op.cookie
      operatorCsrf = op.csrfToken
      const rb = await signIn(keys['receiver key B']!)
      receiverBCookie = rb.cookie
      receiverBCsrf = rb.csrfToken
    }
  })

  afterAll(async () => {
    await hub?.kill('SIGKILL')
    await sink?.close()
    dir.remove()
  })

  it('knows how every documented route is guarded', () => {
    expect(routes.length).toBeGreaterThan(20)
    const unclassified = routes.filter((r) => guardOf(r) === undefined)
    expect(
      unclassified.map((r) => `${r.method} ${r.path}`),
      'classify these routes in PUBLIC_ROUTES (with the reason) or give them `security`',
    ).toEqual([])
    // The secret-key routes the docs list are all marked as such.
    for (const path of [
      '/v1/admin/reports/{reference}',
      '/v1/admin/receivers/{id}/rotate-secret',
    ]) {
      expect(routes.find((r) => r.path === path)?.secured, path).toBe(true)
    }
  })

  it('refuses every wrong credential on every secret-key route (401/403)', async () => {
    const bearer = (value: string) => ({ authorization: `Bearer ${value}` })
    const wrong: Record<string, Record<string, string>> = {
      'no credential': {},
      'empty bearer': { authorization: 'Bearer ' },
      'malformed key': bearer('not-a-key'),
      'unknown key': bearer(`sk_live_${'A'.repeat(43)}`),
      'operator key under Basic': {
        authorization: `Basic ${Buffer.from(`x:${operatorKey}`).toString('base64')}`,
      },
      'operator key with a trailing word': { authorization: `Bearer ${operatorKey} extra` },
      'operator key cut short': bearer(operatorKey.slice(0, -1)),
      'revoked operator key': bearer(keys['revoked operator key']!),
      'revoked partner key A': bearer(keys['revoked partner key A']!),
      'site key as bearer': bearer(a.siteKey),
      'site key header only': { 'safe-place-site-key': a.siteKey },
      'receipt token as bearer': bearer(receiptA.receiptToken),
      'receiver console cookie': receiverBCookie ? { cookie: receiverBCookie } : {},
      'operator console cookie': operatorCookie ? { cookie: operatorCookie } : {},
    }
    let checked = 0
    for (const route of routes.filter((r) => r.secured)) {
      const path = target(route)
      for (const [name, headers] of Object.entries(wrong)) {
        const allowed = OPENS_WITH[`${route.method} ${route.path}`]?.some(
          (o) => o.credential === name,
        )
        if (allowed) continue
        const res = await call(route.method, path, headers, bodyFor(route))
        expect([401, 403], `${name} on ${route.method} ${route.path}: ${res.body}`).toContain(
          res.status,
        )
        checked++
      }
    }
    expect(checked).toBeGreaterThan(200)
  })

  it("refuses another tenant's and the wrong scope's keys, and lists none of tenant A's objects", async () => {
    const crossing = ['partner key B', 'receiver key B', 'receiver key A']
    for (const route of routes.filter((r) => r.secured)) {
      const path = target(route)
      const isReceiverRoute = route.path === '/v1/reports/{reference}/status'
      for (const name of crossing) {
        // Receiver A's own key on its own report is the legitimate use of that route.
        if (isReceiverRoute && name === 'receiver key A') continue
        const res = await call(
          route.method,
          path,
          { authorization: `Bearer ${keys[name]}` },
          bodyFor(route),
        )
        const where = `${name} on ${route.method} ${route.path}: ${res.status} ${res.body.slice(0, 300)}`
        if (res.status >= 200 && res.status < 300) {
          // Only a read may succeed, and only without a trace of tenant A.
          expect(route.method, where).toBe('GET')
          expect(route.params, where).toEqual([])
          for (const id of tenantAIdentifiers()) expect(res.body, where).not.toContain(id)
        } else {
          expect([401, 403, 404], where).toContain(res.status)
        }
      }
    }
    // Scope: tenant A's own partner key cannot use operator-only routes either.
    for (const route of routes.filter((r) => r.secured && r.method !== 'GET')) {
      if (!/^\/v1\/admin\/(partners|api-keys|receivers|messages)/.test(route.path)) continue
      const res = await call(
        route.method,
        target(route),
        { authorization: `Bearer ${keys['partner key A']}` },
        bodyFor(route),
      )
      expect(res.status, `partner key A on ${route.method} ${route.path}`).toBe(403)
    }
    // The operator is not a receiver: it cannot post a receiver's status update.
    const operatorStatus = await call(
      'POST',
      `/v1/reports/${receiptA.reference}/status`,
      { authorization: `Bearer ${operatorKey}` },
      { status: 'acknowledged' },
    )
    expect(operatorStatus.status).toBe(403)
    // Receiver A has no say on tenant B's report, which was never routed to it.
    const foreignReport = await call(
      'POST',
      `/v1/reports/${receiptB.reference}/status`,
      { authorization: `Bearer ${keys['receiver key A']}` },
      { status: 'acknowledged' },
    )
    expect([403, 404]).toContain(foreignReport.status)
  })

  it('reads of existing objects across tenants fail where the same read by the owner works', async () => {
    const reads = [
      `/v1/admin/reports/${receiptA.reference}`,
      `/v1/admin/receivers/${ids.receiverA}`,
      `/v1/admin/messages/${ids.messageA}`,
    ]
    for (const path of reads) {
      const own = await call('GET', path, { authorization: `Bearer ${keys['partner key A']}` })
      expect(own.status, `partner A reads ${path}`).toBe(200)
      const other = await call('GET', path, { authorization: `Bearer ${keys['partner key B']}` })
      expect(other.status, `partner B reads ${path}`).toBe(404)
    }
    const listB = await call('GET', '/v1/admin/reports', {
      authorization: `Bearer ${keys['partner key B']}`,
    })
    expect(listB.body).toContain(receiptB.reference)
    expect(listB.body).not.toContain(receiptA.reference)
  })

  it('refuses site-key routes without a valid site key for the calling origin', async () => {
    const wrong: Record<string, Record<string, string>> = {
      'no site key': {},
      'unknown site key': { 'safe-place-site-key': 'spk_unknown_0000000000' },
      'revoked site key': { 'safe-place-site-key': revokedSiteKey },
      'operator key as site key': { 'safe-place-site-key': operatorKey },
      'operator key as bearer': { authorization: `Bearer ${operatorKey}` },
      "A's site key from B's origin": { 'safe-place-site-key': a.siteKey, origin: ORIGIN_B },
      'site key from an unknown origin': {
        'safe-place-site-key': a.siteKey,
        origin: 'https://evil.example',
      },
    }
    const siteKeyRoutes = routes.filter((r) => guardOf(r) === 'siteKey')
    expect(siteKeyRoutes.length).toBeGreaterThanOrEqual(3)
    const before = await reportCount()
    for (const route of siteKeyRoutes) {
      for (const [name, headers] of Object.entries(wrong)) {
        const res = await call(route.method, route.path, headers, bodyFor(route))
        expect([401, 403], `${name} on ${route.method} ${route.path}: ${res.body}`).toContain(
          res.status,
        )
      }
      const right = await call(
        route.method,
        route.path,
        { 'safe-place-site-key': a.siteKey, origin: ORIGIN_A },
        bodyFor(route),
      )
      expect(right.status, `site key A on ${route.method} ${route.path}`).toBeLessThan(300)
    }
    // Only the one accepted report above was stored.
    expect(await reportCount()).toBe(before + 1)
  })

  it("never replays another site key's answer for the same Idempotency-Key", async () => {
    const key = `matrix-idem-${Date.now()}`
    const send = (siteKey: string, origin: string) =>
      call(
        'POST',
        '/v1/reports',
        { 'safe-place-site-key': siteKey, origin, 'idempotency-key': key },
        sampleReport({ what: { description: 'same body, same key', ongoing: true } }),
      )
    const first = await send(a.siteKey, ORIGIN_A)
    expect(first.status).toBe(201)
    const second = await send(b.siteKey, ORIGIN_B)
    expect(second.status).toBe(201)
    const [ra, rb] = [JSON.parse(first.body) as Receipt, JSON.parse(second.body) as Receipt]
    // B got its own report and token, not A's receipt.
    expect(rb.reference).not.toBe(ra.reference)
    expect(rb.receiptToken).not.toBe(ra.receiptToken)
    // A's own retry still gets A's answer.
    const again = await send(a.siteKey, ORIGIN_A)
    expect((JSON.parse(again.body) as Receipt).reference).toBe(ra.reference)
  })

  it("refuses receipt routes without this report's own token", async () => {
    const bearer = (value: string) => ({ authorization: `Bearer ${value}` })
    const wrong: Record<string, Record<string, string>> = {
      'no token': {},
      'forged token': bearer(`rt_${'x'.repeat(43)}`),
      "B's token": bearer(receiptB.receiptToken),
      'token with a changed character': bearer(
        `${receiptA.receiptToken.slice(0, -1)}${receiptA.receiptToken.endsWith('A') ? 'B' : 'A'}`,
      ),
      'token and more': bearer(`${receiptA.receiptToken}x`),
      'operator key': bearer(operatorKey),
      'partner key A': bearer(keys['partner key A']!),
      'site key A': { 'safe-place-site-key': a.siteKey },
      'token under Basic': { authorization: `Basic ${receiptA.receiptToken}` },
    }
    const receiptRoutes = routes.filter((r) => guardOf(r) === 'receipt')
    expect(receiptRoutes.length).toBe(8)
    for (const route of receiptRoutes) {
      for (const [name, headers] of Object.entries(wrong)) {
        const res = await call(
          route.method,
          fillPath(route.path, { reference: receiptA.reference }),
          headers,
        )
        expect(res.status, `${name} on ${route.method} ${route.path}: ${res.body}`).toBe(401)
      }
      // B's token on A's reference and A's token on B's reference are both wrong.
      const swapped = await call(
        route.method,
        fillPath(route.path, { reference: receiptB.reference }),
        bearer(receiptA.receiptToken),
      )
      expect(swapped.status).toBe(401)
    }
    // Nothing was withdrawn by all that.
    const status = await call('GET', `/v1/reports/${receiptA.reference}/status`, {
      authorization: `Bearer ${receiptA.receiptToken}`,
    })
    expect(status.status).toBe(200)
    expect(JSON.parse(status.body).status).not.toBe('withdrawn')
  })

  it('refuses console routes without a live session, and changes without the CSRF token', async () => {
    const consoleRoutes = routes.filter((r) => guardOf(r) === 'session')
    if (consoleRoutes.length === 0) return
    const wrong: Record<string, Record<string, string>> = {
      'no cookie': {},
      'forged cookie': { cookie: `${operatorCookie!.split('=')[0]}=${'f'.repeat(43)}` },
      'operator key as bearer': { authorization: `Bearer ${operatorKey}` },
    }
    for (const route of consoleRoutes) {
      const path = target(route)
      for (const [name, headers] of Object.entries(wrong)) {
        const res = await call(route.method, path, { ...headers, origin: hub.url }, bodyFor(route))
        expect([401, 403], `${name} on ${route.method} ${route.path}: ${res.body}`).toContain(
          res.status,
        )
      }
      if (route.method !== 'GET') {
        const noCsrf = await call(
          route.method,
          path,
          { cookie: operatorCookie!, origin: hub.url },
          bodyFor(route),
        )
        expect(noCsrf.status, `no CSRF token on ${route.method} ${route.path}`).toBe(403)
        const crossSite = await call(
          route.method,
          path,
          {
            cookie: operatorCookie!,
            origin: 'https://evil.example',
            'x-csrf-token': operatorCsrf!,
          },
          bodyFor(route),
        )
        expect(crossSite.status, `cross-site ${route.method} ${route.path}`).toBe(403)
      }
    }
    // Receiver B's own session (with its CSRF token) reaches none of receiver A's objects.
    for (const route of consoleRoutes) {
      if (route.path === '/v1/console/session') continue
      const res = await call(
        route.method,
        target(route),
        { cookie: receiverBCookie!, origin: hub.url, 'x-csrf-token': receiverBCsrf! },
        bodyFor(route),
      )
      const where = `receiver B session on ${route.method} ${route.path}: ${res.status} ${res.body.slice(0, 300)}`
      if (res.status >= 200 && res.status < 300) {
        expect(route.method, where).toBe('GET')
        expect(route.params, where).toEqual([])
        for (const id of tenantAIdentifiers()) expect(res.body, where).not.toContain(id)
      } else {
        expect([401, 403, 404], where).toContain(res.status)
      }
    }
    // The console sign-in takes only live operator or receiver keys.
    for (const apiKey of [
      keys['revoked operator key']!,
      keys['partner key A']!,
      a.siteKey,
      `sk_live_${'B'.repeat(43)}`,
    ]) {
      const res = await call('POST', '/v1/console/session', { origin: hub.url }, { apiKey })
      expect([400, 401, 403], `console sign-in with ${apiKey.slice(0, 12)}…`).toContain(res.status)
    }
  })

  it('opens every GET route to its rightful credential (so the refusals above mean something)', async () => {
    for (const route of routes.filter((r) => r.method === 'GET')) {
      const guard = guardOf(route)
      const headers: Record<string, string> =
        guard === 'apiKey'
          ? { authorization: `Bearer ${operatorKey}` }
          : guard === 'siteKey'
            ? { 'safe-place-site-key': a.siteKey }
            : guard === 'receipt'
              ? { authorization: `Bearer ${receiptA.receiptToken}` }
              : guard === 'session'
                ? { cookie: operatorCookie! }
                : {}
      const res = await call('GET', target(route), headers)
      const where = `${route.method} ${route.path} with its own credential`
      // Open routes need no credential; a static file may be absent from a partial build.
      if (guard === 'open') expect([401, 403], where).not.toContain(res.status)
      else expect(res.status, where).toBe(200)
      if (guard === 'open') {
        for (const id of tenantAIdentifiers()) expect(res.body, route.path).not.toContain(id)
      }
    }
    const status = await call(
      'POST',
      `/v1/reports/${receiptA.reference}/status`,
      { authorization: `Bearer ${keys['receiver key A']}` },
      { status: 'acknowledged' },
    )
    expect(status.status).toBe(200)
    expect(seen.every((s) => s.status < 500)).toBe(true)
  })

  it('a receiver or a partner key learns nothing about other receivers: not their ids, nor whether they got a report', async () => {
    // Tenant B runs a federation; a report from tenant A's site goes to A's own receiver and to
    // it, so A's side and B's side share one report and must not see each other.
    const fedB = await a.admin.receivers.create(
      receiverInput(b.partnerId, 'federation', `${sink.url}/fed-b`),
    )
    const fedBKey = await a.admin.apiKeys.create({
      name: 'fed B',
      scope: 'receiver',
      receiverId: fedB.id,
    })
    const shared = await createSafePlaceClient({
      hubUrl: hub.url,
      siteKey: a.siteKey,
    }).submitReport(sampleReport({}, [ids.receiverA!, fedB.id]))
    const createdFor = (path: string) =>
      sink.requests.some(
        (r) =>
          r.path === path && r.body.includes('report.created') && r.body.includes(shared.reference),
      ) || undefined
    await eventually(
      async () => createdFor('/a') && createdFor('/fed-b'),
      20_000,
      'both deliveries',
    )
    const bearer = (name: string) => ({ authorization: `Bearer ${keys[name]}` })
    const fedBBearer = { authorization: `Bearer ${fedBKey.secret}` }
    const others = [fedB.id, ids.receiverB!]
    const errorOf = (c: Call) => {
      const { code, message } = (JSON.parse(c.body) as { error: { code: string; message: string } })
        .error
      return { code, message }
    }

    // The operator sees every receiver on the timeline (so the absences below mean something).
    const asOperator = await call('GET', `/v1/admin/reports/${shared.reference}`, {
      authorization: `Bearer ${operatorKey}`,
    })
    for (const id of [...others, ids.receiverA!]) expect(asOperator.body).toContain(id)

    // Partner A: its report's timeline shows its own receiver only.
    const asPartnerA = await call(
      'GET',
      `/v1/admin/reports/${shared.reference}`,
      bearer('partner key A'),
    )
    expect(asPartnerA.status).toBe(200)
    for (const id of others) expect(asPartnerA.body, 'partner A reads its report').not.toContain(id)
    const timeline = (
      JSON.parse(asPartnerA.body) as {
        timeline: { routing?: { receiverId: string }; actor?: string }[]
      }
    ).timeline
    expect(timeline.some((e) => e.routing?.receiverId === ids.receiverA)).toBe(true)
    expect(timeline.every((e) => !e.routing || e.routing.receiverId === ids.receiverA)).toBe(true)
    // Its older report too: the routing decisions about B's receivers are gone.
    const olderA = await call(
      'GET',
      `/v1/admin/reports/${receiptA.reference}`,
      bearer('partner key A'),
    )
    for (const id of others) expect(olderA.body).not.toContain(id)

    // Receiver filters name one's own receivers only; any other id is the same 403.
    const filters: [string, Record<string, string>, string, string][] = [
      ['/v1/admin/reports', bearer('partner key A'), fedB.id, ids.receiverA!],
      ['/v1/admin/messages', bearer('partner key A'), fedB.id, ids.receiverA!],
      ['/v1/admin/messages', bearer('partner key B'), ids.receiverA!, fedB.id],
    ]
    for (const [path, headers, foreign, own] of filters) {
      const theirs = await call('GET', `${path}?receiverId=${foreign}`, headers)
      const nobody = await call('GET', `${path}?receiverId=rcv_01NOBODY0000000000000000`, headers)
      expect(theirs.status, `${path} filtered by another's receiver`).toBe(403)
      expect(errorOf(theirs)).toEqual(errorOf(nobody))
      expect((await call('GET', `${path}?receiverId=${own}`, headers)).status, path).toBe(200)
    }
    const ownReports = await call(
      'GET',
      `/v1/admin/reports?receiverId=${ids.receiverA}`,
      bearer('partner key A'),
    )
    expect(ownReports.body).toContain(shared.reference)
    // Partner B lists its federation's messages, about A's report, and nothing of A's receiver.
    const messagesB = await call('GET', '/v1/admin/messages', bearer('partner key B'))
    expect(messagesB.body).toContain(fedB.id)
    expect(messagesB.body).not.toContain(ids.receiverA)

    // Receiver fed B in the console: its own report view and filters only.
    const session = await fetch(`${hub.url}/v1/console/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: hub.url },
      body: JSON.stringify({ apiKey: fedBKey.secret }),
    })
    expect(session.status).toBe(200)
    const fedBCookie = { cookie: session.headers.get('set-cookie')!.split(';')[0]! }
    for (const path of ['/v1/console/reports', '/v1/console/messages']) {
      const theirs = await call('GET', `${path}?receiverId=${ids.receiverA}`, fedBCookie)
      const nobody = await call(
        'GET',
        `${path}?receiverId=rcv_01NOBODY0000000000000000`,
        fedBCookie,
      )
      expect(theirs.status, `${path} filtered by receiver A`).toBe(403)
      expect(errorOf(theirs)).toEqual(errorOf(nobody))
      expect((await call('GET', `${path}?receiverId=${fedB.id}`, fedBCookie)).status).toBe(200)
    }
    const inbox = await call('GET', `/v1/console/reports?receiverId=${fedB.id}`, fedBCookie)
    expect(inbox.body).toContain(shared.reference)
    expect(inbox.body).not.toContain(receiptA.reference)

    // Statuses: receiver A acts, then the operator; fed B hears both, and only who in one word.
    const byA = await call(
      'POST',
      `/v1/reports/${shared.reference}/status`,
      bearer('receiver key A'),
      { status: 'action_taken', actions: ['content_removed'], noteForReporter: 'Retiré par A.' },
    )
    expect(byA.status).toBe(200)
    const byOperator = await call(
      'POST',
      `/v1/console/reports/${shared.reference}/status`,
      { cookie: operatorCookie!, origin: hub.url, 'x-csrf-token': operatorCsrf! },
      { status: 'referred_to_authorities' },
    )
    expect(byOperator.status).toBe(200)
    const changedFor = (path: string) =>
      sink.requests
        .filter((r) => r.path === path && r.body.includes('report.status_changed'))
        .map((r) => JSON.parse(r.body) as { data: { reference: string; changedBy: string } })
        .filter((e) => e.data.reference === shared.reference)
    const heardByFedB = await eventually(
      async () => (changedFor('/fed-b').length >= 2 ? changedFor('/fed-b') : undefined),
      20_000,
      'report.status_changed to fed B',
    )
    expect(heardByFedB.map((e) => e.data.changedBy).sort()).toEqual(['operator', 'receiver'])
    for (const event of heardByFedB) {
      const text = JSON.stringify(event)
      expect(text).not.toContain(ids.receiverA)
      expect(text).not.toContain('Retiré par A.')
      for (const kind of ['"partner"', 'federation', 'trusted_flagger', 'moderation_vendor']) {
        expect(text).not.toContain(kind)
      }
    }
    // Fed B's view of the report, after A acted: still nothing of A.
    const detail = await call('GET', `/v1/console/reports/${shared.reference}`, fedBCookie)
    expect(detail.status).toBe(200)
    expect(detail.body).not.toContain(ids.receiverA)
    expect(detail.body).not.toContain('Retiré par A.')
    // A status answer tells fed B nothing about a report it did not get.
    const notSent = await call('POST', `/v1/reports/${receiptA.reference}/status`, fedBBearer, {
      status: 'acknowledged',
    })
    const missing = await call('POST', '/v1/reports/SP-0000-0000/status', fedBBearer, {
      status: 'acknowledged',
    })
    expect(notSent.status).toBe(404)
    expect(errorOf(notSent)).toEqual(errorOf(missing))
  })

  it('keeps cases, assignments and internal notes from receivers and partner keys; no webhook body or status view of the run holds an internal note', async () => {
    const NOTE = 'zq_matrix_internal_note_53: rappelée, elle porte plainte'
    const op = { authorization: `Bearer ${operatorKey}` }
    const casePath = `/v1/admin/cases/${ids.caseA}`
    // The operator works the case: takes it, writes a note, moves its reports along.
    expect((await call('POST', `${casePath}/assignee`, op, { assignee: 'me' })).status).toBe(200)
    expect((await call('POST', `${casePath}/notes`, op, { text: NOTE })).status).toBe(200)
    const bulk = await call('POST', `${casePath}/report-status`, op, {
      status: 'in_review',
      noteForReporter: 'Votre signalement est examiné avec les autres.',
    })
    expect(bulk.status).toBe(200)
    expect((await call('GET', casePath, op)).body).toContain(NOTE)

    // Receivers and partners reach no case route, with a key or a console session.
    const credentials: Record<string, Record<string, string>> = {
      'partner key A': { authorization: `Bearer ${keys['partner key A']}` },
      'partner key B': { authorization: `Bearer ${keys['partner key B']}` },
      'receiver key A': { authorization: `Bearer ${keys['receiver key A']}` },
      'receiver key B': { authorization: `Bearer ${keys['receiver key B']}` },
      'receiver B session': {
        cookie: receiverBCookie!,
        origin: hub.url,
        'x-csrf-token': receiverBCsrf!,
      },
    }
    for (const [name, headers] of Object.entries(credentials)) {
      for (const route of routes.filter((r) =>
        /\/cases|\/operators|\/preferences|\/attachments/.test(r.path),
      )) {
        const res = await call(route.method, target(route), headers, bodyFor(route))
        expect([401, 403], `${name} on ${route.method} ${route.path}`).toContain(res.status)
      }
    }
    // Nor learns of the case through a report: not its id, reference, assignee or notes.
    const viaReport = await call('GET', `/v1/admin/reports/${receiptA.reference}`, {
      authorization: `Bearer ${keys['partner key A']}`,
    })
    expect(viaReport.status).toBe(200)
    const receiverA = await fetch(`${hub.url}/v1/console/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: hub.url },
      body: JSON.stringify({ apiKey: keys['receiver key A'] }),
    })
    const cookieA = { cookie: receiverA.headers.get('set-cookie')!.split(';')[0]! }
    const consoleView = await call('GET', `/v1/console/reports/${receiptA.reference}`, cookieA)
    expect(consoleView.status).toBe(200)
    expect(JSON.parse(consoleView.body)).not.toHaveProperty('case')
    for (const body of [viaReport.body, consoleView.body]) {
      for (const secret of [NOTE, ids.caseA!, ids.caseRefA!, 'assignee']) {
        expect(body).not.toContain(secret)
      }
    }

    // The bulk status reached receiver A as webhooks…
    await eventually(
      async () =>
        sink.requests.some(
          (r) =>
            r.path === '/a' &&
            r.body.includes('report.status_changed') &&
            r.body.includes('in_review'),
        ) || undefined,
      20_000,
      'report.status_changed after the bulk status',
    )
    // …and no webhook body of the whole run, no reporter's status view, holds an internal note.
    expect(sink.requests.length).toBeGreaterThan(5)
    for (const r of sink.requests) {
      expect(r.body).not.toContain('zq_matrix_internal_note')
      expect(r.body).not.toContain(ids.caseRefA)
    }
    for (const receipt of receipts) {
      const view = await call('GET', `/v1/reports/${receipt.reference}/status`, {
        authorization: `Bearer ${receipt.receiptToken}`,
      })
      expect(view.status).toBe(200)
      expect(view.body).not.toContain('zq_matrix_internal_note')
      expect(view.body).not.toContain(ids.caseRefA)
    }
    const mine = await call('GET', `/v1/reports/${receiptA.reference}/status`, {
      authorization: `Bearer ${receiptA.receiptToken}`,
    })
    expect(mine.body).toContain('Votre signalement est examiné avec les autres.')
  })

  async function reportCount(): Promise<number> {
    const page = (await (
      await fetch(`${hub.url}/v1/admin/reports?limit=100`, {
        headers: { authorization: `Bearer ${operatorKey}` },
      })
    ).json()) as { items: unknown[] }
    return page.items.length
  }
})
