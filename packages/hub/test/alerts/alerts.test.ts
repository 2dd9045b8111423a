/**
 * Failures nobody misses: with an injected clock, a message driven to death after its last
 * retry and a receiver driven to disabling (five days failing) each raise one operator alert —
 * one mail to the operators (real SMTP server on 127.0.0.1) and one signed `operations.<kind>`
 * webhook to the operator's `operations` receiver, with a console link — and only one, however
 * often the same occurrence is noticed again. Kinds can be turned off per channel.
 */
import { AlertData, WebhookEvent } from '@safe-place/schemas'
import { and, asc, eq, inArray, lte } from 'drizzle-orm'
import { Webhook } from 'standardwebhooks'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AlertSettings } from '../../src/alerts/config'
import { type AlertContext, raiseAlert } from '../../src/alerts/raise'
import { messages, operatorAlerts, receivers } from '../../src/db/schema'
import { manualClock } from '../../src/delivery/clock'
import { disableReceiver } from '../../src/delivery/receiver-health'
import { MailWorker } from '../../src/notifications/mail-worker'
import { smtpTransport } from '../../src/notifications/transport'
import { createTestDb, insertReceiver, silentLogger, type TestDb } from '../delivery/support/db'
import { engineFor, enqueue } from '../delivery/support/engine'
import { startReceiver, type TestServer } from '../delivery/support/receiver-server'
import { type SmtpCapture, startSmtpCapture } from '../support/smtp-capture'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const OPS = 'ops.alerts@example.org'

let t: TestDb
let smtp: SmtpCapture
let failing: TestServer
let ops: TestServer
let opsSecret: string
let opsId: string

beforeEach(async () => {
  t = await createTestDb()
  smtp = await startSmtpCapture()
  failing = await startReceiver((_req, _i, res) => res.writeHead(500).end('down'))
  ops = await startReceiver()
  const endpoint = await insertReceiver(t, ops.url, { kind: 'operations', profile: 'notice' })
  opsSecret = endpoint.secret
  opsId = endpoint.id
})
afterEach(async () => {
  await Promise.all([failing.close(), ops.close(), smtp.close()])
  await t.cleanup()
})

function alertsWith(settings: Partial<AlertSettings> = {}): AlertContext {
  return {
    settings: AlertSettings.parse({ email: [OPS], ...settings }),
    keyring: t.keyring,
    logger: silentLogger,
    publicUrl: 'https://hub.example.org',
  }
}

function mailer(alerts: AlertContext, clock: { now(): number }) {
  return new MailWorker({
    database: t,
    keyring: t.keyring,
    logger: silentLogger,
    transport: smtpTransport(smtp.url, 'Safe Place <alerts@hub.test>', 2_000),
    clock,
    retry: { scheduleMs: [0, 1000], jitter: 0 },
    alerts: alerts.settings,
    owner: 'mailer',
    leaseMs: 60_000,
    pollIntervalMs: 20,
    batchSize: 16,
  })
}

/** Runs the engine at every due time until `target` (the clock jumps, nobody waits). */
async function advanceTo(
  engine: ReturnType<typeof engineFor>,
  clock: ReturnType<typeof manualClock>,
  target: number,
) {
  for (;;) {
    const [next] = await t.db
      .select({ at: messages.nextAttemptAt })
      .from(messages)
      .innerJoin(receivers, eq(receivers.id, messages.receiverId))
      .where(
        and(
          inArray(messages.state, ['pending', 'failed']),
          eq(receivers.enabled, true),
          lte(messages.nextAttemptAt, new Date(target)),
        ),
      )
      .orderBy(asc(messages.nextAttemptAt))
      .limit(1)
    if (!next?.at) break
    clock.set(Math.max(clock.now(), next.at.getTime()))
    await engine.runOnce()
  }
  clock.set(Math.max(clock.now(), target))
}

/**
 * The operations webhooks received, their signatures checked with `standardwebhooks` and the
 * endpoint's secret (computed for the signed time: the injected clock is days ahead, so a
 * tolerance check against the wall clock would be meaningless here).
 */
function opsEvents() {
  return ops.received.map((r) => {
    const id = String(r.headers['webhook-id'])
    const at = new Date(Number(r.headers['webhook-timestamp']) * 1000)
    const expected = new Webhook(opsSecret).sign(id, at, r.body)
    expect(String(r.headers['webhook-signature']).split(' ')).toContain(expected)
    return WebhookEvent.parse(JSON.parse(r.body))
  })
}

