/**
 * Withdrawal by the reporter: personal data erased at once, status `withdrawn`, a timeline
 * entry, and the receivers told (outbox, same transaction). Withdrawing twice is harmless.
 */
import { eq } from 'drizzle-orm'
import type { Keyring } from '../crypto/keyring'
import { reports, timelineEvents } from '../db/schema'
import type { Transaction } from '../db/transaction'
import { propagateWithdrawal } from '../delivery/withdrawal'
import { newId } from '../ids'
import { erasePersonalData } from './erase'
import type { ReportRow } from './receipt-access'

export async function withdrawReport(
  tx: Transaction,
  keyring: Keyring,
  report: ReportRow,
  now: Date,
): Promise<ReportRow> {
  if (report.status === 'withdrawn') return report
  await erasePersonalData(tx, report.id)
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
  })
  return { ...report, status: 'withdrawn', withdrawnAt: now, updatedAt: now, sealed: null }
}
