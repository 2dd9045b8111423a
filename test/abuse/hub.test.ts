/**
 * Abuse: a real hub process takes the hostile corpus (`corpus.ts`) and seeded fast-check
 * barrages (`arbitraries.ts`) on intake, attachments, status, withdrawal and the operator API.
 * Every answer is checked as it comes: the expected 4xx, never a 5xx. Afterwards the process is
 * still up and ready, and its database file holds exactly the reports that were accepted —
 * no row from a refused request, no orphan attachment, no marker text in any byte.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { connect } from 'node:net'
import { join } from 'node:path'
import { createClient } from '@libsql/client'
import { type Receipt, ReportIntake } from '@safe-place/schemas'
import { createSafePlaceClient } from '@safe-place/sdk'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOperatorKey, type HubProcess, startHubProcess } from '../support/hub-process'
import { tinyPng } from '../support/images'
import { type LoopbackReceiver, startLoopbackReceiver } from '../support/loopback-receiver'
import { sampleReport } from '../support/reports'
import { receiverInput, seedTenant } from '../support/seed'
import { tempDir } from '../support/temp-dir'
import { hostileJson, multipartJunk, mutatedReport, receiptGuess } from './arbitraries'
import {
  adminCorpus,
  type Context,
  type HostileRequest,
  imageBombs,
  intakeCorpus,
  MARK,
  miscCorpus,
  multipartCorpus,
  receiptCorpus,
  STATIC_TRAVERSALS,
  statusUpdateCorpus,
} from './corpus'

/** Seeded, so a failure replays; raise `ABUSE_RUNS` for a longer soak. */
const SEED = 20261123
const RUNS = Number(process.env.ABUSE_RUNS ?? 200)

/** What the hub documents doing before validation: a plain-object context gets a source. */
function withDefaultSource(candidate: Record<string, unknown>): unknown {
  const context = candidate.context
  if (context === undefined) return { ...candidate, context: { source: 'api' } }
  const plain = context !== null && typeof context === 'object' && !Array.isArray(context)
  if (plain && !('source' in context))
    return { ...candidate, context: { ...context, source: 'api' } }
  return candidate
}