describe('operator alerts', () => {
  it('a message dead after its last retry: one mail and one operations.message_dead webhook', async () => {
    const clock = manualClock(Date.parse('2026-11-23T08:00:00Z'))
    const alerts = alertsWith()
    const engine = engineFor(t, {
      clock,
      alerts,
      retryScheduleMs: [0, HOUR, 2 * HOUR],
      disableAfterMs: 30 * DAY,
    })
    const broken = await insertReceiver(t, failing.url)
    const [messageId] = await enqueue(t, broken.id, 1, { now: new Date(clock.now()) })
    await advanceTo(engine, clock, clock.now() + 4 * HOUR)
    const [message] = await t.db.select().from(messages).where(eq(messages.id, messageId!))
    expect(message).toMatchObject({ state: 'dead', attempts: 3 })

    const raised = await t.db.select().from(operatorAlerts)
    expect(raised).toHaveLength(1)
    const data = AlertData.parse(raised[0]!.data)
    expect(data).toMatchObject({
      kind: 'message_dead',
      receiverId: broken.id,
      messageId,
      eventType: 'webhook.test',
      attempts: 3,
      consoleUrl: 'https://hub.example.org/console/#/deliveries',
    })
    // The alert's own webhook goes out like any other (the ops endpoint is healthy).
    await advanceTo(engine, clock, clock.now() + 1000)
    await engine.stop()
    const events = opsEvents()
    expect(events.map((e) => e.type)).toEqual(['operations.message_dead'])
    expect(events[0]?.data).toEqual(data)

    await mailer(alerts, clock).runOnce()
    expect(smtp.mails).toHaveLength(1)
    const [mail] = smtp.mails
    expect(mail?.to).toEqual([OPS])
    expect(mail?.subject).toBe('[Safe Place] Message abandonné après ses essais')
    expect(mail?.text).toContain(`Le message ${messageId}`)
    expect(mail?.text).toContain('https://hub.example.org/console/#/deliveries')
  })

  it('a receiver disabled after days of failure: one mail and one operations.receiver_disabled webhook', async () => {
    const clock = manualClock(Date.parse('2026-11-23T08:00:00Z'))
    const start = clock.now()
    const alerts = alertsWith()
    const engine = engineFor(t, {
      clock,
      alerts,
      retryScheduleMs: [0, HOUR, ...Array(200).fill(6 * HOUR)],
      disableAfterMs: 5 * DAY,
    })
    const broken = await insertReceiver(t, failing.url)
    for (let day = 0; day < 7; day++) {
      await enqueue(t, broken.id, 1, { now: new Date(clock.now()) })
      await advanceTo(engine, clock, start + (day + 1) * DAY)
    }
    const [row] = await t.db.select().from(receivers).where(eq(receivers.id, broken.id))
    expect(row?.enabled).toBe(false)
    expect(row?.disabledReason).toMatch(/^Failing continuously since/)
    const raised = await t.db.select().from(operatorAlerts)
    expect(raised.map((a) => a.kind)).toEqual(['receiver_disabled'])
    // Noticed again (a late failure, another process): still one alert.
    await t.write((tx) =>
      disableReceiver(tx, silentLogger, broken.id, 'again', clock.now(), alerts),
    )
    expect(await t.db.select().from(operatorAlerts)).toHaveLength(1)

    await advanceTo(engine, clock, clock.now() + 1000)
    await engine.stop()
    const events = opsEvents()
    expect(events.map((e) => e.type)).toEqual(['operations.receiver_disabled'])
    expect(events[0]?.data).toMatchObject({
      kind: 'receiver_disabled',
      receiverId: broken.id,
      consoleUrl: 'https://hub.example.org/console/#/receivers',
    })
    await mailer(alerts, clock).runOnce()
    expect(smtp.mails.map((m) => m.subject)).toEqual(['[Safe Place] Destinataire désactivé'])
    expect(smtp.mails[0]?.text).toContain(broken.id)
  })

  it('raises each occurrence once, and honours the channels chosen per kind', async () => {
    const now = new Date('2026-11-23T08:00:00Z')
    const quiet = alertsWith({ emailKinds: ['message_dead'], webhookKinds: [] })
    const input = {
      kind: 'case_overdue' as const,
      occurrenceKey: 'case_overdue:cas_1:1',
      consolePath: '#/inbox',
      data: { caseId: 'cas_1', dueAt: now.toISOString() },
      now,
    }
    expect(await t.write((tx) => raiseAlert(tx, quiet, input))).toMatch(/^alr_/)
    expect(await t.write((tx) => raiseAlert(tx, quiet, input))).toBeNull()
    expect(await t.db.select().from(operatorAlerts)).toHaveLength(1)
    // Neither mailed nor sent by webhook: both channels leave this kind out.
    await mailer(quiet, { now: () => now.getTime() }).runOnce()
    expect(smtp.mails).toHaveLength(0)
    expect(await t.db.select().from(messages)).toHaveLength(0)
    // The ops endpoint is never told about itself.
    const loud = alertsWith()
    await t.write((tx) =>
      raiseAlert(tx, loud, {
        kind: 'receiver_disabled',
        occurrenceKey: `receiver_disabled:${opsId}:1`,
        consolePath: '#/receivers',
        data: { receiverId: opsId, reason: 'Gone' },
        now,
      }),
    )
    expect(await t.db.select().from(messages)).toHaveLength(0)
  })
})
