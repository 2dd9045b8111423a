/**
 * Group commit: write units from concurrent requests share one transaction, and all are
 * answered once that transaction has committed (fsync'd). A report is still never acknowledged
 * before it is durable, and one failing unit rolls back only itself — but a burst of reports
 * costs one fsync per batch instead of one per report, which is what lets intake keep up with a
 * raid on a single SQLite file.
 *
 * Two kinds of units. A `run` unit executes its own statements in its own savepoint. A
 * `runPlanned` unit first *plans* (reads allowed, no writes) and returns the rows it wants
 * inserted: the planned rows of the whole batch go in with a few multi-row `INSERT`s under one
 * savepoint. If that fails (a unique reference drawn twice, an idempotency key raced), the
 * savepoint is rolled back and every planned unit runs its fallback alone in its own savepoint,
 * exactly like a `run` unit — so the outcome per unit is the same, only the statement count
 * differs.
 *
 * Also serialises this process's writes, so pool connections never race for SQLite's lock, and
 * takes turns with the delivery engine's writer thread on `threadLock`.
 */
import type { Database } from './client'
import { insertRows, type TableRows } from './table-rows'
import { ThreadWriteLock } from './thread-write-lock'
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
        // `Promise.resolve` runs a lazy query builder (a thenable) once, not once per caller.
        value = Promise.resolve(load())
        memo.set(key, value)
      }
      return value as Promise<T>
    },
  }
}

/** What a planned unit will insert, and what its caller gets once that is committed. */
export interface PlannedWrite<T> {
  inserts: readonly TableRows[]
  result: T
}

interface Job {
  /** Runs alone, outside any shared transaction (it opens its own, or none). */
  exclusive?: () => Promise<unknown>
  /** Reads only; its rows join the batch's multi-row inserts. `work` is then the fallback. */
  plan?: (tx: Transaction, batch: BatchScope) => Promise<PlannedWrite<unknown>>
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
  /** Shared with the writer thread of this process's delivery engine, if it has one. */
  readonly threadLock = new ThreadWriteLock()

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

  /**
   * Plans inside the shared transaction (reads only), then inserts the planned rows together
   * with the batch's other planned units; `fallback` does the same unit alone, in its own
   * savepoint, if the shared insert fails. Resolves after the commit.
   */
  runPlanned<T>(
    plan: (tx: Transaction, batch: BatchScope) => Promise<PlannedWrite<T>>,
    fallback: (tx: Transaction, batch: BatchScope) => Promise<T>,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({
        plan,
        work: fallback,
        resolve: resolve as (v: unknown) => void,
        reject,
      })
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
        await this.threadLock.run(() => this.#runBatch(batch))
      }
    } finally {
      this.#running = false
    }
  }

  async #runBatch(batch: Job[]): Promise<void> {
    const only = batch[0]
    if (only?.exclusive) {
      await only.exclusive().then(only.resolve, only.reject)
      return
    }
    const outcomes: Outcome[] = []
    try {
      await this.#db.transaction(async (tx) => {
        const scope = newBatchScope()
        await this.#runPlanned(tx as Transaction, batch, scope, outcomes)
        for (const [i, job] of batch.entries()) {
          if (job.plan) continue
          outcomes[i] = await this.#alone(tx as Transaction, job, scope)
        }
      })
    } catch (error) {
      for (const job of batch) job.reject(error)
      return
    }
    batch.forEach((job, i) => {
      const outcome = outcomes[i] ?? { ok: false, error: new Error('unit not run') }
      if (outcome.ok) job.resolve(outcome.value)
      else job.reject(outcome.error)
    })
  }

  /** One unit in its own savepoint: its failure rolls back only itself. */
  async #alone(tx: Transaction, job: Job, scope: BatchScope): Promise<Outcome> {
    try {
      return { ok: true, value: await tx.transaction((sp) => job.work(sp as Transaction, scope)) }
    } catch (error) {
      return { ok: false, error }
    }
  }

  /** The planned units of a batch: plan each, insert all rows at once, or fall back one by one. */
  async #runPlanned(
    tx: Transaction,
    batch: Job[],
    scope: BatchScope,
    outcomes: Outcome[],
  ): Promise<void> {
    const planned: { index: number; write: PlannedWrite<unknown> }[] = []
    for (const [index, job] of batch.entries()) {
      if (!job.plan) continue
      try {
        planned.push({ index, write: await job.plan(tx, scope) })
      } catch (error) {
        outcomes[index] = { ok: false, error }
      }
    }
    if (planned.length === 0) return
    try {
      await tx.transaction((sp) =>
        insertRows(
          sp,
          planned.flatMap((p) => p.write.inserts),
        ),
      )
      for (const p of planned) outcomes[p.index] = { ok: true, value: p.write.result }
    } catch {
      // Rolled back to the savepoint: nothing of the shared insert remains. Each unit alone.
      for (const p of planned) outcomes[p.index] = await this.#alone(tx, batch[p.index]!, scope)
    }
  }
}
