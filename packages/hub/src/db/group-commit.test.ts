import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type DatabaseHandle, openDatabase } from './client'
import { GroupCommit } from './group-commit'
import { insertRows } from './table-rows'

const parents = sqliteTable('parents', { id: text('id').primaryKey() })
const children = sqliteTable('children', {
  id: text('id').primaryKey(),
  parentId: text('parent_id').notNull(),
})

describe('GroupCommit', () => {
  let dir: string
  let handle: DatabaseHandle
  const ids = async (table: 'parents' | 'children') =>
    (await handle.client.execute(`SELECT id FROM ${table} ORDER BY id`)).rows.map((r) => r.id)

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sp-group-commit-'))
    handle = await openDatabase({ url: `file:${join(dir, 'db.sqlite')}` })
    await handle.client.execute('CREATE TABLE parents (id TEXT PRIMARY KEY)')
    await handle.client.execute(
      'CREATE TABLE children (id TEXT PRIMARY KEY, parent_id TEXT NOT NULL REFERENCES parents(id))',
    )
  })
  afterEach(() => {
    handle.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const planned = (writes: GroupCommit, id: string, fallbackId = id) =>
    writes.runPlanned(
      async () => ({
        inserts: [
          { table: parents, rows: [{ id }] },
          { table: children, rows: [{ id: `${id}-c`, parentId: id }] },
        ],
        result: `planned ${id}`,
      }),
      async (tx) => {
        await insertRows(tx, [
          { table: parents, rows: [{ id: fallbackId }] },
          { table: children, rows: [{ id: `${fallbackId}-c`, parentId: fallbackId }] },
        ])
        return `alone ${fallbackId}`
      },
    )

  it('writes the planned units of a batch together and answers each with its result', async () => {
    const writes = new GroupCommit(handle.db)
    const results = await Promise.all(['a', 'b', 'c'].map((id) => planned(writes, id)))
    expect(results).toEqual(['planned a', 'planned b', 'planned c'])
    expect(await ids('parents')).toEqual(['a', 'b', 'c'])
    expect(await ids('children')).toEqual(['a-c', 'b-c', 'c-c'])
  })

  it('falls back to each unit alone when the shared insert fails: only the bad unit fails', async () => {
    const writes = new GroupCommit(handle.db)
    await planned(writes, 'taken')
    const [a, clash, retried, b] = await Promise.allSettled([
      planned(writes, 'a'),
      // Plans a taken id and falls back to the same: fails alone.
      planned(writes, 'taken'),
      // Plans a taken id, falls back to a fresh one (like a reference drawn again).
      planned(writes, 'taken', 'fresh'),
      planned(writes, 'b'),
    ])
    expect(a).toEqual({ status: 'fulfilled', value: 'alone a' })
    expect(clash.status).toBe('rejected')
    expect(retried).toEqual({ status: 'fulfilled', value: 'alone fresh' })
    expect(b).toEqual({ status: 'fulfilled', value: 'alone b' })
    expect(await ids('parents')).toEqual(['a', 'b', 'fresh', 'taken'])
    // Nothing half-written: every parent has its child, the failed unit left no row.
    expect(await ids('children')).toEqual(['a-c', 'b-c', 'fresh-c', 'taken-c'])
  })

  it('runs planned and plain units in one transaction, and a failing plan fails alone', async () => {
    const writes = new GroupCommit(handle.db)
    const [plain, bad, good] = await Promise.allSettled([
      writes.run(async (tx) => {
        await insertRows(tx, [{ table: parents, rows: [{ id: 'plain' }] }])
        return 'plain'
      }),
      writes.runPlanned(
        async () => {
          throw new Error('cannot plan')
        },
        async () => 'never',
      ),
      planned(writes, 'good'),
    ])
    expect(plain).toEqual({ status: 'fulfilled', value: 'plain' })
    expect(bad.status).toBe('rejected')
    expect(good).toEqual({ status: 'fulfilled', value: 'planned good' })
    expect(await ids('parents')).toEqual(['good', 'plain'])
  })

  it('runs a batch-scoped read once for all the units of a batch', async () => {
    const writes = new GroupCommit(handle.db)
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
        writes.runPlanned(
          async (_tx, batch) => ({
            inserts: [],
            result: await batch.once('n', () => read as unknown as Promise<number>),
          }),
          async () => 0,
        ),
      ),
    )
    expect(seen).toEqual([1, 1, 1])
    expect(reads).toBe(1)
  })
})
