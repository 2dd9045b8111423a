/**
 * Crash: the hub under steady intake is killed with SIGKILL at seeded random moments, several
 * rounds, and restarted on the same database file and port. Clients behave like the widget: a
 * request that got no answer is sent again, same body, same `Idempotency-Key`, until it gets one.
 * Afterwards every 201 is a complete report, delivered to each receiver it was routed to under
 * one stable `webhook-id`, and nothing half-written or duplicated exists.
 */
import { randomUUID } from 'node:crypto'
import type { ReportIntakeInput } from '@safe-place/schemas'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HubDb, messageStates, openHubDb, outboxDrained } from '../support/hub-db'
import { createOperatorKey, type HubProcess, startHubProcess } from '../support/hub-process'
import { clientAgent, postReport } from '../support/load'
import { DESCRIPTION, EMAIL, sampleReport } from '../support/reports'
import { receiverInput, seedTenant, type Tenant } from '../support/seed'
import { tempDir } from '../support/temp-dir'
import { seededRandom, sleep, soak, waitUntil } from '../support/wait'
import { type RecordingReceiver, startRecordingReceiver } from '../support/webhook-receiver'

const ROUNDS = soak ? 20 : 4
const CLIENTS = 8
const SEED = Number(process.env.SAFE_PLACE_CRASH_SEED ?? 20261123)
const ORIGIN = 'http://127.0.0.1:5999'
const HUB_ENV = {
  WEBHOOK_ALLOW_HTTP: '1',
  WEBHOOK_ALLOW_CIDRS: '127.0.0.1/32',
  // A 2 s timeout makes the lease 8 s: a dead process's claims are taken over within seconds.
  WEBHOOK_TIMEOUT: '2s',
  WEBHOOK_RETRY_SCHEDULE: '0,200ms,500ms,1s,2s,2s,2s,2s,2s,2s',
  SAFE_PLACE_CLIENT_REPORTS_PER_MINUTE: '1000000',
}

interface Sent {
  key: string
  report: ReportIntakeInput
  /** Every 201 this key got (the first, and replays of a retry). */
  references: string[]
  /** When the first 201 arrived. */
  acceptedAt?: number
  /** Requests of this key that got no answer (connection refused or reset). */
  unanswered: number
}

