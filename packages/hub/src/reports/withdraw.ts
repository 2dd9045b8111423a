/**
 * Withdrawal by the reporter: personal data erased at once, status `withdrawn`, a timeline
 * entry, and the receivers told (outbox, same write unit). Withdrawing twice is harmless.
 */
import { eq } from 'drizzle-orm'
import type { Keyring } from '../crypto/keyring'
import type { ReportRow } from '../db/rows'
import { reports, timelineEvents } from '../db/schema'
import type { WriteTx } from '../db/types'
import { propagateWithdrawal } from '../delivery/withdrawal'
import { appendToChain } from '../evidence/chain'
import { withdrawnEntry } from '../evidence/chain-content'
import { newId } from '../ids'
import { erasePersonalData } from './erase'

export async function withdrawReport(
  tx: WriteTx,
  keyring: Keyring,
  report: ReportRow,
  now: Date,
): Promise<ReportRow> {
  // Read again in the unit: another request may have withdrawn it since it was opened.
  const [current] = await tx.select().from(reports).where(eq(reports.id, report.id))
  if (!current || current.status === 'withdrawn') return current ?? report
  // Chained before the erasure, which takes the chain's key with everything else.
  const [reportSeq] =
    (await appendToChain(tx, keyring, report.id, [withdrawnEntry(now)], now)) ?? []
  await erasePersonalData(tx, [report.id], now)
  await tx
    .update(reports)
    .set({ status: 'withdrawn', withdrawnAt: now, updatedAt: now })
    .where(eq(reports.id, report.id))
  await tx.insert(timelineEvents).values({
    id: newId('evt'),
    reportId: report.id,
    at: now,
    kind: 'withdrawn',
    status: 'withdrawn',
  })
  await propagateWithdrawal(tx, keyring, {
    reportId: report.id,
    reference: report.reference,
    now,
    reportSeq,
  })
  const [withdrawn] = await tx.select().from(reports).where(eq(reports.id, report.id))
  return withdrawn ?? current
}
