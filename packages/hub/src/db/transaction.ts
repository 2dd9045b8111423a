/** The type of a drizzle transaction on the hub's database, for functions that take part in one. */
import type { Database } from './client'

export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0]

/** A database or a transaction: what a query function needs to run inside or outside one. */
export type Executor = Database | Transaction
