/**
 * Recognises a unique-key violation by libSQL's error code (`SQLITE_CONSTRAINT_UNIQUE` or
 * `_PRIMARYKEY`, local or remote), wherever drizzle wrapped it. SQLite names the violated
 * columns only in its message (`UNIQUE constraint failed: reports.reference`): that part is read
 * only once the code has said what kind of error it is.
 */
import { LibsqlError } from '@libsql/client'
import { type Column, getTableName } from 'drizzle-orm'

const UNIQUE_CODES = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY'])

function libsqlErrorIn(error: unknown): LibsqlError | undefined {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof LibsqlError) return e
  }
  return undefined
}

/** True when `error` is a unique violation of `column` (alone or as part of its key). */
export function violatesUnique(error: unknown, column: Column): boolean {
  const found = libsqlErrorIn(error)
  if (!found || !UNIQUE_CODES.has(found.extendedCode ?? '')) return false
  const columns = found.message.split('constraint failed:')[1] ?? ''
  const name = `${getTableName(column.table)}.${column.name}`
  return columns.split(',').some((c) => c.trim() === name)
}
