/**
 * Roles in the console API: the operator sees every report decrypted; receiver A sees only the
 * reports routed to A — exactly what A was sent — and never B's reports, deliveries or
 * receiver; statuses set from the console reach the reporter's follow view; failed deliveries
 * can be replayed one by one or by time range.
 */
import type { ConsoleReportDetail, DeliveryMessage, ReportListItem } from '@safe-place/schemas'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type ConsoleHub,
  failing,
  healthy,
  makeConsoleHub,
  threat,
  XSS,
} from './support/console-hub'
import { ConsoleClient } from './support/session-client'

let hub: ConsoleHub
let operator: ConsoleClient
let a: ConsoleClient
let b: ConsoleClient
let toA: { reference: string; receiptToken: string }
let toB: { reference: string; receiptToken: string }
let toBoth: { reference: string; receiptToken: string }
let urgent: { reference: string; receiptToken: string }

beforeAll(async () => {
  hub = await makeConsoleHub()
  toA = await threat(hub, [hub.receivers.a.id], { description: `Pour A seulement ${XSS}` })
  toB = await threat(hub, [hub.receivers.b.id], {
    description: 'Pour B seulement',
    platform: 'tiktok',
  })
  toBoth = await threat(hub, [hub.receivers.a.id, hub.receivers.b.id])
  urgent = await threat(hub, [hub.receivers.a.id], { urgent: true })
  failing(hub.servers.b)
  await hub.engine.runOnce()
  operator = new ConsoleClient(hub.app)
  a = new ConsoleClient(hub.app)
  b = new ConsoleClient(hub.app)
  await operator.signIn(hub.keys.operator)
  await a.signIn(hub.keys.a)
  await b.signIn(hub.keys.b)
})
afterAll(() => hub.close())

type Page = { items: ReportListItem[]; nextCursor: string | null }
const refs = (page: Page) => page.items.map((i) => i.reference)

describe('inbox', () => {
  it('lists urgent reports first and pages with a cursor', async () => {
    const all = await operator.json<Page>('GET', '/v1/console/reports')
    expect(all.items).toHaveLength(4)
    expect(all.items[0]!.reference).toBe(urgent.reference)
    const first = await operator.json<Page>('GET', '/v1/console/reports?limit=2')
    const second = await operator.json<Page>(
      'GET',
      `/v1/console/reports?limit=2&cursor=${first.nextCursor}`,
    )
    expect([...refs(first), ...refs(second)]).toEqual(refs(all))
    expect(second.nextCursor).toBeNull()
  })

  it('filters by urgency, platform, receiver and date', async () => {
    expect(refs(await operator.json<Page>('GET', '/v1/console/reports?urgent=true'))).toEqual([
      urgent.reference,
    ])
    expect(refs(await operator.json<Page>('GET', '/v1/console/reports?platform=tiktok'))).toEqual([
      toB.reference,
    ])
    expect(
      refs(
        await operator.json<Page>('GET', `/v1/console/reports?receiverId=${hub.receivers.b.id}`),
      ).sort(),
    ).toEqual([toB.reference, toBoth.reference].sort())
    const future = new Date(Date.now() + 3600_000).toISOString()
    expect(refs(await operator.json<Page>('GET', `/v1/console/reports?from=${future}`))).toEqual([])
  })
})

