/**
 * Opens the hub's database: a local libSQL file (embedded default, WAL mode) or a remote libSQL
 * server (`libsql://…`, sqld or Turso) through the same client, with no code change.
 *
 * What comes back is a read handle and the write gate: nothing else of the process can change
 * the database (see `write-gate.ts`).
 */
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Client, createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { erasureGuardStatements, GUARD_PREFIX } from './erasure-guards'
import * as schema from './schema'
import type { ReadDb } from './types'
import { type RowsPlanner, WriteGate, type WriteUnit } from './write-gate'

export interface DatabaseOptions {
  /** `file:./data/hub.db`, `libsql://host`, `http://127.0.0.1:8080`… */
  url: string
  authToken?: string | undefined
}

export interface DatabaseHandle {
  /** Reads only: the type has no way to write. */
  readonly db: ReadDb
  /** The only way to change the database: a unit run in this process's write turn. */
  write<T>(unit: WriteUnit<T>): Promise<T>
  /** Rows planned by reads, inserted in this process's write turn with other planned rows. */
  writeRows<T>(planner: RowsPlanner<T>): Promise<T>
  /** Applies the checked-in migrations (`serve`, `migrate` and tests do, before anything else). */
  migrate(): Promise<void>
  /** Waits for the writes queued so far, then closes the connections. */
  close(): Promise<void>
}

/** Where the checked-in migrations are, from `src/db` (tests) and from `dist` (package). */
function migrationsFolder(): string {
  const here = dirname(fileURLToPath(import.meta.url))
  const fromDist = join(here, '..', 'drizzle')
  const fromSrc = join(here, '..', '..', 'drizzle')
  return here.endsWith(join('src', 'db')) ? fromSrc : fromDist
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const isFile = options.url.startsWith('file:')
  if (isFile) {
    const path = options.url.slice('file:'.length)
    if (path && path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  }
  // The client pools connections, and a PRAGMA reaches only one of them: the busy timeout is
  // given here so every connection waits for another process's lock instead of failing.
  const client = createClient({
    url: options.url,
    authToken: options.authToken,
    ...(isFile ? { timeout: 5000 } : {}),
  })
  if (isFile) {
    // WAL lets readers work while a write commits; the busy timeout lets several hub processes
    // share one file; synchronous=FULL so a 201 is never acknowledged before fsync.
    await client.execute('PRAGMA journal_mode = WAL')
    await client.execute('PRAGMA synchronous = FULL')
    await client.execute('PRAGMA busy_timeout = 5000')
  }
  await client.execute('PRAGMA foreign_keys = ON')
  const db = drizzle(client, { schema })
  const gate = new WriteGate(db)
  return {
    db,
    write: (unit) => gate.write(unit),
    writeRows: (planner) => gate.writeRows(planner),
    async migrate() {
      await migrate(db, { migrationsFolder: migrationsFolder() })
      await installErasureGuards(client)
    },
    async close() {
      await gate.settled()
      client.close()
    },
  }
}

/** Replaces the erasure guards with the ones the running code derives, in one transaction. */
async function installErasureGuards(client: Client): Promise<void> {
  const existing = await client.execute({
    sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?",
    args: [`${GUARD_PREFIX}%`],
  })
  await client.batch(
    [
      ...existing.rows.map((row) => `DROP TRIGGER IF EXISTS "${String(row.name)}"`),
      ...erasureGuardStatements().map((guard) => guard.sql),
    ],
    'write',
  )
}
