/**
 * Everything a proof pack holds, read from the database: the report as submitted (its first
 * chain entry), its additions, its stored files, the whole chain with each entry's content,
 * and the names of the receivers it mentions. The deliveries that succeeded since the last
 * event are chained first, so the pack ends with the chain as it stands. Only what the person
 * sent or was told: no internal routing of receivers that did not get the report, no partner,
 * no receiver's answer body.
 */
import type {
  AttachmentMeta,
  ChainEntryKind,
  EvidenceChainEntry,
  LocalizedText,
  ReportAddition,
} from '@safe-place/schemas'
import { asc, eq, inArray } from 'drizzle-orm'
import { attachmentContext } from '../../attachments/stored'
import type { Keyring } from '../../crypto/keyring'
import type { ReportRow } from '../../db/rows'
import {
  attachments,
  evidenceChains,
  evidenceEvents,
  receivers,
  reportAdditions,
} from '../../db/schema'
import type { DbAccess } from '../../db/types'
import { HubError } from '../../hub-error'
import { appendToChain, chainContentContext, openChainKey } from '../chain'
import { loadAdditions, openReport } from '../living-report'

interface PackFile {
  meta: AttachmentMeta
  /** The addition that brought it; null for the first sending. */
  additionSequence: number | null
  /** The stored copy; null once retention erased it (its hashes stay in the report). */
  data: Buffer | null
}

export interface PackData {
  report: ReportRow
  /** The content of the chain's `created` entry: the report exactly as submitted. */
  submitted: Record<string, unknown>
  additions: ReportAddition[]
  files: PackFile[]
  chain: { key: Buffer; entries: EvidenceChainEntry[]; head: string }
  receivers: Map<string, { name: LocalizedText }>
}

function receiverIdsOf(entries: readonly EvidenceChainEntry[]): string[] {
  const ids = new Set<string>()
  for (const { content } of entries) {
    const c = content as {
      sentTo?: string[]
      receiverId?: string | null
      consent?: { receiverId: string }
    }
    for (const id of c?.sentTo ?? []) ids.add(id)
    if (c?.receiverId) ids.add(c.receiverId)
    if (c?.consent?.receiverId) ids.add(c.consent.receiverId)
  }
  return [...ids]
}

export async function collectPack(
  database: DbAccess,
  keyring: Keyring,
  reportId: string,
  now: Date,
): Promise<PackData> {
  await database.write(async (tx) => {
    await openReport(tx, reportId)
    await appendToChain(tx, keyring, reportId, [], now)
  })
  const { db } = database
  const report = await openReport(db, reportId)
  const [chainRow] = await db
    .select()
    .from(evidenceChains)
    .where(eq(evidenceChains.reportId, reportId))
  const key = chainRow && openChainKey(keyring, reportId, chainRow.keySealed)
  if (!chainRow || !key) throw new HubError('report_erased')
  const rows = await db
    .select()
    .from(evidenceEvents)
    .where(eq(evidenceEvents.reportId, reportId))
    .orderBy(asc(evidenceEvents.seq))
  const entries: EvidenceChainEntry[] = rows.map((r) => ({
    seq: r.seq,
    kind: r.kind as ChainEntryKind,
    at: r.at.toISOString(),
    content: r.contentSealed
      ? JSON.parse(keyring.open(r.contentSealed, chainContentContext(r.id)))
      : null,
    digest: r.digest,
    prev: r.prevHash,
    hash: r.hash,
  }))
  const created = entries.find((e) => e.kind === 'created')
  const additions = await loadAdditions(db, keyring, reportId)
  const additionSeq = new Map(
    (
      await db
        .select({ id: reportAdditions.id, seq: reportAdditions.seq })
        .from(reportAdditions)
        .where(eq(reportAdditions.reportId, reportId))
    ).map((a) => [a.id, a.seq]),
  )
  const stored = await db
    .select()
    .from(attachments)
    .where(eq(attachments.reportId, reportId))
    .orderBy(asc(attachments.createdAt), asc(attachments.id))
  const files: PackFile[] = stored.map((a) => ({
    meta: {
      id: a.id,
      mediaType: a.mediaType as AttachmentMeta['mediaType'],
      bytes: a.bytes,
      width: a.width,
      height: a.height,
      sha256: a.sha256,
      receivedAt: a.createdAt.toISOString(),
      ...(a.receivedSha256 && { receivedSha256: a.receivedSha256 }),
      ...(a.receivedBytes !== null && { receivedBytes: a.receivedBytes }),
      ...(a.originalSha256 && { originalSha256: a.originalSha256 }),
      ...(a.originalBytes !== null && { originalBytes: a.originalBytes }),
    },
    additionSequence: a.additionId ? (additionSeq.get(a.additionId) ?? null) : null,
    data: a.dataSealed
      ? keyring.openBytes(Buffer.from(a.dataSealed), attachmentContext(a.id))
      : null,
  }))
  const ids = receiverIdsOf(entries)
  const named = ids.length
    ? await db
        .select({ id: receivers.id, name: receivers.name })
        .from(receivers)
        .where(inArray(receivers.id, ids))
    : []
  return {
    report,
    submitted: (created?.content ?? {}) as Record<string, unknown>,
    additions,
    files,
    chain: { key, entries, head: entries.at(-1)?.hash ?? chainRow.headHash },
    receivers: new Map(named.map((r) => [r.id, { name: r.name }])),
  }
}
