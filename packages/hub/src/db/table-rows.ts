/**
 * Rows to insert, as data: a write unit that says *what* it inserts (instead of running the
 * statements itself) can share multi-row `INSERT`s with the other units of a group commit —
 * a few statements per batch instead of a few per report. Each statement costs a prepare and a
 * trip through the driver, which is what intake's profile was made of.
 */
import { getTableColumns } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { Executor } from './transaction'

/** Rows for one table, in the shape `tx.insert(table).values(rows)` takes. */
export interface TableRows {
  table: SQLiteTable
  rows: readonly Record<string, unknown>[]
}

/** SQLite takes at most 32,766 parameters per statement: stay well below. */
const MAX_PARAMETERS = 16_000

/**
 * Inserts every row, one multi-row statement per table (split when it would pass the parameter
 * limit). Tables go in order of first appearance, so parents listed first are written first.
 */
export async function insertRows(tx: Executor, inserts: readonly TableRows[]): Promise<void> {
  const byTable = new Map<SQLiteTable, Record<string, unknown>[]>()
  for (const { table, rows } of inserts) {
    if (rows.length === 0) continue
    const list = byTable.get(table)
    if (list) list.push(...rows)
    else byTable.set(table, [...rows])
  }
  for (const [table, rows] of byTable) {
    const columns = Object.keys(getTableColumns(table)).length || 1
    const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns))
    for (let i = 0; i < rows.length; i += perStatement) {
      // biome-ignore lint/suspicious/noExplicitAny: rows are typed by the planners that build them.
      await tx.insert(table).values(rows.slice(i, i + perStatement) as any)
    }
  }
}
