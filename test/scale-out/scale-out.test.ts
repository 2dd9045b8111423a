/**
 * Scale-out: three hub processes on one libSQL file, intake spread over all three, and one of
 * them SIGKILLed mid-way while it holds leases. Every message is delivered; no attempt is made
 * by two processes; the two survivors take over the dead one's leases once they expire.
 */
import { randomUUID } from 'node:crypto'
import type { ReportIntakeInput } from '@safe-place/schemas'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HubDb, messageStates, openHubDb, outboxDrained } from '../support/hub-db'
import { createOperatorKey, type HubProcess, startHubProcess } from '../support/hub-process'
import { clientAgent, postReport } from '../support/load'
import { sampleReport } from '../support/reports'
import { receiverInput, seedTenant, type Tenant } from '../support/seed'
import { tempDir } from '../support/temp-dir'
import { sleep, soak, waitUntil } from '../support/wait'
import { type RecordingReceiver, startRecordingReceiver } from '../support/webhook-receiver'

const HUBS = 3
const CLIENTS = 6
const LOAD_MS = soak ? 30_000 : 3_000
const KILL_AFTER_MS = soak ? 12_000 : 1_500
/** Each receiver takes this long to answer, so the victim has attempts in flight. */
const ANSWER_MS = 300
const HUB_ENV = {
  WEBHOOK_ALLOW_HTTP: '1',
  WEBHOOK_ALLOW_CIDRS: '127.0.0.1/32',
  // Lease = 4 × timeout = 8 s: the dead process's claims expire within the test.
  WEBHOOK_TIMEOUT: '2s',
  SAFE_PLACE_CLIENT_REPORTS_PER_MINUTE: '1000000',
}

/** `hostname:pid:random`, the worker id each process writes on its leases and attempts. */
const pidOfWorker = (workerId: string) => Number(workerId.split(':').at(-2))

