/**
 * Property tests of grouping, on a real libSQL file: one account or one content URL in any of
 * its spellings makes one case and anything else stays apart; the window bounds it; merging
 * then splitting gives back the parts; partners never share a case; a raid is flagged at its
 * threshold, once.
 */

import { eq } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mergeCases } from '../../src/cases/merge'
import { splitCase } from '../../src/cases/split'
import { caseEvents, cases } from '../../src/db/schema'
import { erasePersonalData } from '../../src/reports/erase'
import {
  addPartner,
  type CasesDb,
  caseOf,
  groupAll,
  membersOf,
  openCasesDb,
  queueReport,
} from './support'

const T0 = Date.parse('2026-03-01T10:00:00.000Z')
const MIN = 60_000
const DAY = 86_400_000

let t: CasesDb
beforeAll(async () => {
  t = await openCasesDb()
})
afterAll(() => t.close())

const name = fc
  .stringMatching(/^[a-z][a-z0-9_]{3,14}$/)
  .filter(
    (n) => !['reel', 'reels', 'explore', 'stories', 'direct', 'accounts', 'about'].includes(n),
  )

/** One account, written as people write it: any case, an @, or its profile URL. */
const spelling = (n: string) =>
  fc.constantFrom(
    { handle: n },
    { handle: `@${n}` },
    { handle: `@${n.toUpperCase()}` },
    { handle: ` ${n[0]!.toUpperCase()}${n.slice(1)} ` },
    { url: `https://www.instagram.com/${n}/` },
    { url: `http://instagram.com/${n}?igsh=abc` },
    { handle: `@${n}`, url: `https://m.instagram.com/${n}` },
  )

/** One post, written as people paste it. */
const postVariant = (id: string) =>
  fc.constantFrom(
    `https://www.instagram.com/p/${id}/`,
    `http://instagram.com/p/${id}`,
    `https://instagram.com/p/${id}/?igsh=MWQ1ZGUxMzBkMA%3D%3D`,
    `https://m.instagram.com/p/${id}?utm_source=ig_web_copy_link#comments`,
    `https://WWW.INSTAGRAM.COM/p/${id}/`,
  )

const distinctNames = (n: number) => fc.uniqueArray(name, { minLength: n, maxLength: n })

async function distinctCases(ids: string[]) {
  const of = await caseOf(t, ids)
  expect(of.size).toBe(ids.length)
  return new Set(ids.map((id) => of.get(id)))
}