describe('crash: SIGKILL under intake load, restart on the same file', () => {
  const dir = tempDir('safe-place-crash-')
  const receivers: RecordingReceiver[] = []
  let hub: HubProcess
  let tenant: Tenant
  let db: HubDb | undefined
  const receiverIds = new Map<string, RecordingReceiver>()

  beforeAll(async () => {
    const operatorKey = await createOperatorKey(dir.path)
    hub = await startHubProcess({ dataDir: dir.path, env: HUB_ENV })
    tenant = await seedTenant(hub.url, operatorKey, { origin: ORIGIN })
    const kinds = ['federation', 'trusted_flagger', 'moderation_vendor'] as const
    for (const kind of kinds) {
      const receiver = await startRecordingReceiver()
      receivers.push(receiver)
      const created = await tenant.admin.receivers.create(
        receiverInput(tenant.partnerId, kind, receiver.url, {
          secret: receiver.secret,
          concurrency: 8,
          // The vendor only gets reports about platforms it covers.
          filters: kind === 'moderation_vendor' ? { platforms: ['instagram'] } : {},
        }),
      )
      receiverIds.set(created.id, receiver)
    }
  })

  afterAll(async () => {
    db?.close()
    await hub?.kill('SIGKILL')
    await Promise.all(receivers.map((r) => r.close()))
    dir.remove()
  })

  it(`keeps every acknowledged report through ${ROUNDS} SIGKILLs`, async () => {
    const random = seededRandom(SEED)
    const consentTo = [...receiverIds.keys()]
    const sent: Sent[] = []
    const agent = clientAgent(CLIENTS)
    let current = hub
    let stopping = false
    const kills: { at: number; acceptedBefore: number; lastAcceptedGapMs: number }[] = []

    // Each client sends reports one after the other; a request without an answer is retried
    // with the same key and body until the hub (restarted meanwhile) answers.
    const client = async () => {
      while (!stopping) {
        const item: Sent = {
          key: `crash-${randomUUID()}`,
          report: sampleReport({}, consentTo),
          references: [],
          unanswered: 0,
        }
        sent.push(item)
        for (;;) {
          try {
            const answer = await postReport(current.url, tenant.siteKey, item.report, {
              idempotencyKey: item.key,
              agent,
            })
            expect(answer.status, answer.body).toBe(201)
            item.references.push((JSON.parse(answer.body) as { reference: string }).reference)
            item.acceptedAt ??= answer.at
            break
          } catch (error) {
            if ((error as { name?: string }).name === 'AssertionError') throw error
            item.unanswered++
            await sleep(50)
          }
        }
      }
    }
    const clients = Array.from({ length: CLIENTS }, client)

    for (let round = 0; round < ROUNDS; round++) {
      await sleep(300 + Math.floor(random() * 1200))
      const acceptedBefore = sent.filter((s) => s.acceptedAt !== undefined).length
      const killedAt = Date.now()
      const lastAccepted = Math.max(0, ...sent.map((s) => s.acceptedAt ?? 0))
      await current.kill('SIGKILL')
      kills.push({ at: killedAt, acceptedBefore, lastAcceptedGapMs: killedAt - lastAccepted })
      current = await startHubProcess({ dataDir: dir.path, port: current.port, env: HUB_ENV })
      hub = current
    }
    await sleep(500)
    stopping = true
    await Promise.all(clients)
    agent.destroy()

    db = await openHubDb(dir.path)
    const drainMs = await waitUntil('the outbox drains', () => outboxDrained(db!), {
      timeoutMs: 90_000,
      intervalMs: 200,
    })
    const states = await messageStates(db)
    console.info(
      `crash: seed ${SEED}, ${ROUNDS} kills, ${sent.length} reports acknowledged ` +
        `(${sent.filter((s) => s.unanswered > 0).length} after a retry), ` +
        `last 201 before each kill: ${kills.map((k) => `${k.lastAcceptedGapMs} ms`).join(', ')}; ` +
        `drained in ${drainMs} ms after the load; messages ${JSON.stringify(states)}`,
    )

    // The load was real: reports were acknowledged before every kill, some cut mid-request.
    for (const [i, kill] of kills.entries()) {
      expect(kill.acceptedBefore).toBeGreaterThan(i === 0 ? 0 : kills[i - 1]!.acceptedBefore)
    }
    expect(sent.length).toBeGreaterThan(ROUNDS * 20)

    // One reference per idempotency key, however many times it was sent and answered.
    for (const s of sent) {
      expect(s.references.length).toBeGreaterThanOrEqual(1)
      expect(new Set(s.references).size).toBe(1)
    }
    const acknowledged = new Map(sent.map((s) => [s.references[0]!, s]))
    expect(acknowledged.size).toBe(sent.length)

    // Nothing more and nothing less in the database than what was acknowledged, and the file
    // itself is sound.
    const [integrity] = await db.all<{ integrity_check: string }>('PRAGMA integrity_check')
    expect(integrity?.integrity_check).toBe('ok')
    const rows = await db.all<{ id: string; reference: string; sealed: string | null }>(
      'SELECT id, reference, sealed FROM reports',
    )
    expect(rows.length).toBe(sent.length)
    expect(new Set(rows.map((r) => r.reference))).toEqual(new Set(acknowledged.keys()))
    // Each stored report has its idempotent answer beside it, written in the same transaction.
    const [keys] = await db.all<{ n: number }>('SELECT count(*) AS n FROM idempotency_keys')
    expect(Number(keys?.n)).toBe(sent.length)

    // Nothing half-written: each report has its sealed content, its "received" entry, one
    // routing decision per receiver, and one report.created message per "send" decision.
    const decisions = await db.all<{ report_id: string; receiver_id: string; decision: string }>(
      "SELECT report_id, receiver_id, decision FROM timeline_events WHERE kind = 'routing'",
    )
    const received = await db.all<{ report_id: string; n: number }>(
      "SELECT report_id, count(*) AS n FROM timeline_events WHERE kind = 'received' GROUP BY report_id",
    )
    const created = await db.all<{ id: string; report_id: string; receiver_id: string }>(
      "SELECT id, report_id, receiver_id FROM messages WHERE event_type = 'report.created'",
    )
    const receivedBy = new Map(received.map((r) => [r.report_id, Number(r.n)]))
    for (const row of rows) {
      expect(row.sealed, row.reference).toBeTruthy()
      expect(receivedBy.get(row.id), row.reference).toBe(1)
    }
    const routed = new Map<string, Set<string>>()
    for (const d of decisions) {
      expect(d.decision).toBe('send')
      routed.set(d.report_id, (routed.get(d.report_id) ?? new Set()).add(d.receiver_id))
    }
    expect(decisions.length).toBe(rows.length * receiverIds.size)
    const messageOf = new Map<string, string>()
    for (const m of created) {
      const pair = `${m.report_id}/${m.receiver_id}`
      expect(messageOf.has(pair), `two messages for ${pair}`).toBe(false)
      messageOf.set(pair, m.id)
    }
    for (const row of rows) {
      for (const receiverId of routed.get(row.id) ?? []) {
        expect(messageOf.has(`${row.id}/${receiverId}`), row.reference).toBe(true)
      }
    }
    expect(created.length).toBe(rows.length * receiverIds.size)
    expect(states).toEqual({ succeeded: created.length })

    // Complete as the operator reads it: the sealed content opens and is what was sent.
    const idOf = new Map(rows.map((r) => [r.reference, r.id]))
    const references = [...acknowledged.keys()]
    for (let i = 0; i < references.length; i += 8) {
      await Promise.all(
        references.slice(i, i + 8).map(async (reference) => {
          const detail = await tenant.admin.reports.get(reference)
          expect(detail.report?.what.description).toBe(DESCRIPTION)
          expect(detail.report?.contact?.value).toBe(EMAIL)
          expect(detail.timeline.filter((e) => e.kind === 'routing')).toHaveLength(receiverIds.size)
        }),
      )
    }

    // Delivered to each routed receiver, at least once, always under the message's id, signed
    // with that receiver's secret; no receiver got anything that was not its own.
    const messageIds = new Set(created.map((m) => m.id))
    let duplicates = 0
    for (const [receiverId, receiver] of receiverIds) {
      const byId = receiver.byId()
      for (const d of receiver.deliveries) {
        expect(d.verified, d.verificationError).toBe(true)
        expect(messageIds.has(d.id), `unknown webhook-id ${d.id}`).toBe(true)
      }
      for (const row of rows) {
        const id = messageOf.get(`${row.id}/${receiverId}`)!
        const got = byId.get(id)
        expect(got, `${row.reference} never reached ${receiverId}`).toBeDefined()
        expect(got!.every((d) => d.reference === row.reference && d.body === got![0]!.body)).toBe(
          true,
        )
        duplicates += got!.length - 1
      }
      expect(byId.size).toBe(rows.length)
    }
    console.info(`crash: ${duplicates} deliveries repeated after a kill (same webhook-id)`)
    expect(idOf.size).toBe(rows.length)
  })
})
