/**
 * A fixed-window rate limiter in memory. Keys (a site key id, a hashed client address) live
 * only here and only for the current window: nothing about a client is ever written down.
 */
export interface RateDecision {
  allowed: boolean
  /** Seconds until the window resets, for `Retry-After`. */
  retryAfterSeconds: number
}

export class RateLimiter {
  readonly #windowMs: number
  readonly #counts = new Map<string, { windowStart: number; count: number }>()
  #lastSweep = 0

  constructor(windowMs = 60_000) {
    this.#windowMs = windowMs
  }

  hit(key: string, limit: number, nowMs: number = Date.now()): RateDecision {
    this.#sweep(nowMs)
    const windowStart = nowMs - (nowMs % this.#windowMs)
    let entry = this.#counts.get(key)
    if (!entry || entry.windowStart !== windowStart) {
      entry = { windowStart, count: 0 }
      this.#counts.set(key, entry)
    }
    entry.count += 1
    const retryAfterSeconds = Math.max(1, Math.ceil((windowStart + this.#windowMs - nowMs) / 1000))
    return { allowed: entry.count <= limit, retryAfterSeconds }
  }

  /** Forget windows that ended, so memory stays bounded during a raid. */
  #sweep(nowMs: number): void {
    if (nowMs - this.#lastSweep < this.#windowMs) return
    this.#lastSweep = nowMs
    const current = nowMs - (nowMs % this.#windowMs)
    for (const [key, entry] of this.#counts) {
      if (entry.windowStart !== current) this.#counts.delete(key)
    }
  }
}
