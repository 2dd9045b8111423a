/**
 * Opens the hub's database: a local libSQL file (embedded default, WAL mode) or a remote libSQL
 * server (`libsql://…`, sqld or Turso) through the same client, with no code change.
 */
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Client, createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import * as schema from './schema'

export type Database = ReturnType<typeof drizzle<typeof schema>>

export interface DatabaseOptions {
  /** `file:./data/hub.db`, `libsql://host`, `http://127.0.0.1:8080`… */
  url: string
  authToken?: string | undefined
}

export interface DatabaseHandle {
  db: Database
  client: Client
  close(): void
}

/** Where the checked-in migrations are, from `src/db` (tests) and from `dist` (package). */
export function migrationsFolder(): string {
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
  // given here so every connection waits for the write lock instead of failing with SQLITE_BUSY.
  const client = createClient({
    url: options.url,
    authToken: options.authToken,
    ...(isFile ? { timeout: 5000 } : {}),
  })
  if (isFile) {
    // WAL lets readers work while the outbox worker writes; the busy timeout lets several hub
    // processes share one file; synchronous=FULL so a 201 is never acknowledged before fsync.
    await client.execute('PRAGMA journal_mode = WAL')
    await client.execute('PRAGMA synchronous = FULL')
    await client.execute('PRAGMA busy_timeout = 5000')
  }
  await client.execute('PRAGMA foreign_keys = ON')
  const db = drizzle(client, { schema })
  return { db, client, close: () => client.close() }
}

export async function migrateDatabase(db: Database): Promise<void> {
  await migrate(db, { migrationsFolder: migrationsFolder() })
}