describe('receiver tenancy', () => {
  it('receiver A sees only the reports routed to A, B only those routed to B', async () => {
    expect(refs(await a.json<Page>('GET', '/v1/console/reports')).sort()).toEqual(
      [toA.reference, toBoth.reference, urgent.reference].sort(),
    )
    expect(refs(await b.json<Page>('GET', '/v1/console/reports')).sort()).toEqual(
      [toB.reference, toBoth.reference].sort(),
    )
    // Filtering by B's id would tell A which reports B got: refused, exactly like an id that
    // does not exist. A's own id is fine.
    const byB = await a.request('GET', `/v1/console/reports?receiverId=${hub.receivers.b.id}`)
    const byNobody = await a.request('GET', '/v1/console/reports?receiverId=rcv_nobody')
    expect(byB.status).toBe(403)
    expect(byNobody.status).toBe(403)
    const errorOf = async (res: Response) => {
      const { code, message } = ((await res.json()) as { error: { code: string; message: string } })
        .error
      return { code, message }
    }
    const errB = await errorOf(byB)
    expect(errB.code).toBe('forbidden')
    expect(errB).toEqual(await errorOf(byNobody))
    expect(
      refs(
        await a.json<Page>('GET', `/v1/console/reports?receiverId=${hub.receivers.a.id}`),
      ).sort(),
    ).toEqual([toA.reference, toBoth.reference, urgent.reference].sort())
  })

  it('receiver A cannot open B’s report, B’s messages or B’s receiver', async () => {
    expect((await a.request('GET', `/v1/console/reports/${toB.reference}`)).status).toBe(404)
    const bMessages = await operator.json<{ items: DeliveryMessage[] }>(
      'GET',
      `/v1/console/messages?receiverId=${hub.receivers.b.id}`,
    )
    expect(bMessages.items.length).toBeGreaterThan(0)
    for (const m of bMessages.items) {
      expect((await a.request('GET', `/v1/console/messages/${m.id}`)).status).toBe(404)
      expect((await a.request('POST', `/v1/console/messages/${m.id}/replay`)).status).toBe(404)
    }
    expect(
      (await a.request('GET', `/v1/console/messages?receiverId=${hub.receivers.b.id}`)).status,
    ).toBe(403)
    const own = await a.json<{ items: DeliveryMessage[] }>('GET', '/v1/console/messages')
    expect(own.items.every((m) => m.receiverId === hub.receivers.a.id)).toBe(true)
    const receivers = await a.json<{ items: { id: string }[] }>('GET', '/v1/console/receivers')
    expect(receivers.items.map((r) => r.id)).toEqual([hub.receivers.a.id])
    // Operator-only actions.
    expect(
      (await a.request('POST', `/v1/console/receivers/${hub.receivers.a.id}/rotate-secret`)).status,
    ).toBe(403)
    expect(
      (
        await a.request('POST', `/v1/console/receivers/${hub.receivers.a.id}/disable`, {
          reason: 'Je me désactive',
        })
      ).status,
    ).toBe(403)
    expect((await a.request('GET', '/v1/console/partners')).status).toBe(403)
    expect((await a.request('GET', '/v1/stats?from=2020-01-01&to=2030-01-01')).status).toBe(403)
    // A status on B's report is refused like a report that does not exist.
    expect(
      (
        await a.request('POST', `/v1/console/reports/${toB.reference}/status`, {
          status: 'acknowledged',
        })
      ).status,
    ).toBe(404)
  })

  it('a receiver sees exactly what it was sent; the operator sees the whole report', async () => {
    const shared = await b.json<ConsoleReportDetail>(
      'GET',
      `/v1/console/reports/${toBoth.reference}`,
    )
    expect(shared.report).toBeNull()
    expect(shared.received?.profile).toBe('notice')
    expect(shared.deliveries.every((d) => d.receiverId === hub.receivers.b.id)).toBe(true)
    expect(JSON.stringify(shared.timeline)).not.toContain(hub.receivers.a.id)
    const full = await a.json<ConsoleReportDetail>('GET', `/v1/console/reports/${toA.reference}`)
    expect(full.received?.profile).toBe('full')
    const op = await operator.json<ConsoleReportDetail>(
      'GET',
      `/v1/console/reports/${toA.reference}`,
    )
    expect(op.report?.what.description).toContain('Pour A seulement')
    expect(op.report?.contact?.value).toBe('camille.console@example.org')
    expect(op.deliveries[0]!.attempts.length).toBeGreaterThan(0)
  })
})

