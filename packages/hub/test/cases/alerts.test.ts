/**
 * Cases tell the operators: a case becoming a raid raises one `raid_detected` alert in the
 * grouping unit that flags it, and an open case past its due time one `case_overdue` alert per
 * due time — a mail queued for the operators and a signed `operations.*` webhook for the
 * `operations` receiver, never twice for the same occurrence, whatever restarts in between.
 */
import { randomBytes } from 'node:crypto'
import { eq } from 'drizzle-orm'
import pino from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AlertSettings } from '../../src/alerts/config'
import type { AlertContext } from '../../src/alerts/raise'
import { createCaseGrouper } from '../../src/cases/grouper'
import { alertOverdueCases } from '../../src/cases/overdue'
import { cases, mailOutbox, messages, operatorAlerts, receivers } from '../../src/db/schema'
import { secretContext } from '../../src/delivery/secrets'
import { newId } from '../../src/ids'
import { addPartner, type CasesDb, caseOf, groupAll, openCasesDb, queueReport } from './support'

const MIN = 60_000
const HOUR = 60 * MIN
const T0 = Date.parse('2026-03-02T09:00:00Z')

let t: CasesDb
let alerts: AlertContext
let partnerId: string
let opsId: string

beforeEach(async () => {
  t = await openCasesDb({ raidReports: 5 })
  partnerId = await addPartner(t)
  alerts = {
    settings: AlertSettings.parse({ email: ['ops@example.org'] }),
    keyring: t.keyring,
    logger: pino({ level: 'silent' }),
    publicUrl: 'https://hub.example.org',
  }
  opsId = newId('rcv')
  await t.handle.write((tx) =>
    tx.insert(receivers).values({
      id: opsId,
      partnerId,
      kind: 'operations',
      name: { fr: 'Astreinte', en: 'On call' },
      purpose: { fr: 'Alertes', en: 'Alerts' },
      url: 'https://ops.example.org/hooks',
      profile: 'notice',
      filters: {},
      secretSealed: t.keyring.seal(
        `whsec_${randomBytes(24).toString('base64')}`,
        secretContext(opsId),
      ),
    }),
  )
})
afterEach(() => t.close())

/** The alerts raised, with the webhooks and mails they queued. */
async function told() {
  const rows = await t.handle.db.select().from(operatorAlerts)
  const hooks = await t.handle.db
    .select({ type: messages.eventType })
    .from(messages)
    .where(eq(messages.receiverId, opsId))
  const mails = await t.handle.db.select().from(mailOutbox)
  return {
    kinds: rows.map((r) => r.kind).sort(),
    data: rows.map((r) => r.data),
    hooks: hooks.map((h) => h.type).sort(),
    mails: mails.map((m) => m.kind),
  }
}

function grouper(now: () => Date) {
  return createCaseGrouper({
    database: t.handle,
    keyring: t.keyring,
    settings: t.settings,
    logger: pino({ level: 'silent' }),
    alerts,
    now,
  })
}

