import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Client, createClient } from '@libsql/client'
import { sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type DatabaseHandle, openDatabase } from './client'
import { insertRows } from './table-rows'

const parents = sqliteTable('parents', { id: text('id').primaryKey() })
const children = sqliteTable('children', {
  id: text('id').primaryKey(),
  parentId: text('parent_id').notNull(),
})

describe('the write gate', () => {
  let dir: string
  let url: string
  let handle: DatabaseHandle
  let client: Client
  const ids = async (table: 'parents' | 'children') =>
    (await client.execute(`SELECT id FROM ${table} ORDER BY id`)).rows.map((r) => r.id)

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sp-write-gate-'))
    url = `file:${join(dir, 'db.sqlite')}`
    handle = await openDatabase({ url })
    client = createClient({ url })
    await client.execute('CREATE TABLE parents (id TEXT PRIMARY KEY)')
    await client.execute(
      'CREATE TABLE children (id TEXT PRIMARY KEY, parent_id TEXT NOT NULL REFERENCES parents(id))',
    )
  })
  afterEach(async () => {
    client.close()
    await handle.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const family = (id: string) => [
    { table: parents, rows: [{ id }] },
    { table: children, rows: [{ id: `${id}-c`, parentId: id }] },
  ]
  const planned = (id: string) =>
    handle.writeRows(() => ({ inserts: family(id), result: `planned ${id}` }))

  it('writes the planned units of a batch together and answers each with its result', async () => {
    const results = await Promise.all(['a', 'b', 'c'].map(planned))
    expect(results).toEqual(['planned a', 'planned b', 'planned c'])
    expect(await ids('parents')).toEqual(['a', 'b', 'c'])
    expect(await ids('children')).toEqual(['a-c', 'b-c', 'c-c'])
  })

  it('inserts each unit alone when the shared insert fails: only the bad unit fails', async () => {
    await planned('taken')
    const [a, clash, b] = await Promise.allSettled([planned('a'), planned('taken'), planned('b')])
    expect(a).toEqual({ status: 'fulfilled', value: 'planned a' })
    expect(clash.status).toBe('rejected')
    expect(b).toEqual({ status: 'fulfilled', value: 'planned b' })
    expect(await ids('parents')).toEqual(['a', 'b', 'taken'])
    // Nothing half-written: every parent has its child, the failed unit left no row.
    expect(await ids('children')).toEqual(['a-c', 'b-c', 'taken-c'])
  })

  it('runs planned and plain units in one batch; a failing unit rolls back only itself', async () => {
    const [plain, broken, bad, good] = await Promise.allSettled([
      handle.write(async (tx) => {
        await insertRows(tx, [{ table: parents, rows: [{ id: 'plain' }] }])
        return 'plain'
      }),
      handle.write(async (tx) => {
        await insertRows(tx, [{ table: parents, rows: [{ id: 'half' }] }])
        throw new Error('fails after a write')
      }),
      handle.writeRows(() => {
        throw new Error('cannot plan')
      }),
      planned('good'),
    ])
    expect(plain).toEqual({ status: 'fulfilled', value: 'plain' })
    expect(broken.status).toBe('rejected')
    expect(bad.status).toBe('rejected')
    expect(good).toEqual({ status: 'fulfilled', value: 'planned good' })
    expect(await ids('parents')).toEqual(['good', 'plain'])
  })

  it('runs a batch-scoped read once for all the planners of a batch', async () => {
    let reads = 0
    const read = {
      // A lazy query builder: runs each time it is awaited.
      // biome-ignore lint/suspicious/noThenProperty: imitates drizzle's thenable builders.
      then(resolve: (v: number) => void) {
        reads++
        resolve(reads)
      },
    }
    const seen = await Promise.all(
      [1, 2, 3].map(() =>
        handle.writeRows(async (_read, batch) => ({
          inserts: [],
          result: await batch.once('n', () => read as unknown as Promise<number>),
        })),
      ),
    )
    expect(seen).toEqual([1, 1, 1])
    expect(reads).toBe(1)
  })

  it('takes hundreds of concurrent writes of one process without ever meeting SQLite’s lock', async () => {
    const writes = Array.from({ length: 300 }, (_, i) =>
      i % 2 ? planned(`p${i}`) : handle.write((tx) => insertRows(tx, family(`w${i}`))),
    )
    await Promise.all(writes)
    expect(await ids('parents')).toHaveLength(300)
  })

  it('shares the file with another process’s gate through the busy timeout', async () => {
    const other = await openDatabase({ url })
    try {
      await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          (i % 2 ? handle : other).write((tx) => insertRows(tx, family(`x${i}`))),
        ),
      )
    } finally {
      await other.close()
    }
    expect(await ids('children')).toHaveLength(100)
  })

  it('answers only once the batch is durable, and closing waits for what is queued', async () => {
    let answered = false
    const pending = planned('late').then(() => {
      answered = true
    })
    expect(answered).toBe(false)
    await handle.close()
    await pending
    expect(answered).toBe(true)
    expect(await ids('parents')).toEqual(['late'])
    handle = await openDatabase({ url })
  })
})
