/**
 * Grouping, one batch of queued reports per write unit: each report's normalised values are
 * fingerprinted (`keys.ts`) and looked up by index among the reports of the same partner
 * submitted within the window around it; it joins the case of the newest report sharing the
 * most of them, or starts a case of its own. Every decision goes on the case's timeline with
 * what was shared (the kinds, never the values); another open case that also matched is named
 * on the decision, as a candidate for a merge, but never merged automatically: an operator's
 * split stays split. A case that reaches the raid threshold is flagged (`raid.ts`).
 *
 * Cost per report: one index lookup per value (plain SQL: drizzle's builder costs more than
 * SQLite's lookup), whatever the size of the case; what the batch decides — new cases, members,
 * fingerprints, timeline entries, each case's new figures — is written once per batch, in a few
 * multi-row statements (`bench/grouping.ts` measures it).
 */
import type { CaseMatch } from '@safe-place/schemas'
import { asc, eq, inArray } from 'drizzle-orm'
import type { AlertContext } from '../alerts/raise'
import type { Keyring } from '../crypto/keyring'
import type { CaseRow } from '../db/rows'
import { caseEvents, caseKeys, caseMembers, caseQueue, cases, reports } from '../db/schema'
import { execute } from '../db/statements'
import { insertRows } from '../db/table-rows'
import type { WriteTx } from '../db/types'
import { newId } from '../ids'
import { reportContext, type SealedContent } from '../intake/sealed-content'
import { caseKeyFingerprint, groupingValues } from './keys'
import { alertRaid, membersInWindow } from './raid'
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

interface Hit {
  caseId: string
  at: number
}

interface Candidate {
  caseId: string
  matched: Set<CaseMatch>
  hits: number
  latest: number
}

export interface GroupOutcome {
  /** Reports taken from the queue (grouped, or erased meanwhile and dropped). */
  taken: number
  grouped: number
  created: number
}

/** What one batch decided, written at its end. */
class Batch {
  /** Every case the batch touched, as it now stands; `fresh` ones are inserted. */
  readonly cases = new Map<string, { row: CaseRow; fresh: boolean; raidCount?: number }>()
  /** The newest report of the batch carrying each fingerprint. */
  readonly keys = new Map<string, Hit>()
  /** Report times of the batch, per case: the raid window counts them with the committed ones. */
  readonly times = new Map<string, number[]>()
  readonly members: (typeof caseMembers.$inferInsert)[] = []
  readonly events: (typeof caseEvents.$inferInsert)[] = []
  readonly keyRows: (typeof caseKeys.$inferInsert)[] = []
}

/** Takes up to `limit` queued reports, oldest first, and groups them; in one write unit. */
export async function groupQueuedReports(
  tx: WriteTx,
  keyring: Keyring,
  settings: CaseSettings,
  now: Date,
  options: { limit?: number; alerts?: AlertContext | undefined } = {},
): Promise<GroupOutcome> {
  const limit = options.limit ?? GROUP_BATCH
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
  const batch = new Batch()
  const outcome: GroupOutcome = { taken: ids.length, grouped: 0, created: 0 }
  for (const report of rows) {
    // Erased (withdrawn) before it was grouped: nothing left to group on, nor to keep.
    if (!report.sealed) continue
    const created = await groupOne(tx, keyring, settings, batch, report, report.sealed, now)
    outcome.grouped++
    if (created) outcome.created++
  }
  await write(tx, batch, options.alerts, now)
  return outcome
}

