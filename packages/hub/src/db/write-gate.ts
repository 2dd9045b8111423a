/**
 * The write gate: the one way the hub changes its database, and the one owner of this
 * process's write turn.
 *
 * Why a turn at all: the local libSQL driver runs SQLite on the calling thread. Two write
 * transactions of one process on two connections would meet on SQLite's lock, and the second
 * would wait in the busy handler — sleeping inside the synchronous driver, freezing the event
 * loop that must finish the first. So every write of the process queues here and runs in turn.
 *
 * Why batches: units that queue while a batch runs share the next transaction, each in a
 * savepoint of its own (its failure rolls back only itself), and are answered once that
 * transaction has committed — fsync'd (`synchronous=FULL`). A raid of reports and the delivery
 * engine's outcomes then cost one fsync per batch instead of one per write, and nothing is
 * acknowledged before it is durable.
 *
 * Two kinds of units:
 * - `write(unit)`: runs `unit(tx)` in its savepoint. Database work only: whatever a unit awaits
 *   holds every other writer of the process back (do a DNS check or an HTTP call before).
 * - `writeRows(planner)`: the planner reads what it needs and returns the rows it will insert;
 *   the rows of every planned unit of the batch go in together, a few multi-row INSERTs in one
 *   savepoint. If that fails (a unique key), each planned unit inserts the same rows alone, in
 *   its own savepoint, so each gets its own outcome. Same rows, same result, fewer statements.
 *
 * Other processes on the same file still meet on SQLite's lock, through the busy timeout.
 */

import { insertRows, type TableRows } from './table-rows'
import type { Database, ReadDb, WriteTx } from './types'

export type WriteUnit<T> = (tx: WriteTx) => Promise<T>

/** What a planned unit inserts, and what its caller gets once that is committed. */
export interface PlannedRows<T> {
  inserts: readonly TableRows[]
  result: T
}

/** Shared by the planners of one batch: reads they all need are done once per transaction. */
export interface BatchScope {
  once<T>(key: string, load: () => Promise<T>): Promise<T>
}

/** Reads (never writes) what the rows depend on, and returns them. */
export type RowsPlanner<T> = (
  read: ReadDb,
  batch: BatchScope,
) => PlannedRows<T> | Promise<PlannedRows<T>>

interface Job {
  unit?: WriteUnit<unknown>
  planner?: RowsPlanner<unknown>
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown }

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

export class WriteGate {
  readonly #db: Database
  readonly #maxBatch: number
  #queue: Job[] = []
  #draining: Promise<void> | null = null

  constructor(db: Database, options: { maxBatch?: number } = {}) {
    this.#db = db
    this.#maxBatch = options.maxBatch ?? 100
  }

  /** Runs `unit` in this process's write turn; resolves after its batch has committed. */
  write<T>(unit: WriteUnit<T>): Promise<T> {
    return this.#enqueue({ unit: unit as WriteUnit<unknown> })
  }

  /** Inserts the planned rows in this process's write turn; resolves after the commit. */
  writeRows<T>(planner: RowsPlanner<T>): Promise<T> {
    return this.#enqueue({ planner: planner as RowsPlanner<unknown> })
  }

  /** Resolves once every write queued so far has been committed or refused. */
  async settled(): Promise<void> {
    while (this.#draining) await this.#draining
  }

  #enqueue<T>(job: Omit<Job, 'resolve' | 'reject'>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ ...job, resolve: resolve as (value: unknown) => void, reject })
      this.#draining ??= this.#drain()
    })
  }

  async #drain(): Promise<void> {
    try {
      while (this.#queue.length > 0) {
        // The local driver runs statements synchronously: without this turn of the event loop,
        // requests that arrived meanwhile could never join the next batch.
        await new Promise((resolve) => setImmediate(resolve))
        await this.#runBatch(this.#queue.splice(0, this.#maxBatch))
      }
    } finally {
      this.#draining = null
    }
  }

  async #runBatch(batch: Job[]): Promise<void> {
    const outcomes: Outcome[] = []
    try {
      await this.#db.transaction(async (tx) => {
        const scope = newBatchScope()
        await this.#insertPlanned(tx, batch, scope, outcomes)
        for (const [i, job] of batch.entries()) {
          if (job.unit) outcomes[i] = await alone(tx, job.unit)
        }
      })
    } catch (error) {
      // The commit itself failed (disk full, another process holding the lock too long):
      // nothing of the batch exists.
      for (const job of batch) job.reject(error)
      return
    }
    batch.forEach((job, i) => {
      const outcome = outcomes[i] ?? { ok: false, error: new Error('write unit not run') }
      if (outcome.ok) job.resolve(outcome.value)
      else job.reject(outcome.error)
    })
  }

  /** Plans every planned unit, inserts all their rows at once, or each unit's alone. */
  async #insertPlanned(
    tx: WriteTx,
    batch: Job[],
    scope: BatchScope,
    outcomes: Outcome[],
  ): Promise<void> {
    const planned: { index: number; rows: PlannedRows<unknown> }[] = []
    for (const [index, job] of batch.entries()) {
      if (!job.planner) continue
      try {
        planned.push({ index, rows: await job.planner(tx, scope) })
      } catch (error) {
        outcomes[index] = { ok: false, error }
      }
    }
    if (planned.length === 0) return
    try {
      await tx.transaction((sp) =>
        insertRows(
          sp,
          planned.flatMap((p) => p.rows.inserts),
        ),
      )
      for (const p of planned) outcomes[p.index] = { ok: true, value: p.rows.result }
    } catch {
      // Rolled back to the savepoint: nothing of the shared insert remains. Each unit alone.
      for (const p of planned) {
        const { inserts, result } = p.rows
        outcomes[p.index] = await alone(tx, async (sp) => {
          await insertRows(sp, inserts)
          return result
        })
      }
    }
  }
}

/** One unit in its own savepoint: its failure rolls back only itself. */
async function alone(tx: WriteTx, unit: WriteUnit<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await tx.transaction((sp) => unit(sp)) }
  } catch (error) {
    return { ok: false, error }
  }
}
