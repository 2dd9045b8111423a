/**
 * Grouping, one batch of queued reports per write unit: each report's normalised values are
 * fingerprinted (`keys.ts`) and looked up by index among the reports of the same partner
 * submitted within the window around it; it joins the case of the newest report sharing the
 * most of them, or starts a case of its own. Every decision goes on the case's timeline with
 * what was shared (the kinds, never the values); another open case that also matched is named
 * on the decision, as a candidate for a merge, but never merged automatically: an operator's
 * split stays split.
 *
 * Cost per report: one index lookup per value, a few inserts, one update — whatever the size of
 * the case (see `bench/grouping.ts`).
 */
import type { CaseMatch } from '@safe-place/schemas'
import { and, asc, desc, eq, gte, inArray, lte } from 'drizzle-orm'
import type { Keyring } from '../crypto/keyring'
import type { CaseRow } from '../db/rows'
import { caseEvents, caseKeys, caseMembers, caseQueue, cases, reports } from '../db/schema'
import type { WriteTx } from '../db/types'
import { newId } from '../ids'
import { reportContext, type SealedContent } from '../intake/sealed-content'
import { caseKeyFingerprint, groupingValues } from './keys'
import { detectRaid } from './raid'
import { newCaseReference } from './reference'
import { dueAtOf } from './service-level'
import type { CaseSettings } from './settings'

/** Reports grouped per write unit: a raid's burst goes in a few units, each short. */
export const GROUP_BATCH = 100

type QueuedReport = Pick<
  typeof reports.$inferSelect,
  | 'id'
  | 'partnerId'
  | 'platform'
  | 'category'
  | 'urgent'
  | 'minorInvolved'
  | 'submittedAt'
  | 'sealed'
>

interface Candidate {
  caseId: string
  matched: Set<CaseMatch>
  hits: number
  /** The newest matching report's time. */
  latest: number
}

export interface GroupOutcome {
  /** Reports taken from the queue (grouped, or erased meanwhile and dropped). */
  taken: number
  grouped: number
  created: number
}

/** Takes up to `limit` queued reports, oldest first, and groups them; in one write unit. */
export async function groupQueuedReports(
  tx: WriteTx,
  keyring: Keyring,
  settings: CaseSettings,
  now: Date,
  limit = GROUP_BATCH,
): Promise<GroupOutcome> {
  const queued = await tx
    .select({ id: caseQueue.reportId })
    .from(caseQueue)
    .orderBy(asc(caseQueue.queuedAt))
    .limit(limit)
  if (queued.length === 0) return { taken: 0, grouped: 0, created: 0 }
  const ids = queued.map((q) => q.id)
  await tx.delete(caseQueue).where(inArray(caseQueue.reportId, ids))
  const rows: QueuedReport[] = await tx
    .select({
      id: reports.id,
      partnerId: reports.partnerId,
      platform: reports.platform,
      category: reports.category,
      urgent: reports.urgent,
      minorInvolved: reports.minorInvolved,
      submittedAt: reports.submittedAt,
      sealed: reports.sealed,
    })
    .from(reports)
    .where(inArray(reports.id, ids))
    .orderBy(asc(reports.submittedAt), asc(reports.id))
  const outcome: GroupOutcome = { taken: ids.length, grouped: 0, created: 0 }
  for (const report of rows) {
    // Erased (withdrawn) before it was grouped: nothing left to group on, nor to keep.
    if (!report.sealed) continue
    const created = await groupOne(tx, keyring, settings, report, report.sealed, now)
    outcome.grouped++
    if (created) outcome.created++
  }
  return outcome
}

/** Groups one report; true when it started a case. */
async function groupOne(
  tx: WriteTx,
  keyring: Keyring,
  settings: CaseSettings,
  report: QueuedReport,
  sealed: string,
  now: Date,
): Promise<boolean> {
  const content = keyring.openJson<SealedContent>(sealed, reportContext(report.id))
  const keys = groupingValues(content, report.platform).map((v) => ({
    match: v.match,
    fingerprint: caseKeyFingerprint(keyring, report.partnerId, v),
  }))
  const candidates = await findCandidates(tx, keys, report.submittedAt, settings.windowMs)
  const chosen = candidates[0]
  const due = dueAtOf(settings.serviceLevels, report)
  let row: CaseRow
  if (chosen) {
    row = await joinCase(tx, chosen, candidates[1]?.caseId ?? null, report, due, now)
  } else {
    row = await startCase(tx, report, due, now)
  }
  if (keys.length) {
    await tx
      .insert(caseKeys)
      .values(
        keys.map((k) => ({
          fingerprint: k.fingerprint,
          reportId: report.id,
          at: report.submittedAt,
        })),
      )
      .onConflictDoNothing()
  }
  await detectRaid(tx, row, report.submittedAt, settings, now)
  return !chosen
}

