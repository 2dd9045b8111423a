/**
 * A case's page timeline: its own decisions (created, joined and why, merged, split, raid,
 * assigned, notes, bulk statuses — those of the cases merged into it too), its reports'
 * timelines (received, routing decisions, statuses with the notes for the reporter, withdrawn,
 * erased), their deliveries and the internal notes, in one list. The case's own decisions
 * stay whatever their age (up to `LIMIT` of them: a raid's detection must not drown under its
 * reports); of the rest — reports joining, their timelines, deliveries — the newest `LIMIT`, so
 * a raid of thousands of reports opens as fast as a small case.
 */
import type {
  CaseMatch,
  CaseTimelineEntry,
  InternalNote,
  RoutingDecision,
} from '@safe-place/schemas'
import { and, desc, eq, inArray, ne } from 'drizzle-orm'
import type { Keyring } from '../crypto/keyring'
import type { CaseRow } from '../db/rows'
import {
  apiKeys,
  caseEvents,
  caseMembers,
  cases,
  messages,
  reports,
  timelineEvents,
} from '../db/schema'
import type { ReadDb } from '../db/types'
import { noteContext } from '../reports/status-view'

const LIMIT = 500

const defined = <T extends object>(entry: T): T =>
  Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined && v !== null)) as T

async function namesOf(db: ReadDb, table: 'keys' | 'cases' | 'reports', ids: Set<string>) {
  const list = [...ids]
  if (list.length === 0) return new Map<string, string>()
  const rows =
    table === 'keys'
      ? await db
          .select({ id: apiKeys.id, name: apiKeys.name })
          .from(apiKeys)
          .where(inArray(apiKeys.id, list))
      : table === 'cases'
        ? await db
            .select({ id: cases.id, name: cases.reference })
            .from(cases)
            .where(inArray(cases.id, list))
        : await db
            .select({ id: reports.id, name: reports.reference })
            .from(reports)
            .where(inArray(reports.id, list))
  return new Map(rows.map((r) => [r.id, r.name]))
}

/** The case's own decisions, and those of the cases merged into it. */
async function caseEntries(db: ReadDb, row: CaseRow, notes: readonly InternalNote[]) {
  const merged = await db.select({ id: cases.id }).from(cases).where(eq(cases.mergedInto, row.id))
  const ofCase = inArray(caseEvents.caseId, [row.id, ...merged.map((m) => m.id)])
  const newest = (kind: ReturnType<typeof eq>) =>
    db.select().from(caseEvents).where(and(ofCase, kind)).orderBy(desc(caseEvents.at)).limit(LIMIT)
  // Decisions apart from reports joining, which a raid has thousands of.
  const [decisions, joins] = await Promise.all([
    newest(ne(caseEvents.kind, 'joined')),
    newest(eq(caseEvents.kind, 'joined')),
  ])
  const events = [...decisions, ...joins]
  const keys = new Set<string>()
  const others = new Set<string>()
  const reportIds = new Set<string>()
  for (const e of events) {
    if (e.actorKeyId) keys.add(e.actorKeyId)
    if (e.assigneeKeyId) keys.add(e.assigneeKeyId)
    if (e.otherCaseId) others.add(e.otherCaseId)
    if (e.reportId) reportIds.add(e.reportId)
  }
  const [keyNames, caseRefs, reportRefs] = await Promise.all([
    namesOf(db, 'keys', keys),
    namesOf(db, 'cases', others),
    namesOf(db, 'reports', reportIds),
  ])
  const noted = new Set(notes.map((n) => `${n.at}|${n.about}`))
  const out: CaseTimelineEntry[] = []
  for (const e of events) {
    const reference = e.reportId ? reportRefs.get(e.reportId) : undefined
    // A note still there shows as itself; its event stays only once the note was erased.
    if (e.kind === 'note_added' && noted.has(`${e.at.toISOString()}|${reference}`)) continue
    out.push(
      defined({
        at: e.at.toISOString(),
        source: 'case' as const,
        kind: e.kind,
        reference,
        matched: e.matched?.length ? (e.matched as CaseMatch[]) : undefined,
        actor: e.actorKeyId ? (keyNames.get(e.actorKeyId) ?? e.actorKeyId) : undefined,
        assignee: e.assigneeKeyId ? (keyNames.get(e.assigneeKeyId) ?? e.assigneeKeyId) : undefined,
        status: e.status ?? undefined,
        count: e.count ?? undefined,
        otherCase: e.otherCaseId
          ? { id: e.otherCaseId, reference: caseRefs.get(e.otherCaseId) ?? e.otherCaseId }
          : undefined,
      }),
    )
  }
  return out
}

