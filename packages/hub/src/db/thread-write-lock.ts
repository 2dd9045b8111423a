/**
 * One write lock for the threads of a process that share a libSQL file. SQLite would serialise
 * them anyway, but its busy handler waits by sleeping inside the synchronous driver: on the main
 * thread that freezes the event loop for milliseconds at a time. Here the main thread waits with
 * `Atomics.waitAsync` (the loop keeps running) and the writer thread with `Atomics.wait`, so two
 * writers of one process never meet on SQLite's lock. Other processes still do, through the
 * busy timeout.
 *
 * The word holds who has the lock: 0 nobody, 1 the main thread, 2 the writer thread.
 */
export const LOCK_FREE = 0
export const LOCK_MAIN = 1
export const LOCK_WRITER_THREAD = 2

export class ThreadWriteLock {
  readonly buffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)
  readonly #word = new Int32Array(this.buffer)

  /** Resolves once the main thread holds the lock; never blocks the event loop. */
  async acquire(): Promise<void> {
    for (;;) {
      const seen = Atomics.compareExchange(this.#word, 0, LOCK_FREE, LOCK_MAIN)
      if (seen === LOCK_FREE) return
      // The timeout only bounds a missed wake-up; `release` notifies.
      const wait = Atomics.waitAsync(this.#word, 0, seen, 100)
      if (wait.async) await wait.value
    }
  }

  release(): void {
    Atomics.compareExchange(this.#word, 0, LOCK_MAIN, LOCK_FREE)
    Atomics.notify(this.#word, 0)
  }

  /** A writer thread that died holding the lock must not leave the main thread waiting. */
  releaseForDeadThread(): void {
    Atomics.compareExchange(this.#word, 0, LOCK_WRITER_THREAD, LOCK_FREE)
    Atomics.notify(this.#word, 0)
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    await this.acquire()
    try {
      return await fn()
    } finally {
      this.release()
    }
  }
}
