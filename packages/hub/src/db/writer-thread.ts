/**
 * A worker thread with its own connection to the hub's libSQL file, for the delivery engine's
 * hot writes (lease claims, batched success records). The local driver runs SQLite on the
 * calling thread, fsync included; on the main thread every claim and every batch of outcomes
 * stopped the sending of webhooks while it ran. Here the main thread only posts the statements
 * and awaits the rows; SQLite works on the other core.
 *
 * Same file, same pragmas (WAL, `synchronous=FULL`, busy timeout), same transactions: a batch
 * of statements runs in one `BEGIN IMMEDIATE … COMMIT` and is answered after the commit, or
 * rolled back whole. Writes of this process's two threads take turns on `ThreadWriteLock`.
 * A thread that dies (it should not) fails the writes in flight and is started again on the
 * next write.
 */
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type { InValue } from '@libsql/client'
import { LOCK_FREE, LOCK_WRITER_THREAD, type ThreadWriteLock } from './thread-write-lock'

export interface WriteStatement {
  sql: string
  args: InValue[]
}

/** A row as the driver returns it: column name → value. */
export type Row = Record<string, unknown>

/** Runs statements in one write transaction; resolves with each statement's rows. */
export interface StatementWriter {
  write(statements: WriteStatement[]): Promise<Row[][]>
}

export class WriterThreadError extends Error {
  override readonly name = 'WriterThreadError'
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message)
  }
}

/** The thread's code: CommonJS, given the driver's resolved path (works from `src` and `dist`). */
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.path, { timeout: workerData.busyTimeoutMs })
db.exec('PRAGMA journal_mode = WAL')
db.exec('PRAGMA synchronous = FULL')
db.exec('PRAGMA busy_timeout = ' + Number(workerData.busyTimeoutMs))
db.exec('PRAGMA foreign_keys = ON')
const word = new Int32Array(workerData.lock)
const cache = new Map()
function prepared(sql) {
  let statement = cache.get(sql)
  if (!statement) {
    if (cache.size >= 64) cache.clear()
    statement = db.prepare(sql)
    cache.set(sql, statement)
  }
  return statement
}
function lock() {
  for (;;) {
    const seen = Atomics.compareExchange(word, 0, ${LOCK_FREE}, ${LOCK_WRITER_THREAD})
    if (seen === ${LOCK_FREE}) return
    Atomics.wait(word, 0, seen, 100)
  }
}
function unlock() {
  Atomics.compareExchange(word, 0, ${LOCK_WRITER_THREAD}, ${LOCK_FREE})
  Atomics.notify(word, 0)
}
parentPort.on('message', (message) => {
  if (message.close) {
    db.close()
    parentPort.close()
    return
  }
  lock()
  try {
    db.exec('BEGIN IMMEDIATE')
    try {
      const results = message.statements.map(({ sql, args }) => {
        const statement = prepared(sql)
        if (statement.reader) return statement.all(args)
        statement.run(args)
        return []
      })
      db.exec('COMMIT')
      parentPort.postMessage({ id: message.id, results })
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK')
      throw error
    }
  } catch (error) {
    parentPort.postMessage({
      id: message.id,
      error: { message: String((error && error.message) || error), code: error && error.code },
    })
  } finally {
    unlock()
  }
})
`

type Reply = { id: number; results?: Row[][]; error?: { message: string; code?: string } }

export interface WriterThreadOptions {
  /** The database file's path (not a URL). */
  path: string
  lock: ThreadWriteLock
  busyTimeoutMs?: number
}

export class WriterThread implements StatementWriter {
  readonly #o: WriterThreadOptions
  readonly #pending = new Map<
    number,
    { resolve: (rows: Row[][]) => void; reject: (e: Error) => void }
  >()
  #worker: Worker | null = null
  #nextId = 1
  #closed = false

  constructor(options: WriterThreadOptions) {
    this.#o = options
  }

  write(statements: WriteStatement[]): Promise<Row[][]> {
    if (this.#closed) return Promise.reject(new WriterThreadError('The writer thread is closed'))
    const worker = this.#worker ?? this.#spawn()
    const id = this.#nextId++
    // Keep the process alive only while a write is in flight.
    if (this.#pending.size === 0) worker.ref()
    const written = new Promise<Row[][]>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject })
    })
    worker.postMessage({ id, statements })
    return written
  }

  /** Waits for the writes in flight, then closes the thread's connection. */
  async close(): Promise<void> {
    this.#closed = true
    const worker = this.#worker
    if (!worker) return
    const exited = new Promise<void>((done) => worker.once('exit', () => done()))
    // Messages are handled in order: the writes already posted are answered first.
    worker.postMessage({ close: true })
    await exited
  }

  /** Crash-stop (tests): the transaction in progress, if any, is rolled back by SQLite. */
  async terminate(): Promise<void> {
    this.#closed = true
    await this.#worker?.terminate()
  }

  #spawn(): Worker {
    const driver = createRequire(import.meta.url).resolve('libsql')
    const worker = new Worker(SOURCE, {
      eval: true,
      workerData: {
        driver,
        path: this.#o.path,
        busyTimeoutMs: this.#o.busyTimeoutMs ?? 5000,
        lock: this.#o.lock.buffer,
      },
    })
    worker.unref()
    worker.on('message', (reply: Reply) => {
      const pending = this.#pending.get(reply.id)
      if (!pending) return
      this.#pending.delete(reply.id)
      if (this.#pending.size === 0) worker.unref()
      if (reply.error) pending.reject(new WriterThreadError(reply.error.message, reply.error.code))
      else pending.resolve(reply.results ?? [])
    })
    worker.on('error', (error) => this.#lost(worker, error))
    worker.on('exit', () => this.#lost(worker, new WriterThreadError('The writer thread exited')))
    this.#worker = worker
    return worker
  }

  #lost(worker: Worker, error: Error): void {
    if (this.#worker !== worker) return
    this.#worker = null
    this.#o.lock.releaseForDeadThread()
    const failure =
      error instanceof WriterThreadError ? error : new WriterThreadError(error.message)
    for (const { reject } of this.#pending.values()) reject(failure)
    this.#pending.clear()
  }
}

/**
 * The path of a local database file from its URL, or null when the URL is not one a second
 * connection can share (remote servers, in-memory databases, URLs with options).
 */
export function localDatabasePath(url: string): string | null {
  if (!url.startsWith('file:') || url.includes('?')) return null
  let path = url.slice('file:'.length)
  if (path.startsWith('//')) path = path.slice(2)
  path = decodeURIComponent(path)
  if (!path || path === ':memory:') return null
  return path
}