/** Its reports' own timelines, as the operator sees them (every note for the reporter opened). */
async function reportEntries(db: ReadDb, keyring: Keyring, caseId: string) {
  const rows = await db
    .select({ event: timelineEvents, reference: reports.reference })
    .from(caseMembers)
    .innerJoin(timelineEvents, eq(timelineEvents.reportId, caseMembers.reportId))
    .innerJoin(reports, eq(reports.id, caseMembers.reportId))
    .where(eq(caseMembers.caseId, caseId))
    .orderBy(desc(timelineEvents.at))
    .limit(LIMIT)
  return rows.map(({ event: e, reference }): CaseTimelineEntry => {
    let note: string | undefined
    if (e.noteSealed) {
      try {
        note = keyring.open(e.noteSealed, noteContext(e.id))
      } catch {
        note = undefined
      }
    }
    const routing: RoutingDecision | undefined =
      e.kind === 'routing' && e.receiverId && e.decision && e.reason
        ? {
            receiverId: e.receiverId,
            decision: e.decision as RoutingDecision['decision'],
            reason: e.reason as RoutingDecision['reason'],
          }
        : undefined
    const actor =
      e.kind === 'routing'
        ? undefined
        : (e.receiverId ??
          (e.kind === 'status_changed' && e.status !== 'routed' && e.status !== 'received'
            ? 'operator'
            : undefined))
    return defined({
      at: e.at.toISOString(),
      source: 'report' as const,
      kind: e.kind,
      reference,
      status: e.status ?? undefined,
      routing,
      actor,
      note,
    })
  })
}

/** Its reports' deliveries: the outbox state of each message, to which receiver. */
async function deliveryEntries(db: ReadDb, caseId: string) {
  const rows = await db
    .select({
      receiverId: messages.receiverId,
      state: messages.state,
      eventType: messages.eventType,
      createdAt: messages.createdAt,
      deliveredAt: messages.deliveredAt,
      reference: reports.reference,
    })
    .from(caseMembers)
    .innerJoin(messages, eq(messages.reportId, caseMembers.reportId))
    .innerJoin(reports, eq(reports.id, caseMembers.reportId))
    .where(eq(caseMembers.caseId, caseId))
    .orderBy(desc(messages.createdAt))
    .limit(LIMIT)
  return rows.map(
    (m): CaseTimelineEntry => ({
      at: (m.deliveredAt ?? m.createdAt).toISOString(),
      source: 'delivery',
      kind: m.state,
      reference: m.reference,
      receiverId: m.receiverId,
      reason: m.eventType,
    }),
  )
}

export async function caseTimeline(
  db: ReadDb,
  keyring: Keyring,
  row: CaseRow,
  notes: readonly InternalNote[],
): Promise<CaseTimelineEntry[]> {
  const [own, ofReports, deliveries] = await Promise.all([
    caseEntries(db, row, notes),
    reportEntries(db, keyring, row.id),
    deliveryEntries(db, row.id),
  ])
  const byTime = (a: CaseTimelineEntry, b: CaseTimelineEntry) =>
    a.at < b.at ? -1 : a.at > b.at ? 1 : 0
  const decisions = own.filter((e) => e.kind !== 'joined')
  const internal = notes.map(
    (n): CaseTimelineEntry => ({
      at: n.at,
      source: 'internal_note',
      kind: 'internal_note',
      reference: n.about,
      actor: n.author,
      note: n.text,
    }),
  )
  const activity = [...own.filter((e) => e.kind === 'joined'), ...ofReports, ...deliveries]
    .sort(byTime)
    .slice(-LIMIT)
  return [...decisions, ...internal, ...activity].sort(byTime)
}