/** Groups one report into the batch's decisions; true when it started a case. */
async function groupOne(
  tx: WriteTx,
  keyring: Keyring,
  settings: CaseSettings,
  batch: Batch,
  report: QueuedReport,
  sealed: string,
  now: Date,
): Promise<boolean> {
  const content = keyring.openJson<SealedContent>(sealed, reportContext(report.id))
  const keys = groupingValues(content, report.platform).map((v) => ({
    match: v.match,
    fingerprint: caseKeyFingerprint(keyring, report.partnerId, v),
  }))
  const at = report.submittedAt.getTime()
  const candidates = await findCandidates(tx, batch, keys, at, settings.windowMs)
  const chosen = candidates[0]
  const due = dueAtOf(settings.serviceLevels, report)
  const caseId = chosen
    ? await joinCase(tx, batch, chosen, candidates[1]?.caseId ?? null, report, due, now)
    : startCase(batch, report, due, now)
  for (const k of keys) {
    batch.keyRows.push({ fingerprint: k.fingerprint, reportId: report.id, at: report.submittedAt })
    const seen = batch.keys.get(k.fingerprint)
    if (!seen || seen.at <= at) batch.keys.set(k.fingerprint, { caseId, at })
  }
  const times = batch.times.get(caseId) ?? []
  times.push(at)
  batch.times.set(caseId, times)
  await detectRaid(tx, batch, caseId, at, settings, now)
  return !chosen
}

/**
 * The cases of the newest reports sharing each value within the window — committed (one index
 * lookup each) or earlier in this batch — best first: the most values shared, then the most
 * recent activity.
 */
async function findCandidates(
  tx: WriteTx,
  batch: Batch,
  keys: readonly { match: CaseMatch; fingerprint: string }[],
  at: number,
  windowMs: number,
): Promise<Candidate[]> {
  const byCase = new Map<string, Candidate>()
  const committed = await newestCommitted(tx, keys, at - windowMs, at + windowMs)
  for (const [i, key] of keys.entries()) {
    const row = committed[i]
    let hit: Hit | undefined = row ? { caseId: String(row.case_id), at: Number(row.at) } : undefined
    const inBatch = batch.keys.get(key.fingerprint)
    if (inBatch && Math.abs(inBatch.at - at) <= windowMs && (!hit || inBatch.at >= hit.at)) {
      hit = inBatch
    }
    if (!hit) continue
    const seen = byCase.get(hit.caseId) ?? {
      caseId: hit.caseId,
      matched: new Set<CaseMatch>(),
      hits: 0,
      latest: 0,
    }
    seen.matched.add(key.match)
    seen.hits++
    seen.latest = Math.max(seen.latest, hit.at)
    byCase.set(hit.caseId, seen)
  }
  return [...byCase.values()].sort((a, b) => b.hits - a.hits || b.latest - a.latest)
}

/**
 * For each fingerprint, the case and time of its newest committed report in `[from, to]`: one
 * statement whatever the number of values (one `LIMIT 1` index seek each, glued by `UNION ALL`),
 * since each statement costs a prepare and a trip through the driver.
 */
async function newestCommitted(
  tx: WriteTx,
  keys: readonly { fingerprint: string }[],
  from: number,
  to: number,
): Promise<({ case_id: unknown; at: unknown } | undefined)[]> {
  if (keys.length === 0) return []
  const seek = (i: number) =>
    `select * from (select ${i} as i, m.case_id as case_id, k.at as at from case_keys k join case_members m on m.report_id = k.report_id where k.fingerprint = ? and k.at between ? and ? order by k.at desc limit 1)`
  const rows = await execute(tx, {
    sql: keys.map((_, i) => seek(i)).join(' union all '),
    args: keys.flatMap((k) => [k.fingerprint, from, to]),
  })
  const out: ({ case_id: unknown; at: unknown } | undefined)[] = keys.map(() => undefined)
  for (const row of rows) out[Number(row.i)] = row as { case_id: unknown; at: unknown }
  return out
}

function startCase(batch: Batch, report: QueuedReport, due: Date, now: Date): string {
  const row: CaseRow = {
    id: newId('cas'),
    reference: newCaseReference(),
    partnerId: report.partnerId,
    status: 'open',
    urgent: report.urgent,
    category: report.category,
    raid: false,
    raidDetectedAt: null,
    reportCount: 1,
    firstReportAt: report.submittedAt,
    lastReportAt: report.submittedAt,
    dueAt: due,
    assigneeKeyId: null,
    mergedInto: null,
    createdAt: now,
    updatedAt: now,
    closedAt: null,
  }
  batch.cases.set(row.id, { row, fresh: true })
  batch.members.push({
    reportId: report.id,
    caseId: row.id,
    joinedAt: now,
    submittedAt: report.submittedAt,
    matched: [],
  })
  batch.events.push({
    id: newId('evt'),
    caseId: row.id,
    at: now,
    kind: 'created',
    reportId: report.id,
  })
  return row.id
}

