/**
 * Records attempts many at a time: each record waits for the next write turn, and the unit that
 * runs then takes every record that arrived meanwhile — one savepoint and a few statements for
 * all of them (`recordAttempts`), committed with the rest of the gate's batch. Under load the
 * batches grow by themselves; an idle engine records each attempt at once. Delivery has
 * already happened: only its record waits.
 */
import type { DatabaseHandle } from '../db/client'
import { type AttemptRecord, type FailurePolicy, recordAttempts } from './transitions'

interface Pending {
  record: AttemptRecord
  done: () => void
  fail: (error: unknown) => void
}

export class AttemptRecorder {
  readonly #write: DatabaseHandle['write']
  readonly #policy: FailurePolicy
  #pending: Pending[] = []
  #scheduled = false

  constructor(write: DatabaseHandle['write'], policy: FailurePolicy) {
    this.#write = write
    this.#policy = policy
  }

  /** Resolves once the attempt and its message's new state are committed. */
  record(record: AttemptRecord): Promise<void> {
    return new Promise((done, fail) => {
      this.#pending.push({ record, done, fail })
      if (!this.#scheduled) {
        this.#scheduled = true
        void this.#flush()
      }
    })
  }

  async #flush(): Promise<void> {
    let taken: Pending[] = []
    try {
      await this.#write(async (tx) => {
        // From here on, new records wait for the next turn.
        this.#scheduled = false
        taken = this.#pending
        this.#pending = []
        await recordAttempts(
          tx,
          taken.map((p) => p.record),
          this.#policy,
        )
      })
      for (const p of taken) p.done()
    } catch (error) {
      if (this.#scheduled) {
        // Refused before the unit ran: fail what was waiting rather than leave it hanging.
        this.#scheduled = false
        taken = this.#pending
        this.#pending = []
      }
      for (const p of taken) p.fail(error)
    }
  }
}
