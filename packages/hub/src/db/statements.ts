/**
 * Plain SQL inside a write unit, for the few hot statements whose drizzle form costs more to
 * build than SQLite takes to run them (the delivery engine's claims and batched outcomes,
 * intake's multi-row inserts). They run on the unit's own libSQL transaction, so they are part
 * of its savepoint like any drizzle query.
 */
import type { InStatement, InValue, ResultSet } from '@libsql/client'
import type { WriteTx } from './types'

export interface Statement {
  sql: string
  args: InValue[]
}

/** A row as the driver returns it: column name → value. */
export type Row = Record<string, unknown>

interface LibsqlTransaction {
  execute(stmt: InStatement): Promise<ResultSet>
}

/** The libSQL transaction under a drizzle transaction on the libSQL driver. */
function libsqlOf(tx: WriteTx): LibsqlTransaction {
  const handle = (tx as unknown as { session?: { tx?: Partial<LibsqlTransaction> } }).session?.tx
  if (typeof handle?.execute !== 'function') {
    throw new Error('Plain statements need a transaction of the libSQL driver')
  }
  return handle as LibsqlTransaction
}

/** Runs one statement in the unit's transaction; resolves with its rows (`RETURNING`, reads). */
export async function execute(tx: WriteTx, statement: Statement): Promise<Row[]> {
  const result = await libsqlOf(tx).execute(statement)
  return result.rows as unknown as Row[]
}

/** `?, ?, ?` groups for multi-row statements. */
export function placeholders(count: number, group: string): string {
  return Array.from({ length: count }, () => group).join(', ')
}
