/**
 * Where the engine's writes go. The local libSQL driver runs statements synchronously, so a
 * write that meets SQLite's lock held by another connection of the same process (intake's
 * group commit) would wait for it inside the busy handler — blocking the very event loop that
 * must finish the other transaction. The hub hands its write serialiser to the engine
 * (`attachWriter`), and every engine write then queues behind the intake's batches instead.
 */
export interface WriteSerializer {
  exclusive<T>(fn: () => Promise<T>): Promise<T>
}

/** Until a serialiser is attached (tests, the CLI), writes run directly. */
export class EngineWriter implements WriteSerializer {
  #target: WriteSerializer | null = null

  attach(target: WriteSerializer): void {
    this.#target = target
  }

  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return this.#target ? this.#target.exclusive(fn) : fn()
  }
}