describe('abuse: a hub process under hostile input', () => {
  const dir = tempDir()
  let hub: HubProcess
  let sink: LoopbackReceiver
  let ctx: Context
  const accepted = new Set<string>()
  let acceptedAttachments = 0
  const statuses: { what: string; status: number }[] = []

  async function send(
    what: string,
    path: string,
    init: RequestInit,
  ): Promise<{ status: number; text: string }> {
    const res = await fetch(`${hub.url}${path}`, init)
    const text = await res.text()
    statuses.push({ what, status: res.status })
    expect(res.status, `${what} answered ${res.status}: ${text.slice(0, 300)}`).toBeLessThan(500)
    if (res.status === 201 && path === '/v1/reports') {
      accepted.add((JSON.parse(text) as Receipt).reference)
    }
    return { status: res.status, text }
  }

  async function sendCorpus(entries: HostileRequest[]) {
    for (const entry of entries) {
      const res = await send(entry.name, entry.path, {
        method: entry.method,
        headers: entry.headers ?? {},
        ...(entry.body !== undefined ? { body: entry.body as BodyInit } : {}),
      })
      expect(entry.expect, `${entry.name}: ${res.status} ${res.text.slice(0, 300)}`).toContain(
        res.status,
      )
      // A refusal is an ErrorBody with a code, never an HTML page or a stack.
      if (res.status !== 431)
        expect(JSON.parse(res.text).error.code, entry.name).toMatch(/^[a-z_]+$/)
    }
  }

  beforeAll(async () => {
    const operatorKey = await createOperatorKey(dir.path)
    sink = await startLoopbackReceiver()
    hub = await startHubProcess({
      dataDir: dir.path,
      env: {
        SAFE_PLACE_CLIENT_REPORTS_PER_MINUTE: '1000000',
        SAFE_PLACE_RECEIPT_TRIES_PER_MINUTE: '1000000',
        // One receiver on loopback, so the receiver status route has a report to talk about.
        WEBHOOK_ALLOW_HTTP: '1',
        WEBHOOK_ALLOW_CIDRS: '127.0.0.1/32',
      },
    })
    const tenant = await seedTenant(hub.url, operatorKey, { origin: 'https://abuse.example' })
    const receiver = await tenant.admin.receivers.create(
      receiverInput(tenant.partnerId, 'federation', `${sink.url}/hooks`),
    )
    const receiverKey = await tenant.admin.apiKeys.create({
      name: 'receiver',
      scope: 'receiver',
      receiverId: receiver.id,
    })
    const receipt = await createSafePlaceClient({
      hubUrl: hub.url,
      siteKey: tenant.siteKey,
    }).submitReport(
      sampleReport({ what: { description: `${MARK}the real one`, ongoing: true } }, [receiver.id]),
    )
    accepted.add(receipt.reference)
    ctx = {
      hubUrl: hub.url,
      siteKey: tenant.siteKey,
      operatorKey,
      receiverKey: receiverKey.secret,
      reference: receipt.reference,
      receiptToken: receipt.receiptToken,
    }
  })

  afterAll(async () => {
    await hub?.kill('SIGKILL')
    await sink?.close()
    dir.remove()
  })

  it('refuses the hostile JSON corpus on intake', async () => {
    const corpus = intakeCorpus(ctx)
    expect(corpus.length).toBeGreaterThan(60)
    await sendCorpus(corpus)
  })

  it('refuses hostile multipart bodies and files, and takes a good one', async () => {
    await sendCorpus(multipartCorpus(ctx))
    // Control: the same framing with a real image is accepted, so the refusals are about input.
    const form = new FormData()
    form.append(
      'report',
      JSON.stringify(sampleReport({ what: { description: `${MARK}mp`, ongoing: true } })),
    )
    form.append(
      'attachments',
      new Blob([new Uint8Array(tinyPng)], { type: 'image/png' }),
      '../../a.png',
    )
    const ok = await send('good multipart', '/v1/reports', {
      method: 'POST',
      headers: { 'safe-place-site-key': ctx.siteKey },
      body: form,
    })
    expect(ok.status).toBe(201)
    acceptedAttachments++
  })

  it('refuses decompression bombs fast and without blowing up memory', async () => {
    for (const bomb of imageBombs()) {
      expect(bomb.data.length, bomb.name).toBeLessThan(200_000)
      const form = new FormData()
      form.append(
        'report',
        JSON.stringify(sampleReport({ what: { description: `${MARK}bomb`, ongoing: true } })),
      )
      form.append('attachments', new Blob([new Uint8Array(bomb.data)], { type: bomb.type }), 'x')
      const started = performance.now()
      const res = await send(bomb.name, '/v1/reports', {
        method: 'POST',
        headers: { 'safe-place-site-key': ctx.siteKey },
        body: form,
      })
      const ms = performance.now() - started
      expect(res.status, `${bomb.name}: ${res.text}`).toBe(422)
      expect(JSON.parse(res.text).error.code).toBe('attachment_invalid')
      expect(ms, bomb.name).toBeLessThan(3_000)
    }
    // Peak resident memory of the hub process, over its whole life so far.
    const status = readFileSync(`/proc/${hub.child.pid}/status`, 'utf8')
    const peakKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1])
    expect(peakKb).toBeGreaterThan(0)
    expect(peakKb / 1024, 'peak RSS in MB').toBeLessThan(600)
  })

  it('answers random JSON, random bytes and mutated reports with 4xx, or 201 only for a valid report', async () => {
    const headers = { 'content-type': 'application/json', 'safe-place-site-key': ctx.siteKey }
    await fc.assert(
      fc.asyncProperty(hostileJson, async (value) => {
        const res = await send('random JSON', '/v1/reports', {
          method: 'POST',
          headers,
          body: JSON.stringify(value) ?? 'null',
        })
        expect([400, 413]).toContain(res.status)
      }),
      { seed: SEED, numRuns: RUNS },
    )
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
        const res = await send('random bytes', '/v1/reports', {
          method: 'POST',
          headers,
          body: bytes,
        })
        expect([400]).toContain(res.status)
      }),
      { seed: SEED + 1, numRuns: RUNS },
    )
    let valid = 0
    await fc.assert(
      fc.asyncProperty(mutatedReport, async ({ text }) => {
        const res = await send('mutated report', '/v1/reports', {
          method: 'POST',
          headers,
          body: text,
        })
        const parsed = ReportIntake.safeParse(withDefaultSource(JSON.parse(text)))
        if (res.status === 201) {
          // Stored only if the shared schema says it is a report (and no honeypot was filled).
          expect(parsed.success, text.slice(0, 500)).toBe(true)
          valid++
        } else {
          expect([400, 413, 422], `${res.status} ${res.text.slice(0, 200)}`).toContain(res.status)
        }
      }),
      { seed: SEED + 2, numRuns: RUNS },
    )
    // Some mutations keep a valid report (e.g. another ongoing flag): the oracle is exercised.
    expect(valid).toBeGreaterThan(0)
    await fc.assert(
      fc.asyncProperty(multipartJunk, async (parts) => {
        const form = new FormData()
        for (const part of parts) {
          if (typeof part.value === 'string') form.append(part.name, part.value)
          else form.append(part.name, new Blob([new Uint8Array(part.value)]), part.filename ?? 'f')
        }
        const res = await send('multipart junk', '/v1/reports', {
          method: 'POST',
          headers: { 'safe-place-site-key': ctx.siteKey },
          body: form,
        })
        expect([400, 413, 422]).toContain(res.status)
      }),
      { seed: SEED + 3, numRuns: Math.ceil(RUNS / 2) },
    )
  })

  it('refuses forged receipts on status and withdrawal, and withdraws nothing', async () => {
    await sendCorpus(receiptCorpus(ctx))
    await fc.assert(
      fc.asyncProperty(receiptGuess, fc.constantFrom('GET', 'DELETE'), async (guess, method) => {
        const suffix = method === 'GET' ? '/status' : ''
        // What HTTP can carry: a well-formed path segment, a Latin-1 header without CR/LF/NUL.
        const reference = encodeURIComponent(guess.reference.replace(/[\ud800-\udfff]/g, '?'))
        const token = guess.token.replace(/[^\x20-\x7e\x80-\xff]/g, '')
        const res = await send(`receipt guess ${method}`, `/v1/reports/${reference}${suffix}`, {
          method,
          headers: { authorization: `Bearer ${token}`.trim() },
        })
        expect([400, 401, 404]).toContain(res.status)
      }),
      { seed: SEED + 4, numRuns: RUNS },
    )
    const status = await send('the real receipt', `/v1/reports/${ctx.reference}/status`, {
      headers: { authorization: `Bearer ${ctx.receiptToken}` },
    })
    expect(status.status).toBe(200)
    expect(JSON.parse(status.text).status).not.toBe('withdrawn')
  })

  it('refuses hostile operator API input and hostile receiver status updates', async () => {
    await sendCorpus(adminCorpus(ctx))
    await sendCorpus(statusUpdateCorpus(ctx))
    // Control: a well-formed update from the same key is taken, so the refusals are about input.
    const ok = await send('a real status update', `/v1/reports/${ctx.reference}/status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ctx.receiverKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'in_review' }),
    })
    expect(ok.status).toBe(200)
  })

  it('refuses hostile console, CORS, method-override and public-query input', async () => {
    await sendCorpus(miscCorpus(ctx))
    // No override withdrew the report.
    const status = await send('the real receipt', `/v1/reports/${ctx.reference}/status`, {
      headers: { authorization: `Bearer ${ctx.receiptToken}` },
    })
    expect(JSON.parse(status.text).status).not.toBe('withdrawn')
  })

  /** One raw HTTP exchange, byte for byte (no URL normalisation by a client library). */
  const raw = (payload: string, waitMs: number) =>
    new Promise<string>((resolve) => {
      const socket = connect(hub.port, '127.0.0.1')
      let answer = ''
      socket.on('data', (d) => {
        answer += d.toString('latin1')
      })
      socket.on('error', () => resolve(answer))
      socket.on('close', () => resolve(answer))
      socket.write(payload)
      setTimeout(() => socket.destroy(), waitMs)
    })

  it('serves no file outside the widget and console folders', async () => {
    for (const target of STATIC_TRAVERSALS) {
      const answer = await raw(
        `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
        2_000,
      )
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1])
      statuses.push({ what: `GET ${target}`, status })
      expect([400, 404], `${target}: ${answer.slice(0, 200)}`).toContain(status)
      expect(answer, target).not.toMatch(/"(devDependencies|dependencies|name)"\s*:|root:x:0:0/)
    }
    // Control: the widget script itself is served through the same route.
    const script = await raw(
      'GET /widget/safe-place-help.js HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n',
      2_000,
    )
    expect(script).toMatch(/^HTTP\/1\.1 200/)
  })

  it('survives clients that hang up mid-body or lie about Content-Length', async () => {
    const head = (length: number, type = 'application/json') =>
      `POST /v1/reports HTTP/1.1\r\nHost: 127.0.0.1\r\nsafe-place-site-key: ${ctx.siteKey}\r\ncontent-type: ${type}\r\ncontent-length: ${length}\r\n\r\n`
    // Declares 1 GB: refused from the header, before reading.
    const huge = await raw(`${head(1_000_000_000)}{"a":`, 2_000)
    expect(huge).toMatch(/^HTTP\/1\.1 413/)
    // Declares 5000 bytes, sends 10, then hangs up; and a multipart cut off the same way.
    await raw(`${head(5000)}{"category"`, 200)
    await raw(
      `${head(5000, 'multipart/form-data; boundary=x')}--x\r\nContent-Disposition: form-data; name="report"\r\n\r\n{`,
      200,
    )
    // Garbage instead of HTTP.
    await raw(`\u0000\u0001${MARK}NOT HTTP\r\n\r\n`, 200)
    // Still answering.
    expect((await fetch(`${hub.url}/healthz`)).status).toBe(200)
  })

  it('after the barrage: still up, never a 5xx, and the database holds only what was accepted', async () => {
    expect(hub.child.exitCode).toBeNull()
    expect((await fetch(`${hub.url}/healthz`)).status).toBe(200)
    expect((await fetch(`${hub.url}/readyz`)).status).toBe(200)
    expect(statuses.length).toBeGreaterThan(RUNS * 4)
    expect(statuses.filter((s) => s.status >= 500)).toEqual([])
    // A normal report still goes through.
    const fresh = await send('a normal report after the barrage', '/v1/reports', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'safe-place-site-key': ctx.siteKey },
      body: JSON.stringify(sampleReport({ what: { description: `${MARK}after`, ongoing: true } })),
    })
    expect(fresh.status).toBe(201)
    expect(hub.logs.filter((l) => l.includes('"unhandled error"'))).toEqual([])

    const client = createClient({ url: `file:${join(dir.path, 'hub.db')}` })
    const close = () => client.close()
    try {
      const rows = async (sql: string) => (await client.execute(sql)).rows
      expect((await rows('PRAGMA integrity_check'))[0]?.[0]).toBe('ok')
      // Exactly the accepted reports: none from a refused request.
      const references = (await rows('SELECT reference FROM reports')).map((r) =>
        String(r.reference),
      )
      expect(new Set(references)).toEqual(accepted)
      // No orphan attachment; counts agree; only the one good screenshot.
      expect(
        (
          await rows(
            'SELECT count(*) AS n FROM attachments a LEFT JOIN reports r ON r.id = a.report_id WHERE r.id IS NULL',
          )
        )[0]?.n,
      ).toBe(0)
      expect(Number((await rows('SELECT count(*) AS n FROM attachments'))[0]?.n)).toBe(
        acceptedAttachments,
      )
      expect(
        Number((await rows('SELECT coalesce(sum(attachment_count), 0) AS n FROM reports'))[0]?.n),
      ).toBe(acceptedAttachments)
      // The injection strings did not create, drop or fill anything.
      expect(Number((await rows('SELECT count(*) AS n FROM partners'))[0]?.n)).toBe(1)
      expect(Number((await rows('SELECT count(*) AS n FROM site_keys'))[0]?.n)).toBe(1)
      expect(Number((await rows('SELECT count(*) AS n FROM api_keys'))[0]?.n)).toBe(2)
      expect(Number((await rows('SELECT count(*) AS n FROM receivers'))[0]?.n)).toBe(1)
      // Only the SDK's own automatic key of the first report: no refused request left one.
      expect(Number((await rows('SELECT count(*) AS n FROM idempotency_keys'))[0]?.n)).toBe(1)
    } finally {
      close()
    }
    // No byte of any file in the data folder holds marker text: refused input was never
    // written, accepted text only sealed.
    for (const name of readdirSync(dir.path)) {
      const bytes = readFileSync(join(dir.path, name))
      expect(bytes.includes(Buffer.from(MARK)), `${name} holds ${MARK}`).toBe(false)
    }
  })
})
