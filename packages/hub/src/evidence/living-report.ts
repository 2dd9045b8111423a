/**
 * The living report's shared ground: a report still open to additions (not withdrawn, not
 * erased by retention), and its additions as they were made.
 */
import type { ReportAddition } from '@safe-place/schemas'
import { asc, eq } from 'drizzle-orm'
import type { Keyring } from '../crypto/keyring'
import type { ReportRow } from '../db/rows'
import { reportAdditions, reports } from '../db/schema'
import type { ReadDb } from '../db/types'
import { HubError } from '../hub-error'

export const additionContext = (additionId: string) => `addition:${additionId}`

/** The report as it is now, if it can still grow: refused once withdrawn or erased. */
export async function openReport(db: ReadDb, reportId: string): Promise<ReportRow> {
  const [row] = await db.select().from(reports).where(eq(reports.id, reportId))
  if (!row) throw new HubError('receipt_invalid')
  if (row.status === 'withdrawn' || row.withdrawnAt) throw new HubError('report_withdrawn')
  if (row.erasedAt || !row.sealed) throw new HubError('report_erased')
  return row
}

/** The report's additions in order, each as it was made (files' metadata included). */
export async function loadAdditions(
  db: ReadDb,
  keyring: Keyring,
  reportId: string,
): Promise<ReportAddition[]> {
  const rows = await db
    .select({ id: reportAdditions.id, sealed: reportAdditions.sealed })
    .from(reportAdditions)
    .where(eq(reportAdditions.reportId, reportId))
    .orderBy(asc(reportAdditions.seq))
  return rows.flatMap((r) =>
    r.sealed ? [keyring.openJson<ReportAddition>(r.sealed, additionContext(r.id))] : [],
  )
}
