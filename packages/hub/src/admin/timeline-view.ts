/**
 * A report's timeline as one reader may see it, for the operator API and the console alike.
 * The operator sees every entry. Anyone else sees the entries about no receiver (received,
 * withdrawn, purged, the operator's status changes) and those about its own receivers —
 * routing decisions, deliveries, status changes — and nothing about any other receiver: not
 * its id, not its routing decision, not that it acted. Notes for the reporter follow `notes`.
 */
import { type Decision, ReceiverStatus, type TimelineEvent } from '@safe-place/schemas'
import { asc, eq } from 'drizzle-orm'
import type { Keyring } from '../crypto/keyring'
import type { TimelineRow } from '../db/rows'
import { reports, timelineEvents } from '../db/schema'
import type { ReadDb } from '../db/types'
import { contestReasonOf } from '../reports/contest'
import { decisionSummary, decisionsOf } from '../reports/decisions'
import { noteContext } from '../reports/status-view'
import { isOwnReceiver, type OwnReceivers } from './own-receivers'
import { toTimelineEvent } from './serialize'

export interface TimelineReader {
  own: OwnReceivers
  /** Which notes for the reporter it reads: every one, its own receivers', or none. */
  notes: 'all' | 'own' | 'none'
}

type Row = TimelineRow

const isReceiverStatus = (status: string | null) =>
  status !== null && ReceiverStatus.safeParse(status).success

function openNote(keyring: Keyring, row: Row): string | undefined {
  if (!row.noteSealed) return undefined
  try {
    return keyring.open(row.noteSealed, noteContext(row.id))
  } catch {
    return undefined
  }
}

/** Who acted: the receiver, or `operator` for a receiver status set with no receiver. */
function actorOf(row: Row): string | undefined {
  if (row.kind === 'routing') return undefined
  if (row.receiverId) return row.receiverId
  return row.kind === 'status_changed' && isReceiverStatus(row.status) ? 'operator' : undefined
}

export function timelineFor(
  rows: readonly Row[],
  keyring: Keyring,
  reader: TimelineReader,
  /** Decisions by the timeline entry they came with, already in words. */
  decisions: ReadonlyMap<string, NonNullable<TimelineEvent['decision']>> = new Map(),
) {
  const events: TimelineEvent[] = []
  for (const row of rows) {
    if (row.receiverId !== null && !isOwnReceiver(reader.own, row.receiverId)) continue
    const actor = actorOf(row)
    const readsNote = reader.notes === 'all' || (reader.notes === 'own' && row.receiverId !== null)
    const note = readsNote ? openNote(keyring, row) : undefined
    const decision = decisions.get(row.id)
    events.push({
      ...toTimelineEvent(row),
      ...(actor !== undefined ? { actor } : {}),
      ...(note !== undefined ? { note } : {}),
      ...(decision ? { decision } : {}),
    })
  }
  return events
}

export async function loadTimeline(
  db: ReadDb,
  keyring: Keyring,
  reportId: string,
  reader: TimelineReader,
): Promise<TimelineEvent[]> {
  const rows = await db
    .select()
    .from(timelineEvents)
    .where(eq(timelineEvents.reportId, reportId))
    .orderBy(asc(timelineEvents.at))
  const [report] = await db.select().from(reports).where(eq(reports.id, reportId))
  const decisions = new Map<string, { fields: Decision; summary: { fr: string; en: string } }>()
  if (report) {
    for (const { eventId, decision } of await decisionsOf(db, keyring, reportId)) {
      decisions.set(eventId, {
        fields: decision,
        summary: {
          fr: decisionSummary(report, decision, 'fr'),
          en: decisionSummary(report, decision, 'en'),
        },
      })
    }
  }
  const events = timelineFor(rows, keyring, reader, decisions)
  // Her reason to contest, for the operator only (the receivers she chose got it by webhook).
  if (reader.notes === 'all') {
    const reason = await contestReasonOf(db, keyring, reportId)
    const contested = events.find((e) => e.kind === 'contested')
    if (reason && contested) contested.note = reason
  }
  return events
}
