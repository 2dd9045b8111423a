/**
 * Rows to insert, as data: a write unit that says *what* it inserts (instead of running the
 * statements itself) can share multi-row `INSERT`s with the other units of the gate's batch —
 * a few statements per batch instead of a few per report. Each statement costs a prepare and a
 * trip through the driver, which is what intake's profile was made of.
 *
 * The statement text and its arguments are built here from drizzle's own column definitions
 * (names, `mapToDriverValue`, defaults), with the same rules as drizzle's `insert().values()`:
 * drizzle's SQL builder checks the type of every chunk of every parameter, which cost more than
 * SQLite inserting the rows. They run on the unit's libSQL transaction (`statements.ts`); a
 * table whose default cannot be inlined goes through drizzle's builder instead.
 */
import type { InValue } from '@libsql/client'
import { type Column, getTableColumns, getTableName, is, SQL } from 'drizzle-orm'
import { SQLiteSyncDialect, type SQLiteTable } from 'drizzle-orm/sqlite-core'
import { execute } from './statements'
import type { WriteTx } from './types'

/** Rows for one table, in the shape `tx.insert(table).values(rows)` takes. */
export interface TableRows {
  table: SQLiteTable
  rows: readonly Record<string, unknown>[]
}

/** SQLite takes at most 32,766 parameters per statement: stay well below. */
const MAX_PARAMETERS = 16_000

interface ColumnPlan {
  key: string
  column: Column
  /** A constant SQL default (e.g. `(unixepoch('subsec') * 1000)`), inlined when no value. */
  defaultSql: string | undefined
}

interface TablePlan {
  head: string
  columns: ColumnPlan[]
}

const dialect = new SQLiteSyncDialect()
const plans = new WeakMap<SQLiteTable, TablePlan | null>()
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

/** How to write a table's rows, or null when a default cannot be inlined (use drizzle). */
function planFor(table: SQLiteTable): TablePlan | null {
  let plan = plans.get(table)
  if (plan !== undefined) return plan
  const columns: ColumnPlan[] = []
  plan = { head: '', columns }
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    // Generated columns are not inserted (drizzle's `shouldDisableInsert`).
    if (column.generated && column.generated.type !== 'byDefault') continue
    let defaultSql: string | undefined
    if (is(column.default, SQL)) {
      const rendered = dialect.sqlToQuery(column.default)
      if (rendered.params.length) {
        plan = null
        break
      }
      defaultSql = rendered.sql
    }
    columns.push({ key, column, defaultSql })
  }
  if (plan) {
    plan.head = `insert into ${quote(getTableName(table))} (${columns.map((c) => quote(c.column.name)).join(', ')}) values `
  }
  plans.set(table, plan)
  return plan
}

/** One row's placeholders and arguments, drizzle's rules for missing values. */
function rowSql(plan: TablePlan, row: Record<string, unknown>, args: InValue[]): string {
  const marks: string[] = []
  for (const { key, column, defaultSql } of plan.columns) {
    let value = row[key]
    if (value === undefined) {
      if (defaultSql !== undefined) {
        marks.push(defaultSql)
        continue
      }
      if (column.default !== undefined && column.default !== null) value = column.default
      else if (column.defaultFn) value = column.defaultFn()
      else if (column.onUpdateFn) value = column.onUpdateFn()
      else {
        marks.push('null')
        continue
      }
    }
    marks.push('?')
    args.push(value === null ? null : (column.mapToDriverValue(value) as InValue))
  }
  return `(${marks.join(', ')})`
}

/**
 * Inserts every row, one multi-row statement per table (split when it would pass the parameter
 * limit). Tables go in order of first appearance, so parents listed first are written first.
 */
export async function insertRows(tx: WriteTx, inserts: readonly TableRows[]): Promise<void> {
  const byTable = new Map<SQLiteTable, Record<string, unknown>[]>()
  for (const { table, rows } of inserts) {
    if (rows.length === 0) continue
    const list = byTable.get(table)
    if (list) list.push(...rows)
    else byTable.set(table, [...rows])
  }
  for (const [table, rows] of byTable) {
    const plan = planFor(table)
    const perStatement = Math.max(
      1,
      Math.floor(MAX_PARAMETERS / (Object.keys(getTableColumns(table)).length || 1)),
    )
    for (let i = 0; i < rows.length; i += perStatement) {
      const chunk = rows.slice(i, i + perStatement)
      if (plan) {
        const args: InValue[] = []
        const values = chunk.map((row) => rowSql(plan, row, args)).join(', ')
        await execute(tx, { sql: plan.head + values, args })
      } else {
        // biome-ignore lint/suspicious/noExplicitAny: rows are typed by the planners that build them.
        await tx.insert(table).values(chunk as any)
      }
    }
  }
}