describe('actions', () => {
  it('a receiver’s and the operator’s statuses reach the reporter’s follow view', async () => {
    const res = await a.request('POST', `/v1/console/reports/${toA.reference}/status`, {
      status: 'in_review',
      noteForReporter: 'Nous regardons votre signalement.',
    })
    expect(res.status).toBe(200)
    expect(
      (
        await operator.request('POST', `/v1/console/reports/${toA.reference}/status`, {
          status: 'referred_to_authorities',
          noteForReporter: 'Transmis à la police.',
        })
      ).status,
    ).toBe(200)
    const view = (await (
      await hub.app.request(`/v1/reports/${toA.reference}/status?locale=fr`, {
        headers: { authorization: `Bearer ${toA.receiptToken}` },
      })
    ).json()) as { status: string; timeline: { message: string }[] }
    expect(view.status).toBe('referred_to_authorities')
    const messages = view.timeline.map((e) => e.message).join('\n')
    expect(messages).toContain('Nous regardons votre signalement.')
    expect(messages).toContain('Transmis à la police.')
    // Receiver A reads its own note, not the operator's.
    const seenByA = await a.json<ConsoleReportDetail>('GET', `/v1/console/reports/${toA.reference}`)
    const notes = seenByA.timeline.map((e) => e.note).filter(Boolean)
    expect(notes).toEqual(['Nous regardons votre signalement.'])
    const seenByOperator = await operator.json<ConsoleReportDetail>(
      'GET',
      `/v1/console/reports/${toA.reference}`,
    )
    expect(seenByOperator.timeline.filter((e) => e.note)).toHaveLength(2)
    expect(seenByOperator.timeline.at(-1)).toMatchObject({
      kind: 'status_changed',
      status: 'referred_to_authorities',
      actor: 'operator',
    })
  })

  it('lists failed deliveries and replays one, and a time range', async () => {
    const failed = await operator.json<{ items: DeliveryMessage[] }>(
      'GET',
      '/v1/console/messages?state=failed',
    )
    expect(failed.items.length).toBe(2)
    healthy(hub.servers.b)
    const one = await operator.json<DeliveryMessage>(
      'POST',
      `/v1/console/messages/${failed.items[0]!.id}/replay`,
    )
    expect(one.state).toBe('pending')
    // B replays its own remaining failure by range.
    const range = await b.json<{ replayed: number }>(
      'POST',
      `/v1/console/receivers/${hub.receivers.b.id}/replay`,
      { from: new Date(Date.now() - 3600_000).toISOString(), to: new Date().toISOString() },
    )
    expect(range.replayed).toBe(1)
    await hub.engine.runOnce()
    const after = await operator.json<{ items: DeliveryMessage[] }>(
      'GET',
      '/v1/console/messages?state=failed',
    )
    expect(after.items).toEqual([])
  })

  it('shows receivers with health, and disables, enables, rotates and tests (operator)', async () => {
    const list = await operator.json<{
      items: {
        id: string
        health: { attempts: number; successRate: number | null; lastError: string | null }
      }[]
    }>('GET', '/v1/console/receivers')
    const rb = list.items.find((r) => r.id === hub.receivers.b.id)!
    expect(rb.health.attempts).toBeGreaterThan(0)
    expect(rb.health.lastError).toContain('500')
    expect(rb.health.successRate).toBeLessThan(1)
    const rotated = await operator.json<{ secret: string }>(
      'POST',
      `/v1/console/receivers/${hub.receivers.b.id}/rotate-secret`,
    )
    expect(rotated.secret).toMatch(/^whsec_/)
    const test = await operator.json<{ messageId: string }>(
      'POST',
      `/v1/console/receivers/${hub.receivers.b.id}/test`,
    )
    expect(test.messageId).toMatch(/^msg_/)
    // Disabling says why: no reason, no change.
    const noReason = await operator.request(
      'POST',
      `/v1/console/receivers/${hub.receivers.b.id}/disable`,
      { reason: '   ' },
    )
    expect(noReason.status).toBe(400)
    expect(((await noReason.json()) as { error: { code: string } }).error.code).toBe(
      'validation_failed',
    )
    const disabled = await operator.json<{ enabled: boolean; disabledReason: string | null }>(
      'POST',
      `/v1/console/receivers/${hub.receivers.b.id}/disable`,
      { reason: 'Endpoint en maintenance' },
    )
    expect(disabled).toMatchObject({ enabled: false, disabledReason: 'Endpoint en maintenance' })
    const seen = await operator.json<{
      items: { id: string; enabled: boolean; disabledReason: string | null }[]
    }>('GET', '/v1/console/receivers')
    expect(seen.items.find((r) => r.id === hub.receivers.b.id)).toMatchObject({
      enabled: false,
      disabledReason: 'Endpoint en maintenance',
    })
    const enabled = await operator.json<{ enabled: boolean; disabledReason: string | null }>(
      'POST',
      `/v1/console/receivers/${hub.receivers.b.id}/enable`,
    )
    expect(enabled).toMatchObject({ enabled: true, disabledReason: null })
  })

  it('creates partners and site keys, changes allowed origins and revokes', async () => {
    const partner = await operator.json<{ id: string }>('POST', '/v1/console/partners', {
      name: 'Agence Console',
      kind: 'agency',
    })
    const key = await operator.json<{ id: string; allowedOrigins: string[] }>(
      'POST',
      '/v1/console/site-keys',
      { partnerId: partner.id, allowedOrigins: ['https://agence.example'] },
    )
    const patched = await operator.json<{ allowedOrigins: string[] }>(
      'PATCH',
      `/v1/console/site-keys/${key.id}`,
      { allowedOrigins: ['https://agence.example', 'https://www.agence.example'] },
    )
    expect(patched.allowedOrigins).toHaveLength(2)
    const revoked = await operator.json<{ revokedAt: string | null }>(
      'DELETE',
      `/v1/console/site-keys/${key.id}`,
    )
    expect(revoked.revokedAt).not.toBeNull()
  })
})

describe('an erased report', () => {
  it('is refused to its receiver with 410 report_erased; the operator sees the tombstone', async () => {
    const erased = await threat(hub, [hub.receivers.a.id])
    await hub.engine.runOnce()
    expect((await a.request('GET', `/v1/console/reports/${erased.reference}`)).status).toBe(200)
    const withdrawn = await hub.app.request(`/v1/reports/${erased.reference}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${erased.receiptToken}` },
    })
    expect(withdrawn.status).toBe(200)

    const refused = await a.request('GET', `/v1/console/reports/${erased.reference}`)
    expect(refused.status).toBe(410)
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('report_erased')
    const tombstone = await operator.json<ConsoleReportDetail>(
      'GET',
      `/v1/console/reports/${erased.reference}`,
    )
    expect(tombstone.report).toBeNull()
    expect(tombstone.summary.erasedAt).not.toBeNull()
  })
})
