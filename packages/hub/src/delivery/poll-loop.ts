/**
 * The engines' one loop: run a step, then either run the next at once (there is more to do) or
 * sleep until the poll interval passes or someone calls `wake()` (an intake queued messages, an
 * attempt finished and freed a slot). A wake-up during a step is not lost: the next sleep ends
 * at once.
 */
export type StepResult = 'again' | 'sleep'

export class PollLoop {
  readonly #step: () => Promise<StepResult>
  readonly #intervalMs: number
  readonly #onError: (error: unknown) => void
  #running = false
  #loop: Promise<void> | null = null
  #woken = false
  #wakeUp: (() => void) | null = null

  constructor(
    step: () => Promise<StepResult>,
    intervalMs: number,
    onError: (error: unknown) => void,
  ) {
    this.#step = step
    this.#intervalMs = intervalMs
    this.#onError = onError
  }

  start(): void {
    if (this.#running) return
    this.#running = true
    this.#loop = this.#run()
  }

  wake(): void {
    this.#woken = true
    this.#wakeUp?.()
  }

  /** Resolves once the step in progress, if any, has finished; no step starts after. */
  async stop(): Promise<void> {
    this.#running = false
    this.wake()
    await this.#loop
  }

  async #run(): Promise<void> {
    while (this.#running) {
      let next: StepResult = 'sleep'
      try {
        next = await this.#step()
      } catch (error) {
        this.#onError(error)
      }
      if (this.#running && next === 'sleep') await this.#sleep()
    }
  }

  #sleep(): Promise<void> {
    if (this.#woken) {
      this.#woken = false
      return Promise.resolve()
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        this.#wakeUp = null
        this.#woken = false
        resolve()
      }
      const timer = setTimeout(done, this.#intervalMs)
      timer.unref?.()
      this.#wakeUp = done
    })
  }
}
