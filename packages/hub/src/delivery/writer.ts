/**
 * Where the engine's writes go. The local libSQL driver runs statements synchronously, so a
 * write that meets SQLite's lock held by another connection of the same process (intake's
 * group commit) would wait for it inside the busy handler — blocking the very event loop that
 * must finish the other transaction. The hub hands its write serialiser to the engine
 * (`attachWriter`): the engine's main-thread writes then queue behind the intake's batches, and
 * its writer thread takes turns with them on the serialiser's `threadLock`.
 */
import type { Database } from '../db/client'
import { ThreadWriteLock } from '../db/thread-write-lock'
import type { Row, StatementWriter, WriteStatement } from '../db/writer-thread'

export interface WriteSerializer {
  exclusive<T>(fn: () => Promise<T>): Promise<T>
  /** The lock this serialiser holds while it writes, for a writer thread to share. */
  readonly threadLock?: ThreadWriteLock | undefined
}

/** Until a serialiser is attached (tests, the CLI), writes run directly, under a lock of its own. */
export class EngineWriter implements WriteSerializer {
  #target: WriteSerializer | null = null
  #lockTaken = false
  readonly #ownLock = new ThreadWriteLock()

  attach(target: WriteSerializer): void {
    if (this.#lockTaken && target.threadLock)
      throw new Error('Attach the write serialiser before the delivery engine starts writing')
    this.#target = target
  }

  get threadLock(): ThreadWriteLock {
    this.#lockTaken = true
    return this.#target?.threadLock ?? this.#ownLock
  }

  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#target) return this.#target.exclusive(fn)
    return this.#ownLock.run(fn)
  }
}

/** Statements on the main connection, one batch per transaction, in the serialiser's turn. */
export function mainConnectionWriter(db: Database, writer: WriteSerializer): StatementWriter {
  return {
    async write(statements: WriteStatement[]): Promise<Row[][]> {
      const results = await writer.exclusive(() => db.$client.batch(statements, 'write'))
      return results.map((result) => result.rows as unknown as Row[])
    },
  }
}
