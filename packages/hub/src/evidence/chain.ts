/**
 * A report's evidence chain (docs/evidence.md; the link rule is `@safe-place/schemas`'
 * `chainLinkText`): each event — creation, routing, additions, consents, deliveries, statuses,
 * withdrawal — is an entry committing to its content with an HMAC under the report's own key,
 * linked to the entry before by SHA-256. The key is random per report, sealed, and erased with
 * the report: a copy of the database cannot test a guess at its content, and once the report
 * is erased the chain proves nothing about what no longer exists.
 *
 * `planChain` makes a new chain's rows without I/O (intake's group commit); `appendToChain`
 * adds entries inside a write unit, after first chaining the deliveries that succeeded since
 * (the delivery engine records successes in bulk and does not touch chains).
 */
import { createHash, createHmac } from 'node:crypto'
import {
  CHAIN_GENESIS,
  type ChainEntryKind,
  canonicalJson,
  chainLinkText,
} from '@safe-place/schemas'
import { and, asc, eq, inArray, notInArray } from 'drizzle-orm'
import { rebuildReport } from '../admin/reports'
import type { Keyring } from '../crypto/keyring'
import { pooledRandomBytes } from '../crypto/random-pool'
import { evidenceChains, evidenceEvents, messages, reports } from '../db/schema'
import type { TableRows } from '../db/table-rows'
import type { WriteTx } from '../db/types'
import { newId } from '../ids'
import { reportContext, type SealedContent } from '../intake/sealed-content'
import { createdEntry } from './chain-content'

const chainKeyContext = (reportId: string) => `chain:${reportId}`
export const chainContentContext = (eventId: string) => `chain-event:${eventId}`

export interface ChainEvent {
  kind: ChainEntryKind
  at: Date
  /** JSON only (strings, numbers, booleans, null, arrays, objects). */
  content: unknown
  /** The row this entry stands for, when it has one (a delivered message). */
  sourceId?: string
}

interface Head {
  seq: number
  hash: string
}

type EventRow = typeof evidenceEvents.$inferInsert

function link(
  keyring: Keyring,
  key: Buffer,
  reportId: string,
  head: Head,
  events: readonly ChainEvent[],
): { rows: EventRow[]; head: Head } {
  let { seq, hash } = head
  const rows: EventRow[] = []
  for (const event of events) {
    seq++
    const id = newId('evt')
    // Canonical once: the digest commits to these bytes, and the pack shows them.
    const canonical = canonicalJson(event.content)
    const digest = createHmac('sha256', key).update(canonical, 'utf8').digest('hex')
    const at = new Date(event.at.getTime())
    const next = createHash('sha256')
      .update(chainLinkText(hash, { seq, kind: event.kind, at: at.toISOString(), digest }), 'utf8')
      .digest('hex')
    rows.push({
      id,
      reportId,
      seq,
      kind: event.kind,
      at,
      sourceId: event.sourceId ?? null,
      contentSealed: keyring.seal(canonical, chainContentContext(id)),
      digest,
      prevHash: hash,
      hash: next,
    })
    hash = next
  }
  return { rows, head: { seq, hash } }
}

/** A new report's chain, as rows to insert with it; `seqs` are its entries' positions. */
export function planChain(
  keyring: Keyring,
  reportId: string,
  events: readonly ChainEvent[],
  now: Date,
): { inserts: TableRows[]; seqs: number[] } {
  const key = pooledRandomBytes(32)
  const { rows, head } = link(keyring, key, reportId, { seq: 0, hash: CHAIN_GENESIS }, events)
  return {
    inserts: [
      {
        table: evidenceChains,
        rows: [
          {
            reportId,
            keySealed: keyring.seal(key.toString('base64url'), chainKeyContext(reportId)),
            headSeq: head.seq,
            headHash: head.hash,
            updatedAt: now,
          },
        ],
      },
      { table: evidenceEvents, rows },
    ],
    seqs: rows.map((r) => r.seq),
  }
}

