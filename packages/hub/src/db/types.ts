/**
 * The two faces of the hub's database. `ReadDb` can only read: it is what routes and domain
 * code are given. `WriteTx` is a transaction of the write gate (`write-gate.ts`), handed to a
 * write unit for the time of its turn: the only way to change the database.
 */
import type { drizzle } from 'drizzle-orm/libsql'
import type * as schema from './schema'

/** The full drizzle database: private to `db/` (migrations, the write gate). */
export type Database = ReturnType<typeof drizzle<typeof schema>>

/** Queries that cannot write. A transaction is one too, so read helpers work inside a unit. */
export type ReadDb = Pick<Database, 'select' | 'selectDistinct' | '$count'>

/** A write unit's transaction (a savepoint of the gate's current batch). */
export type WriteTx = Parameters<Parameters<Database['transaction']>[0]>[0]

/** What writing code needs of the database: reads, and the write gate. */
export interface DbAccess {
  db: ReadDb
  write<T>(unit: (tx: WriteTx) => Promise<T>): Promise<T>
}