describe('case alerts', () => {
  it('raises one raid alert when a case becomes a raid, and no more as the raid goes on', async () => {
    const ids: string[] = []
    for (let i = 0; i < 4; i++) {
      const r = await queueReport(t, {
        partnerId,
        submittedAt: new Date(T0 + i * MIN),
        targetHandle: '@lea_creatrice',
      })
      ids.push(r.id)
    }
    const g = grouper(() => new Date(T0 + 5 * MIN))
    await g.runOnce()
    expect((await told()).kinds).toEqual([])

    // The fifth report in the hour makes it a raid; the tenth changes nothing more.
    for (let i = 4; i < 10; i++) {
      await queueReport(t, {
        partnerId,
        submittedAt: new Date(T0 + i * MIN),
        targetHandle: '@LEA_CREATRICE',
      })
      await g.runOnce()
    }
    const caseId = (await caseOf(t, ids)).get(ids[0]!)
    const after = await told()
    expect(after.kinds).toEqual(['raid_detected'])
    expect(after.hooks).toEqual(['operations.raid_detected'])
    expect(after.mails).toEqual(['alert'])
    const [flagged] = await t.handle.db.select().from(cases)
    expect(after.data[0]).toMatchObject({
      kind: 'raid_detected',
      caseId,
      reference: flagged?.reference,
      reports: 5,
      consoleUrl: `https://hub.example.org/console/#/cases/${caseId}`,
    })
    // Nothing a person wrote: the handle is not in the alert.
    expect(JSON.stringify(after.data)).not.toMatch(/lea_creatrice/i)
  })

  it('raises one overdue alert per due time of an open case, and none for closed ones', async () => {
    const late = await queueReport(t, {
      partnerId,
      submittedAt: new Date(T0),
      targetHandle: '@late',
      category: 'doxxing',
    })
    const closed = await queueReport(t, {
      partnerId,
      submittedAt: new Date(T0),
      targetHandle: '@closed',
      category: 'doxxing',
    })
    await groupAll(t, new Date(T0 + MIN))
    const byReport = await caseOf(t, [late.id, closed.id])
    const lateCase = byReport.get(late.id)!
    await t.handle.write((tx) =>
      tx
        .update(cases)
        .set({ status: 'closed' })
        .where(eq(cases.id, byReport.get(closed.id)!)),
    )
    const [row] = await t.handle.db.select().from(cases).where(eq(cases.id, lateCase))
    // Doxxing is due in 24 hours.
    expect(row?.dueAt.getTime()).toBe(T0 + 24 * HOUR)

    const check = (at: number) =>
      t.handle.write((tx) => alertOverdueCases(tx, alerts, new Date(at)))
    expect(await check(T0 + 23 * HOUR)).toBe(0)
    expect(await check(T0 + 25 * HOUR)).toBe(1)
    // Checked again, by this process or another after a restart: told once.
    expect(await check(T0 + 26 * HOUR)).toBe(0)
    let now = await told()
    expect(now.kinds).toEqual(['case_overdue'])
    expect(now.hooks).toEqual(['operations.case_overdue'])
    expect(now.data[0]).toMatchObject({
      caseId: lateCase,
      dueAt: new Date(T0 + 24 * HOUR).toISOString(),
    })

    // A new due time (an operator gave it a day more) is a new occurrence.
    await t.handle.write((tx) =>
      tx
        .update(cases)
        .set({ dueAt: new Date(T0 + 48 * HOUR) })
        .where(eq(cases.id, lateCase)),
    )
    expect(await check(T0 + 47 * HOUR)).toBe(0)
    expect(await check(T0 + 49 * HOUR)).toBe(1)
    now = await told()
    expect(now.kinds).toEqual(['case_overdue', 'case_overdue'])
    expect(now.mails).toEqual(['alert', 'alert'])
  })

  it('is checked by the case loop, which keeps grouping meanwhile', async () => {
    await queueReport(t, {
      partnerId,
      submittedAt: new Date(T0),
      targetHandle: '@loop',
      urgent: true,
    })
    let clock = T0 + MIN
    const g = createCaseGrouper({
      database: t.handle,
      keyring: t.keyring,
      settings: t.settings,
      logger: pino({ level: 'silent' }),
      alerts,
      now: () => new Date(clock),
      pollIntervalMs: 5,
      overdueCheckMs: 0,
    })
    g.start()
    try {
      const deadline = Date.now() + 10_000
      const until = async (check: () => Promise<boolean>) => {
        while (!(await check())) {
          if (Date.now() > deadline) throw new Error('timed out')
          await new Promise((r) => setTimeout(r, 10))
        }
      }
      await until(async () => (await t.handle.db.select().from(cases)).length === 1)
      expect((await told()).kinds).toEqual([])
      // An urgent case is due within the hour; two hours on, the loop tells it.
      clock = T0 + 2 * HOUR
      await until(async () => (await told()).kinds.length === 1)
      expect((await told()).kinds).toEqual(['case_overdue'])
    } finally {
      await g.stop()
    }
  })
})