describe('grouping', () => {
  it('puts the reports naming one account, however spelled, in one case, and other accounts apart', async () => {
    await fc.assert(
      fc.asyncProperty(
        distinctNames(4).chain(([same, ...others]) =>
          fc.tuple(
            fc.constant(same!),
            fc.array(spelling(same!), { minLength: 2, maxLength: 6 }),
            fc.constant(others),
          ),
        ),
        async ([, accounts, others]) => {
          const partnerId = await addPartner(t)
          const same = []
          for (const [i, account] of accounts.entries()) {
            same.push(
              (
                await queueReport(t, {
                  partnerId,
                  submittedAt: new Date(T0 + i * MIN),
                  accounts: [account],
                })
              ).id,
            )
          }
          const apart = []
          for (const [i, other] of others.entries()) {
            apart.push(
              (
                await queueReport(t, {
                  partnerId,
                  submittedAt: new Date(T0 + i * MIN),
                  accounts: [{ handle: other }],
                })
              ).id,
            )
          }
          await groupAll(t)
          expect((await distinctCases(same)).size).toBe(1)
          const all = await distinctCases([same[0]!, ...apart])
          expect(all.size).toBe(1 + apart.length)
        },
      ),
      { numRuns: 15 },
    )
  })

  it('puts the reports of one content URL, in its variants, in one case; another post stays apart', async () => {
    const id = fc.stringMatching(/^[A-Za-z0-9_-]{6,11}$/)
    await fc.assert(
      fc.asyncProperty(
        fc
          .uniqueArray(id, { minLength: 2, maxLength: 2 })
          .chain(([a, b]) =>
            fc.tuple(fc.array(postVariant(a!), { minLength: 2, maxLength: 6 }), postVariant(b!)),
          ),
        async ([variants, other]) => {
          const partnerId = await addPartner(t)
          const same = []
          for (const [i, url] of variants.entries()) {
            same.push(
              (
                await queueReport(t, {
                  partnerId,
                  submittedAt: new Date(T0 + i * MIN),
                  contentUrls: [url],
                })
              ).id,
            )
          }
          const apart = (
            await queueReport(t, { partnerId, submittedAt: new Date(T0), contentUrls: [other] })
          ).id
          await groupAll(t)
          expect((await distinctCases(same)).size).toBe(1)
          expect((await distinctCases([same[0]!, apart])).size).toBe(2)
        },
      ),
      { numRuns: 15 },
    )
  })

  it('joins within the window and keeps reports outside it apart', async () => {
    const window = t.settings.windowMs
    await fc.assert(
      fc.asyncProperty(
        name,
        fc.integer({ min: 1, max: 60 }),
        fc.boolean(),
        async (handle, days, later) => {
          const partnerId = await addPartner(t)
          const gap = days * DAY
          const first = await queueReport(t, {
            partnerId,
            submittedAt: new Date(T0),
            targetHandle: `@${handle}`,
          })
          // Grouped in either order: the later report may be queued first.
          const at = new Date(later ? T0 + gap : T0 - gap)
          const second = await queueReport(t, {
            partnerId,
            submittedAt: at,
            targetHandle: handle.toUpperCase(),
          })
          await groupAll(t)
          const together = (await distinctCases([first.id, second.id])).size === 1
          expect(together).toBe(gap <= window)
        },
      ),
      { numRuns: 25 },
    )
  })

  it('gives back the parts when cases are merged, then each part split off again', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 4 }),
        distinctNames(4),
        async (sizes, names) => {
          const partnerId = await addPartner(t)
          const parts: { id: string; reference: string }[][] = []
          for (const [g, size] of sizes.entries()) {
            const part = []
            for (let i = 0; i < size; i++) {
              part.push(
                await queueReport(t, {
                  partnerId,
                  submittedAt: new Date(T0 + (g * 10 + i) * MIN),
                  accounts: [{ handle: names[g]! }],
                }),
              )
            }
            parts.push(part)
          }
          await groupAll(t)
          const caseIds = []
          for (const part of parts) {
            const ids = await distinctCases(part.map((r) => r.id))
            expect(ids.size).toBe(1)
            caseIds.push([...ids][0]!)
          }
          expect(new Set(caseIds).size).toBe(parts.length)
          const [target, ...others] = caseIds
          const now = new Date(T0 + DAY)
          await t.handle.write((tx) =>
            mergeCases(tx, t.settings, target!, others, t.operatorKeyId, now),
          )
          expect(await membersOf(t, target!)).toEqual(
            parts
              .flat()
              .map((r) => r.id)
              .sort(),
          )
          const split = []
          for (const part of parts.slice(1)) {
            const created = await t.handle.write((tx) =>
              splitCase(
                tx,
                t.settings,
                target!,
                part.map((r) => r.reference),
                t.operatorKeyId,
                now,
              ),
            )
            split.push(created.id)
          }
          // The same partition as before the merge: each part alone in a case.
          const partition = await Promise.all([target!, ...split].map((id) => membersOf(t, id)))
          expect(partition.map((p) => p.join()).sort()).toEqual(
            parts
              .map((part) =>
                part
                  .map((r) => r.id)
                  .sort()
                  .join(),
              )
              .sort(),
          )
          for (const id of others) {
            const [row] = await t.handle.db.select().from(cases).where(eq(cases.id, id))
            expect(row?.status).toBe('merged')
            expect(row?.mergedInto).toBe(target)
          }
        },
      ),
      { numRuns: 10 },
    )
  })

  it('never groups the reports of two partners, whatever they share', async () => {
    const [a, b] = [await addPartner(t, 'A'), await addPartner(t, 'B')]
    const shared = {
      targetHandle: '@shared_creator',
      contentUrls: ['https://tiktok.com/@x/video/1'],
    }
    const ra = await queueReport(t, { partnerId: a, submittedAt: new Date(T0), ...shared })
    const rb = await queueReport(t, { partnerId: b, submittedAt: new Date(T0 + MIN), ...shared })
    await groupAll(t)
    expect((await distinctCases([ra.id, rb.id])).size).toBe(2)
  })

  it('records each decision with what was shared, never the value', async () => {
    const partnerId = await addPartner(t)
    const first = await queueReport(t, {
      partnerId,
      submittedAt: new Date(T0),
      targetHandle: '@lea_creatrice',
    })
    const second = await queueReport(t, {
      partnerId,
      submittedAt: new Date(T0 + MIN),
      targetHandle: 'LEA_CREATRICE',
      contentUrls: ['https://youtu.be/abcdefghijk'],
    })
    await groupAll(t)
    const caseId = (await caseOf(t, [first.id])).get(first.id)!
    const events = await t.handle.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId))
    expect(events.map((e) => [e.kind, e.reportId, e.matched])).toEqual([
      ['created', first.id, null],
      ['joined', second.id, ['target_handle']],
    ])
    expect(JSON.stringify(events)).not.toContain('lea_creatrice')
  })

  it('flags a raid once, when the threshold is reached within the window', async () => {
    const partnerId = await addPartner(t)
    const { raidReports, raidWindowMs } = t.settings
    const spread = raidWindowMs / raidReports
    const ids = []
    // Spaced just over the window: never enough at once.
    for (let i = 0; i < raidReports; i++) {
      ids.push(
        (
          await queueReport(t, {
            partnerId,
            submittedAt: new Date(T0 + i * (spread + 2 * MIN)),
            targetHandle: '@slow',
          })
        ).id,
      )
    }
    await groupAll(t)
    const caseId = (await caseOf(t, ids)).get(ids[0]!)!
    let [row] = await t.handle.db.select().from(cases).where(eq(cases.id, caseId))
    expect(row?.raid).toBe(false)
    // Then a burst: the threshold is reached within the window.
    const burst = T0 + 10 * DAY
    for (let i = 0; i < raidReports + 5; i++) {
      await queueReport(t, {
        partnerId,
        submittedAt: new Date(burst + i * 1000),
        targetHandle: '@SLOW',
      })
    }
    await groupAll(t)
    ;[row] = await t.handle.db.select().from(cases).where(eq(cases.id, caseId))
    expect(row?.raid).toBe(true)
    const raids = await t.handle.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId))
    expect(raids.filter((e) => e.kind === 'raid_detected').map((e) => e.count)).toEqual([
      raidReports,
    ])
  })

  it('drops a report erased before it was grouped', async () => {
    const partnerId = await addPartner(t)
    const gone = await queueReport(t, {
      partnerId,
      submittedAt: new Date(T0),
      targetHandle: '@gone',
    })
    await t.handle.write((tx) => erasePersonalData(tx, [gone.id], new Date()))
    await groupAll(t)
    expect((await caseOf(t, [gone.id])).size).toBe(0)
  })
})