/** The chain's key, or undefined once it is erased. */
export function openChainKey(
  keyring: Keyring,
  reportId: string,
  sealed: string | null,
): Buffer | undefined {
  return sealed
    ? Buffer.from(keyring.open(sealed, chainKeyContext(reportId)), 'base64url')
    : undefined
}

const chainedEvents = ['report.created', 'report.updated'] as const

/** Deliveries that succeeded and are not in the chain yet, in the order they happened. */
async function unchainedDeliveries(tx: WriteTx, reportId: string): Promise<ChainEvent[]> {
  const chained = tx
    .select({ id: evidenceEvents.sourceId })
    .from(evidenceEvents)
    .where(and(eq(evidenceEvents.reportId, reportId), eq(evidenceEvents.kind, 'delivered')))
  const rows = await tx
    .select({
      id: messages.id,
      receiverId: messages.receiverId,
      eventType: messages.eventType,
      deliveredAt: messages.deliveredAt,
    })
    .from(messages)
    .where(
      and(
        eq(messages.reportId, reportId),
        eq(messages.state, 'succeeded'),
        inArray(messages.eventType, [...chainedEvents]),
        notInArray(messages.id, chained),
      ),
    )
    .orderBy(asc(messages.deliveredAt), asc(messages.id))
  return rows.map((m) => ({
    kind: 'delivered',
    at: m.deliveredAt ?? new Date(0),
    content: { receiverId: m.receiverId, event: m.eventType, messageId: m.id },
    sourceId: m.id,
  }))
}

/**
 * Adds `events` to a report's chain, after the deliveries not chained yet. Returns the
 * positions of `events` (for the messages they queue), or undefined when the report's chain
 * key is erased: an erased report's chain takes nothing more. A report from before chains
 * existed gets one from here on.
 */
export async function appendToChain(
  tx: WriteTx,
  keyring: Keyring,
  reportId: string,
  events: readonly ChainEvent[],
  now: Date,
): Promise<number[] | undefined> {
  const [chain] = await tx
    .select()
    .from(evidenceChains)
    .where(eq(evidenceChains.reportId, reportId))
  if (!chain) {
    // A report from before chains existed: its chain starts with the report as stored.
    const [row] = await tx.select().from(reports).where(eq(reports.id, reportId))
    if (!row?.sealed) return undefined
    const sealed = keyring.openJson<SealedContent>(row.sealed, reportContext(reportId))
    const start = createdEntry(rebuildReport(row, sealed), row.submittedAt)
    const planned = planChain(
      keyring,
      reportId,
      [start, ...(await unchainedDeliveries(tx, reportId)), ...events],
      now,
    )
    for (const { table, rows } of planned.inserts) await tx.insert(table).values([...rows] as never)
    return planned.seqs.slice(planned.seqs.length - events.length)
  }
  const key = openChainKey(keyring, reportId, chain.keySealed)
  if (!key) return undefined
  const all = [...(await unchainedDeliveries(tx, reportId)), ...events]
  if (all.length === 0) return []
  const { rows, head } = link(
    keyring,
    key,
    reportId,
    { seq: chain.headSeq, hash: chain.headHash },
    all,
  )
  await tx.insert(evidenceEvents).values(rows)
  const moved = await tx
    .update(evidenceChains)
    .set({ headSeq: head.seq, headHash: head.hash, updatedAt: now })
    .where(and(eq(evidenceChains.reportId, reportId), eq(evidenceChains.headSeq, chain.headSeq)))
  // Another writer moved the head meanwhile (another process on the file): the unique index on
  // (report, seq) already refused its rows or ours; this makes sure of it.
  if (moved.rowsAffected !== 1) throw new Error(`evidence chain of ${reportId} moved during append`)
  return rows.slice(rows.length - events.length).map((r) => r.seq as number)
}