describe('scale-out: three hub processes on one database, one killed', () => {
  const dir = tempDir('safe-place-scale-')
  const hubs: HubProcess[] = []
  const receivers = new Map<string, RecordingReceiver>()
  let tenant: Tenant
  let db: HubDb | undefined

  beforeAll(async () => {
    const operatorKey = await createOperatorKey(dir.path)
    // The first start migrates and writes the key file; the others share both.
    hubs.push(await startHubProcess({ dataDir: dir.path, env: HUB_ENV }))
    for (let i = 1; i < HUBS; i++) {
      hubs.push(await startHubProcess({ dataDir: dir.path, env: HUB_ENV }))
    }
    tenant = await seedTenant(hubs[0]!.url, operatorKey, { origin: 'http://127.0.0.1:5999' })
    for (const kind of ['federation', 'trusted_flagger'] as const) {
      const server = await startRecordingReceiver({
        react: () => ({ status: 200, delayMs: ANSWER_MS }),
      })
      const created = await tenant.admin.receivers.create(
        receiverInput(tenant.partnerId, kind, server.url, {
          secret: server.secret,
          concurrency: 16,
        }),
      )
      receivers.set(created.id, server)
    }
  })

  afterAll(async () => {
    db?.close()
    await Promise.all(hubs.map((h) => h.kill('SIGKILL')))
    await Promise.all([...receivers.values()].map((r) => r.close()))
    dir.remove()
  })

  it('delivers every message once per process, and the survivors take over the leases', async () => {
    const consentTo = [...receivers.keys()]
    const victim = hubs[HUBS - 1]!
    const victimPid = victim.child.pid!
    let victimDead = false
    const sent: { key: string; report: ReportIntakeInput; references: Set<string> }[] = []
    const agent = clientAgent(CLIENTS * HUBS)
    const stopAt = Date.now() + LOAD_MS
    let turn = 0

    // Clients spread reports over every live hub; a request the dead hub never answered is
    // sent again, same key and body, to another one.
    const client = async () => {
      while (Date.now() < stopAt) {
        const item = {
          key: `scale-${randomUUID()}`,
          report: sampleReport({}, consentTo),
          references: new Set<string>(),
        }
        sent.push(item)
        for (;;) {
          const live = victimDead ? hubs.slice(0, -1) : hubs
          const hub = live[turn++ % live.length]!
          try {
            const answer = await postReport(hub.url, tenant.siteKey, item.report, {
              idempotencyKey: item.key,
              agent,
            })
            if (answer.status !== 201) throw new Error(`${answer.status} ${answer.body}`)
            item.references.add((JSON.parse(answer.body) as { reference: string }).reference)
            break
          } catch (error) {
            if (!(error as { code?: string }).code) throw error
            await sleep(20)
          }
        }
      }
    }
    const load = Promise.all(Array.from({ length: CLIENTS }, client))

    await sleep(KILL_AFTER_MS)
    db = await openHubDb(dir.path)
    // Kill it while it holds leases (it nearly always does; this makes it certain).
    await waitUntil(
      'the victim holds leases',
      async () =>
        (
          await db!.all<{ lease_owner: string }>(
            "SELECT lease_owner FROM messages WHERE state = 'delivering'",
          )
        ).filter((m) => pidOfWorker(m.lease_owner) === victimPid).length >= 3,
      { timeoutMs: 20_000, intervalMs: 10 },
    )
    await victim.kill('SIGKILL')
    // Once `exit` is seen the process is gone: anything it sent had arrived before this.
    const deadAt = Date.now()
    victimDead = true
    // What the dead process held at its death, and until when.
    const orphaned = new Map(
      (
        await db.all<{ id: string; lease_owner: string; lease_expires_at: number }>(
          "SELECT id, lease_owner, lease_expires_at FROM messages WHERE state = 'delivering'",
        )
      )
        .filter((m) => pidOfWorker(m.lease_owner) === victimPid)
        .map((m) => [m.id, Number(m.lease_expires_at)]),
    )
    await load
    agent.destroy()

    const drainMs = await waitUntil('the outbox drains', () => outboxDrained(db!), {
      timeoutMs: 90_000,
      intervalMs: 200,
    })
    const states = await messageStates(db)
    const attempts = await db.all<{
      message_id: string
      worker_id: string
      attempted_at: number
      response_status: number | null
    }>('SELECT message_id, worker_id, attempted_at, response_status FROM delivery_attempts')
    const messages = await db.all<{ id: string; receiver_id: string; report_id: string }>(
      'SELECT id, receiver_id, report_id FROM messages',
    )
    const workers = new Map<number, number>()
    for (const a of attempts) {
      const pid = pidOfWorker(a.worker_id)
      workers.set(pid, (workers.get(pid) ?? 0) + 1)
    }
    let resent = 0
    for (const r of receivers.values()) for (const c of r.byId().values()) resent += c.length - 1
    console.info(
      `scale-out: ${sent.length} reports, ${messages.length} messages ${JSON.stringify(states)}; ` +
        `attempts by pid ${JSON.stringify(Object.fromEntries(workers))} (victim ${victimPid}); ` +
        `${orphaned.size} leases held by the victim at its death; ${resent} sent twice; ` +
        `drained ${drainMs} ms after the load`,
    )

    // Intake: one reference per key, whichever hub answered; all of them stored.
    expect(sent.every((s) => s.references.size === 1)).toBe(true)
    const reports = await db.all<{ reference: string }>('SELECT reference FROM reports')
    expect(new Set(reports.map((r) => r.reference))).toEqual(
      new Set(sent.map((s) => [...s.references][0]!)),
    )
    expect(messages).toHaveLength(sent.length * receivers.size)
    expect(states).toEqual({ succeeded: messages.length })

    // The kill meant something: the victim held leases at its death, and both survivors
    // made attempts.
    expect(orphaned.size).toBeGreaterThanOrEqual(3)
    for (const h of hubs.slice(0, -1)) expect(workers.get(h.child.pid!) ?? 0).toBeGreaterThan(0)

    // No attempt made twice by two processes: every receiver answers 200 at once, so each
    // message takes exactly one recorded attempt; two processes sending it would both have
    // recorded theirs (attempts are logged even when the lease is lost).
    const attemptsOf = new Map<string, typeof attempts>()
    for (const a of attempts)
      attemptsOf.set(a.message_id, [...(attemptsOf.get(a.message_id) ?? []), a])
    for (const m of messages) {
      const logged = attemptsOf.get(m.id) ?? []
      expect(logged, m.id).toHaveLength(1)
      expect(logged[0]?.response_status).toBe(200)
    }

    // Takeover: each lease the victim held was completed by a survivor, after it expired.
    for (const [id, expiresAt] of orphaned) {
      const [only] = attemptsOf.get(id)!
      expect(pidOfWorker(only!.worker_id)).not.toBe(victimPid)
      expect(Number(only!.attempted_at)).toBeGreaterThanOrEqual(expiresAt)
    }
    const survivors = new Set(hubs.slice(0, -1).map((h) => h.child.pid))
    for (const a of attempts) {
      const pid = pidOfWorker(a.worker_id)
      expect(pid === victimPid || survivors.has(pid)).toBe(true)
      if (pid === victimPid) expect(Number(a.attempted_at)).toBeLessThan(deadAt)
    }

    // The receivers' side: every message arrived, to its own receiver, verified. A message
    // arrived twice only if the victim had sent it and died before recording it: the first
    // copy before the kill, the second from a survivor after the lease expired — never two
    // copies in flight together.
    const messageOf = new Map(messages.map((m) => [m.id, m]))
    for (const [receiverId, server] of receivers) {
      const own = messages.filter((m) => m.receiver_id === receiverId)
      const byId = server.byId()
      expect(new Set(byId.keys())).toEqual(new Set(own.map((m) => m.id)))
      for (const [id, copies] of byId) {
        expect(messageOf.get(id)?.receiver_id).toBe(receiverId)
        expect(copies.every((c) => c.verified)).toBe(true)
        if (copies.length === 1) continue
        expect(copies, id).toHaveLength(2)
        expect(orphaned.has(id), `${id} sent twice but not held by the victim`).toBe(true)
        expect(copies[0]!.at).toBeLessThanOrEqual(deadAt)
        expect(copies[1]!.at).toBeGreaterThanOrEqual(orphaned.get(id)! - 50)
        expect(copies[1]!.at - copies[0]!.at).toBeGreaterThan(ANSWER_MS)
      }
    }
  })
})
