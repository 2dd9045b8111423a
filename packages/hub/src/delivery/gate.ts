/**
 * Per-receiver pacing inside one process: at most `concurrency` requests in flight to an
 * endpoint and no more than `ratePerSecond` started per second, so one busy receiver neither
 * drowns nor holds up the others.
 */
export class ReceiverGate {
  #inFlight = 0
  #nextStart = 0
  readonly #waiting: (() => void)[] = []

  constructor(
    public concurrency: number,
    public ratePerSecond: number,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    // A finishing task hands its slot straight to the next waiter.
    if (this.#inFlight >= this.concurrency) {
      await new Promise<void>((resolve) => this.#waiting.push(resolve))
    } else this.#inFlight++
    try {
      const now = performance.now()
      const start = Math.max(now, this.#nextStart)
      this.#nextStart = start + 1000 / this.ratePerSecond
      // Timers cannot wait less than a millisecond: below that, go now.
      if (start - now >= 1) await new Promise((r) => setTimeout(r, start - now))
      return await task()
    } finally {
      const next = this.#waiting.shift()
      if (next) next()
      else this.#inFlight--
    }
  }
}
