import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Client, createClient } from '@libsql/client'
import { sql } from 'drizzle-orm'
import { blob, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type DatabaseHandle, openDatabase } from './client'
import { insertRows } from './table-rows'

const things = sqliteTable('things', {
  id: text('id').primaryKey(),
  label: text('label'),
  data: text('data', { mode: 'json' }).$type<{ a: number[] }>(),
  flag: integer('flag', { mode: 'boolean' }).notNull().default(true),
  count: integer('count').notNull().default(7),
  token: text('token').$defaultFn(() => 'made'),
  at: integer('at', { mode: 'timestamp_ms' }),
  bytes: blob('bytes', { mode: 'buffer' }),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(1234 * 1000)`),
})

describe('insertRows', () => {
  let dir: string
  let handle: DatabaseHandle
  let client: Client

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sp-table-rows-'))
    const url = `file:${join(dir, 'db.sqlite')}`
    handle = await openDatabase({ url })
    client = createClient({ url })
    await client.execute(`CREATE TABLE things (id TEXT PRIMARY KEY, label TEXT, data TEXT,
      flag INTEGER NOT NULL, count INTEGER NOT NULL, token TEXT, at INTEGER, bytes BLOB,
      created_at INTEGER NOT NULL)`)
  })
  afterEach(async () => {
    client.close()
    await handle.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const rows = (prefix: string) => [
    {
      id: `${prefix}1`,
      label: 'it\'s "quoted"',
      data: { a: [1, 2] },
      flag: false,
      count: 3,
      token: 'given',
      at: new Date(1_700_000_000_123),
      bytes: Buffer.from([0, 1, 2]),
      createdAt: new Date(5),
    },
    { id: `${prefix}2`, label: null },
  ]

  it('writes exactly what drizzle writes, defaults included, through the libSQL handle', async () => {
    await handle.write(async (tx) => {
      await insertRows(tx, [{ table: things, rows: rows('fast') }])
      await tx.insert(things).values(rows('drizzle'))
    })
    const all = await handle.db.select().from(things).orderBy(things.id)
    const fast = all.filter((r) => r.id.startsWith('fast')).map(({ id, ...r }) => r)
    const reference = all.filter((r) => r.id.startsWith('drizzle')).map(({ id, ...r }) => r)
    expect(fast).toEqual(reference)
    expect(fast[1]).toMatchObject({ flag: true, count: 7, token: 'made', data: null })
    expect(fast[1]?.createdAt.getTime()).toBe(1_234_000)
  })

  it('splits large inserts under the parameter limit and keeps every row', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({ id: `r${i}`, label: String(i) }))
    await handle.write((tx) => insertRows(tx, [{ table: things, rows: many }]))
    const [row] = (await client.execute('SELECT count(*) AS n FROM things')).rows
    expect(Number(row?.n)).toBe(3000)
  })
})
