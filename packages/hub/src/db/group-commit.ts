/**
 * Group commit: write units from concurrent requests share one transaction, each in its own
 * savepoint, and all are answered once that transaction has committed (fsync'd). A report is
 * still never acknowledged before it is durable, and one failing unit rolls back only itself —
 * but a burst of reports costs one fsync per batch instead of one per report, which is what
 * lets intake keep up with a raid on a single SQLite file.
 *
 * Also serialises this process's writes, so pool connections never race for SQLite's lock.
 */
import type { Database } from './client'
import type { Transaction } from './transaction'

/** Shared by the units of one batch: reads every unit needs are done once per transaction. */
export interface BatchScope {
  once<T>(key: string, load: () => Promise<T>): Promise<T>
}

function newBatchScope(): BatchScope {
  const memo = new Map<string, Promise<unknown>>()
  return {
    once<T>(key: string, load: () => Promise<T>): Promise<T> {
      let value = memo.get(key)
      if (!value) {
        value = load()
        memo.set(key, value)
      }
      return value as Promise<T>
    },
  }
}

interface Job {
  /** Runs alone, outside any shared transaction (it opens its own, or none). */
  exclusive?: () => Promise<unknown>
  work: (tx: Transaction, batch: BatchScope) => Promise<unknown>
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown }

export class GroupCommit {
  readonly #db: Database
  readonly #maxBatch: number
  #queue: Job[] = []
  #running = false

  constructor(db: Database, maxBatch = 100) {
    this.#db = db
    this.#maxBatch = maxBatch
  }

  /** Runs `work` inside a shared transaction; resolves after the commit. */
  run<T>(work: (tx: Transaction, batch: BatchScope) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (v: unknown) => void, reject })
      if (!this.#running) void this.#drain()
    })
  }

  /** Runs `fn` alone, after the batches before it and before those after it. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({
        exclusive: fn,
        work: () => Promise.reject(new Error('exclusive job')),
        resolve: resolve as (v: unknown) => void,
        reject,
      })
      if (!this.#running) void this.#drain()
    })
  }

  /** The next batch: shared jobs up to the first exclusive one, or that exclusive job alone. */
  #nextBatch(): Job[] {
    if (this.#queue[0]?.exclusive) return this.#queue.splice(0, 1)
    const end = this.#queue.findIndex((job) => job.exclusive)
    return this.#queue.splice(0, Math.min(end === -1 ? this.#queue.length : end, this.#maxBatch))
  }

  async #drain(): Promise<void> {
    this.#running = true
    try {
      while (this.#queue.length > 0) {
        // The local libSQL driver runs statements synchronously: without this turn of the
        // event loop, requests that arrived meanwhile could never join the next batch.
        await new Promise((resolve) => setImmediate(resolve))
        const batch = this.#nextBatch()
        const only = batch[0]
        if (only?.exclusive) {
          await only.exclusive().then(only.resolve, only.reject)
          continue
        }
        const outcomes: Outcome[] = []
        try {
          await this.#db.transaction(async (tx) => {
            const scope = newBatchScope()
            for (const job of batch) {
              try {
                outcomes.push({
                  ok: true,
                  value: await tx.transaction((sp) => job.work(sp as Transaction, scope)),
                })
              } catch (error) {
                outcomes.push({ ok: false, error })
              }
            }
          })
        } catch (error) {
          for (const job of batch) job.reject(error)
          continue
        }
        batch.forEach((job, i) => {
          const outcome = outcomes[i]!
          if (outcome.ok) job.resolve(outcome.value)
          else job.reject(outcome.error)
        })
      }
    } finally {
      this.#running = false
    }
  }
}