const earlier = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b)
const later = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b)

async function joinCase(
  tx: WriteTx,
  batch: Batch,
  chosen: Candidate,
  alsoMatched: string | null,
  report: QueuedReport,
  due: Date,
  now: Date,
): Promise<string> {
  let entry = batch.cases.get(chosen.caseId)
  if (!entry) {
    const [row] = await tx.select().from(cases).where(eq(cases.id, chosen.caseId))
    if (!row) throw new Error(`case ${chosen.caseId} vanished`)
    entry = { row, fresh: false }
    batch.cases.set(row.id, entry)
  }
  const current = entry.row
  const matched = [...chosen.matched].sort()
  const reopen = current.status === 'closed'
  entry.row = {
    ...current,
    reportCount: current.reportCount + 1,
    urgent: current.urgent || report.urgent,
    firstReportAt: earlier(report.submittedAt, current.firstReportAt),
    lastReportAt: later(report.submittedAt, current.lastReportAt),
    ...(due < current.dueAt ? { dueAt: due, category: report.category } : {}),
    ...(reopen ? { status: 'open', closedAt: null } : {}),
    updatedAt: now,
  }
  batch.members.push({
    reportId: report.id,
    caseId: current.id,
    joinedAt: now,
    submittedAt: report.submittedAt,
    matched,
  })
  batch.events.push({
    id: newId('evt'),
    caseId: current.id,
    at: now,
    kind: 'joined',
    reportId: report.id,
    matched,
    otherCaseId: alsoMatched === current.id ? null : alsoMatched,
  })
  if (reopen) {
    // A new report about a closed situation puts it back on the desk.
    batch.events.push({
      id: newId('evt'),
      caseId: current.id,
      at: now,
      kind: 'reopened',
      reportId: report.id,
    })
  }
  return current.id
}

/** Flags the case as a raid when its reports within the window up to `at` reach the threshold. */
async function detectRaid(
  tx: WriteTx,
  batch: Batch,
  caseId: string,
  at: number,
  settings: Pick<CaseSettings, 'raidReports' | 'raidWindowMs'>,
  now: Date,
): Promise<void> {
  const entry = batch.cases.get(caseId)!
  if (entry.row.raid) return
  const from = at - settings.raidWindowMs
  const ofBatch = (batch.times.get(caseId) ?? []).filter((t) => t > from && t <= at).length
  const committed = entry.fresh
    ? 0
    : await membersInWindow(tx, caseId, new Date(from), new Date(at), settings.raidReports)
  const n = Math.min(settings.raidReports, committed + ofBatch)
  if (n < settings.raidReports) return
  entry.row = { ...entry.row, raid: true, raidDetectedAt: now, updatedAt: now }
  entry.raidCount = n
  batch.events.push({ id: newId('evt'), caseId, at: now, kind: 'raid_detected', count: n })
}

/** Writes what the batch decided: new cases, changed cases, members, fingerprints, events. */
async function write(
  tx: WriteTx,
  batch: Batch,
  alerts: AlertContext | undefined,
  now: Date,
): Promise<void> {
  const fresh = [...batch.cases.values()].filter((e) => e.fresh).map((e) => e.row)
  await insertRows(tx, [{ table: cases, rows: fresh }])
  for (const entry of batch.cases.values()) {
    if (entry.fresh) continue
    const { id: _id, reference: _r, partnerId: _p, createdAt: _c, ...changed } = entry.row
    await tx.update(cases).set(changed).where(eq(cases.id, entry.row.id))
  }
  await insertRows(tx, [
    { table: caseMembers, rows: batch.members },
    { table: caseKeys, rows: batch.keyRows },
    { table: caseEvents, rows: batch.events },
  ])
  for (const entry of batch.cases.values()) {
    if (entry.raidCount !== undefined && alerts) {
      await alertRaid(tx, alerts, entry.row, entry.raidCount, now)
    }
  }
}
