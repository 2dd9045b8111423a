/**
 * The one way the panel's state changes. Subclasses declare their fields `readonly`, so the
 * compiler refuses any other write; `set` assigns them and asks the element for an update, so
 * every change re-renders (Lit batches them into one render) and nothing has to remember to.
 */
export interface Updatable {
  requestUpdate(): void
}

export abstract class Reactive<S extends object> {
  readonly #host: Updatable

  constructor(host: Updatable) {
    this.#host = host
  }

  protected set(patch: Partial<S>): void {
    Object.assign(this, patch)
    this.#host.requestUpdate()
  }
}
