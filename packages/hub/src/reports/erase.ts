/**
 * Erasing reports' personal data, through the one list of where it can be
 * (`db/personal-data.ts`): sealed content, attachments' bytes, notes, outbox payloads, what
 * receivers answered, idempotent answers — whatever the list names, now or later. The report
 * is marked erased first, which arms the erasure guards against late writers. What stays is
 * the tombstone (reference, category, platform, dates, flags) for statistics.
 * Shared by withdrawal and the retention job; copies handed to Svix are expunged by its engine.
 */
import { and, inArray, isNull } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { erasedColumns, personalDataEntries, type ReportLink } from '../db/personal-data'
import { reports } from '../db/schema'
import type { WriteTx } from '../db/types'

/** SQLite binds at most 32,766 parameters; retention erases in chunks well below that. */
const CHUNK = 500

function ofReports(tx: WriteTx, link: ReportLink, ids: readonly string[]) {
  if (!('via' in link)) return inArray(link.column, [...ids])
  const { key, report } = link.via
  return inArray(
    link.column,
    tx
      .select({ key })
      .from(key.table as SQLiteTable)
      .where(inArray(report, [...ids])),
  )
}

export async function erasePersonalData(
  tx: WriteTx,
  reportIds: readonly string[],
  now: Date,
): Promise<void> {
  for (let i = 0; i < reportIds.length; i += CHUNK) {
    const ids = reportIds.slice(i, i + CHUNK)
    await tx
      .update(reports)
      .set({ erasedAt: now })
      .where(and(inArray(reports.id, [...ids]), isNull(reports.erasedAt)))
    for (const entry of personalDataEntries) {
      if (!entry.report) continue
      const where = ofReports(tx, entry.report, ids)
      if (entry.erase === 'rows') {
        await tx.delete(entry.table).where(where)
        continue
      }
      const columns = erasedColumns(entry)
      if (columns.length === 0) continue
      const cleared = Object.fromEntries(columns.map(({ key }) => [key, null]))
      await tx.update(entry.table).set(cleared).where(where)
    }
  }
}