/**
 * The cases of the newest reports sharing each value within the window, best first: the most
 * values shared, then the most recent activity. One index lookup per value.
 */
async function findCandidates(
  tx: WriteTx,
  keys: readonly { match: CaseMatch; fingerprint: string }[],
  at: Date,
  windowMs: number,
): Promise<Candidate[]> {
  const from = new Date(at.getTime() - windowMs)
  const to = new Date(at.getTime() + windowMs)
  const byCase = new Map<string, Candidate>()
  for (const key of keys) {
    const [hit] = await tx
      .select({ caseId: caseMembers.caseId, at: caseKeys.at })
      .from(caseKeys)
      .innerJoin(caseMembers, eq(caseMembers.reportId, caseKeys.reportId))
      .where(
        and(
          eq(caseKeys.fingerprint, key.fingerprint),
          gte(caseKeys.at, from),
          lte(caseKeys.at, to),
        ),
      )
      .orderBy(desc(caseKeys.at))
      .limit(1)
    if (!hit) continue
    const seen = byCase.get(hit.caseId) ?? {
      caseId: hit.caseId,
      matched: new Set(),
      hits: 0,
      latest: 0,
    }
    seen.matched.add(key.match)
    seen.hits++
    seen.latest = Math.max(seen.latest, hit.at.getTime())
    byCase.set(hit.caseId, seen)
  }
  return [...byCase.values()].sort((a, b) => b.hits - a.hits || b.latest - a.latest)
}

async function startCase(
  tx: WriteTx,
  report: QueuedReport,
  due: Date,
  now: Date,
): Promise<CaseRow> {
  const [row] = await tx
    .insert(cases)
    .values({
      id: newId('cas'),
      reference: newCaseReference(),
      partnerId: report.partnerId,
      status: 'open',
      urgent: report.urgent,
      category: report.category,
      reportCount: 1,
      firstReportAt: report.submittedAt,
      lastReportAt: report.submittedAt,
      dueAt: due,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
  await tx.insert(caseMembers).values({
    reportId: report.id,
    caseId: row!.id,
    joinedAt: now,
    submittedAt: report.submittedAt,
    matched: [],
  })
  await tx.insert(caseEvents).values({
    id: newId('evt'),
    caseId: row!.id,
    at: now,
    kind: 'created',
    reportId: report.id,
  })
  return row!
}

const earlier = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b)
const later = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b)

async function joinCase(
  tx: WriteTx,
  chosen: Candidate,
  alsoMatched: string | null,
  report: QueuedReport,
  due: Date,
  now: Date,
): Promise<CaseRow> {
  const [current] = await tx.select().from(cases).where(eq(cases.id, chosen.caseId))
  if (!current) throw new Error(`case ${chosen.caseId} vanished`)
  const matched = [...chosen.matched].sort()
  const stricter = due < current.dueAt
  const reopen = current.status === 'closed'
  const [row] = await tx
    .update(cases)
    .set({
      reportCount: current.reportCount + 1,
      urgent: current.urgent || report.urgent,
      firstReportAt: earlier(report.submittedAt, current.firstReportAt),
      lastReportAt: later(report.submittedAt, current.lastReportAt),
      ...(stricter ? { dueAt: due, category: report.category } : {}),
      ...(reopen ? { status: 'open', closedAt: null } : {}),
      updatedAt: now,
    })
    .where(eq(cases.id, current.id))
    .returning()
  await tx.insert(caseMembers).values({
    reportId: report.id,
    caseId: current.id,
    joinedAt: now,
    submittedAt: report.submittedAt,
    matched,
  })
  await tx.insert(caseEvents).values({
    id: newId('evt'),
    caseId: current.id,
    at: now,
    kind: 'joined',
    reportId: report.id,
    matched,
    otherCaseId: alsoMatched,
  })
  if (reopen) {
    // A new report about a closed situation puts it back on the desk.
    await tx.insert(caseEvents).values({
      id: newId('evt'),
      caseId: current.id,
      at: now,
      kind: 'reopened',
      reportId: report.id,
    })
  }
  return row!
}
