/**
 * A raid as the federation sees it: 2 000 reports about one creator from 2 000 clients (each
 * its own address behind one trusted proxy: `SAFE_PLACE_TRUST_PROXY=1`, the suite playing the
 * proxy), with her handle spelled every way people spell it and each report naming its own
 * raiding account and post — plus unrelated reports about other people. The real `serve`
 * process groups them after intake: the raid becomes one case, flagged as a raid; each
 * unrelated report stays a case of its own; the desk lists the raid as one row.
 */
import type { CaseSummary, ReportIntakeInput } from '@safe-place/schemas'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { forwardedFor, ipv4Client } from '../support/forwarded'
import { createOperatorKey, type HubProcess, startHubProcess } from '../support/hub-process'
import { clientAgent, postReport } from '../support/load'
import { seedTenant, type Tenant } from '../support/seed'
import { tempDir } from '../support/temp-dir'
import { waitUntil } from '../support/wait'

const RAID = 2_000
const UNRELATED = 40
const IN_FLIGHT = 64
const SPELLINGS = [
  '@lea_creatrice',
  'lea_creatrice',
  '@Lea_Creatrice',
  'LEA_CREATRICE',
  ' @lea_creatrice ',
]

function raidReport(i: number): ReportIntakeInput {
  return {
    category: i % 7 ? 'harassment' : 'sexist_hate',
    what: {
      description: `Message haineux n°${i} sous sa dernière vidéo`,
      ongoing: true,
      raid: true,
    },
    where: {
      platform: 'tiktok',
      contentUrls: [`https://www.tiktok.com/@raider_${i}/video/${7_300_000_000 + i}`],
      accounts: [{ handle: `@raider_${i}` }],
    },
    who: { role: 'witness', targetHandle: SPELLINGS[i % SPELLINGS.length]! },
    goodFaith: true,
    context: { locale: 'fr', source: 'widget' },
  }
}

function unrelatedReport(i: number): ReportIntakeInput {
  return {
    category: 'threat',
    what: { description: `Menace isolée n°${i}`, ongoing: false },
    where: {
      platform: 'instagram',
      contentUrls: [`https://www.instagram.com/p/isolated${i}/`],
      accounts: [{ handle: `@isolated_account_${i}` }],
    },
    who: { role: 'target', targetHandle: `@autre_creatrice_${i}` },
    goodFaith: true,
    context: { locale: 'fr', source: 'widget' },
  }
}

describe('a raid becomes one case', () => {
  const dir = tempDir('safe-place-raid-cases-')
  let hub: HubProcess
  let tenant: Tenant
  let operatorKey: string

  beforeAll(async () => {
    operatorKey = await createOperatorKey(dir.path)
    hub = await startHubProcess({
      dataDir: dir.path,
      env: { SAFE_PLACE_TRUST_PROXY: '1' },
    })
    tenant = await seedTenant(hub.url, operatorKey, { origin: 'http://127.0.0.1:5999' })
  })

  afterAll(async () => {
    await hub?.kill('SIGKILL')
    dir.remove()
  })

  it('groups 2 000 reports about one creator into one case flagged as a raid; unrelated reports stay apart; the desk shows one row', async () => {
    const schedule = [
      ...Array.from({ length: RAID }, (_, i) => ({ i, report: raidReport(i) })),
      ...Array.from({ length: UNRELATED }, (_, i) => ({ i: RAID + i, report: unrelatedReport(i) })),
    ]
    // Interleaved, as they arrive in real life.
    schedule.sort((a, b) => ((a.i * 7919) % 2039) - ((b.i * 7919) % 2039))
    const agent = clientAgent(IN_FLIGHT)
    const failures: string[] = []
    const started = Date.now()
    let next = 0
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < schedule.length) {
          const { i, report } = schedule[next++]!
          const answer = await postReport(hub.url, tenant.siteKey, report, {
            agent,
            headers: { 'x-forwarded-for': forwardedFor([], ipv4Client(i)) },
          })
          if (answer.status !== 201 && failures.length < 5)
            failures.push(`${answer.status} ${answer.body}`)
        }
      }),
    )
    const intakeMs = Date.now() - started
    agent.destroy()
    expect(failures).toEqual([])

    const admin = tenant.admin
    let raid: CaseSummary | undefined
    const groupingMs = await waitUntil(
      'every report grouped',
      async () => {
        const page = await admin.cases.list({ raid: true })
        raid = page.items[0]
        return raid?.reports === RAID
      },
      { timeoutMs: 120_000, intervalMs: 250 },
    )
    console.info(
      `raid cases: ${RAID + UNRELATED} reports accepted in ${intakeMs} ms ` +
        `(${Math.round(((RAID + UNRELATED) / intakeMs) * 1000)}/s); all grouped ${groupingMs} ms after the last 201`,
    )

    // One case for the raid, flagged, with every report; the unrelated ones one case each.
    expect(raid?.raid).toBe(true)
    expect(raid?.raidDetectedAt).not.toBeNull()
    const all: CaseSummary[] = []
    let cursor: string | undefined
    do {
      const page = await admin.cases.list({
        status: 'all',
        limit: 100,
        ...(cursor ? { cursor } : {}),
      })
      all.push(...page.items)
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    expect(all).toHaveLength(1 + UNRELATED)
    expect(all.filter((c) => c.raid)).toHaveLength(1)
    expect(all.filter((c) => c.id !== raid!.id).every((c) => c.reports === 1)).toBe(true)
    expect(all.reduce((n, c) => n + c.reports, 0)).toBe(RAID + UNRELATED)

    // The decision is on the case's timeline, once, with how many reports made it a raid.
    const detail = await admin.cases.get(raid!.reference)
    const decided = detail.timeline.filter((e) => e.source === 'case' && e.kind === 'raid_detected')
    expect(decided).toHaveLength(1)
    expect(decided[0]?.count).toBe(20)
    expect(detail.reportsTotal).toBe(RAID)
    expect(detail.reports).toHaveLength(200)

    // The operator's desk in the console: the raid is one row of the queue.
    const signIn = await fetch(`${hub.url}/v1/console/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: hub.url },
      body: JSON.stringify({ apiKey: operatorKey }),
    })
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!
    const desk = (await (
      await fetch(`${hub.url}/v1/console/cases?limit=100`, { headers: { cookie } })
    ).json()) as { items: CaseSummary[] }
    const rows = desk.items.filter((c) => c.reports === RAID)
    expect(rows).toHaveLength(1)
    expect(rows[0]?.raid).toBe(true)
    expect(desk.items.length).toBe(1 + UNRELATED)

    // In the statistics, the raid counts as a raid case, once.
    const stats = (await (
      await fetch(`${hub.url}/v1/stats?from=2000-01-01&to=2100-12-31`, {
        headers: { authorization: `Bearer ${operatorKey}` },
      })
    ).json()) as {
      cases: { total: number; raids: { count: number }; bySize: { size: string; cases: number }[] }
    }
    expect(stats.cases.total % 5).toBe(0)
    expect([0, 5]).toContain(stats.cases.raids.count)
    expect(stats.cases.bySize.map((b) => b.size)).not.toContain('2-4')
  })
})
