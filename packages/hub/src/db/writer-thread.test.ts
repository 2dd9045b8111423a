import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type DatabaseHandle, openDatabase } from './client'
import { ThreadWriteLock } from './thread-write-lock'
import { localDatabasePath, WriterThread, WriterThreadError } from './writer-thread'

let dir: string
let handle: DatabaseHandle
let thread: WriterThread
let lock: ThreadWriteLock

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hub-writer-thread-'))
  handle = await openDatabase({ url: `file:${join(dir, 'hub.db')}` })
  await handle.client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)')
  lock = new ThreadWriteLock()
  thread = new WriterThread({ path: join(dir, 'hub.db'), lock })
})

afterEach(async () => {
  await thread.close()
  handle.close()
  rmSync(dir, { recursive: true, force: true })
})

const values = async () =>
  (await handle.client.execute('SELECT v FROM t ORDER BY id')).rows.map((r) => r.v)

describe('WriterThread', () => {
  it('commits a batch that the main connection then reads, and returns RETURNING rows', async () => {
    const [inserted, updated] = await thread.write([
      { sql: 'INSERT INTO t (v) VALUES (?), (?)', args: ['a', 'b'] },
      { sql: 'UPDATE t SET v = v || ? WHERE v = ? RETURNING id, v', args: ['!', 'b'] },
    ])
    expect(inserted).toEqual([])
    expect(updated).toEqual([{ id: 2, v: 'b!' }])
    expect(await values()).toEqual(['a', 'b!'])
  })

  it('rolls a failing batch back whole and says why', async () => {
    await thread.write([{ sql: 'INSERT INTO t (v) VALUES (?)', args: ['a'] }])
    const failing = thread.write([
      { sql: 'INSERT INTO t (v) VALUES (?)', args: ['b'] },
      { sql: 'INSERT INTO t (v) VALUES (?)', args: ['a'] },
    ])
    await expect(failing).rejects.toBeInstanceOf(WriterThreadError)
    await expect(failing).rejects.toThrow(/UNIQUE/)
    expect(await values()).toEqual(['a'])
    // The thread is still usable.
    await thread.write([{ sql: 'INSERT INTO t (v) VALUES (?)', args: ['c'] }])
    expect(await values()).toEqual(['a', 'c'])
  })

  it('waits while the main thread holds the write lock, without blocking its event loop', async () => {
    await lock.acquire()
    let written = false
    const write = thread
      .write([{ sql: 'INSERT INTO t (v) VALUES (?)', args: ['late'] }])
      .then(() => {
        written = true
      })
    // The event loop keeps turning (timers fire) while the thread is held back.
    const ticks = await new Promise<number>((resolve) => {
      let n = 0
      const timer = setInterval(() => {
        if (++n === 5) {
          clearInterval(timer)
          resolve(n)
        }
      }, 10)
    })
    expect(ticks).toBe(5)
    expect(written).toBe(false)
    expect(await values()).toEqual([])
    lock.release()
    await write
    expect(await values()).toEqual(['late'])
  })

  it('gives the main thread its turn once the thread is done', async () => {
    const writes = Array.from({ length: 20 }, (_, i) =>
      thread.write([{ sql: 'INSERT INTO t (v) VALUES (?)', args: [`t${i}`] }]),
    )
    const main = lock.run(() => handle.client.execute("INSERT INTO t (v) VALUES ('main')"))
    await Promise.all([...writes, main])
    expect((await values()).sort()).toContain('main')
    expect(await values()).toHaveLength(21)
  })

  it('fails the writes in flight when terminated, and refuses new ones', async () => {
    await thread.write([{ sql: 'INSERT INTO t (v) VALUES (?)', args: ['a'] }])
    await thread.terminate()
    await expect(
      thread.write([{ sql: 'INSERT INTO t (v) VALUES (?)', args: ['b'] }]),
    ).rejects.toThrow(/closed/)
    // A dead thread never keeps the lock.
    await lock.run(async () => {})
  })
})

describe('localDatabasePath', () => {
  it('shares local files only', () => {
    expect(localDatabasePath('file:./data/hub.db')).toBe('./data/hub.db')
    expect(localDatabasePath('file:///var/lib/hub.db')).toBe('/var/lib/hub.db')
    expect(localDatabasePath('file:/tmp/my%20hub.db')).toBe('/tmp/my hub.db')
    expect(localDatabasePath('file::memory:')).toBeNull()
    expect(localDatabasePath('file:hub.db?mode=ro')).toBeNull()
    expect(localDatabasePath('libsql://db.example.turso.io')).toBeNull()
    expect(localDatabasePath('http://127.0.0.1:8080')).toBeNull()
  })
})
