/**
 * When to retry and how long to wait: exponential backoff with full jitter, or the hub's
 * `Retry-After` (seconds or an HTTP date), always capped. Only network errors, timeouts,
 * 5xx and 429 are retried; every other answer is final.
 */

export interface RetryPolicy {
  /** Retries after the first attempt (0 disables retries). */
  retries: number
  /** First backoff ceiling, doubled each attempt. */
  baseDelayMs: number
  /** Largest wait between two attempts, `Retry-After` included. */
  maxDelayMs: number
  /** `Math.random` unless a test pins it. */
  random: () => number
}

export const defaultRetryPolicy: RetryPolicy = {
  retries: 2,
  baseDelayMs: 300,
  maxDelayMs: 10_000,
  random: Math.random,
}

/** Statuses worth another try: the hub or a proxy was overloaded or failing. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500
}

/** `Retry-After` in milliseconds (delta-seconds or HTTP date), or `undefined`. */
export function parseRetryAfter(
  value: string | null,
  now: number = Date.now(),
): number | undefined {
  if (!value) return undefined
  const trimmed = value.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000)
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - now)
}

/** Full jitter: a uniform wait in [0, min(max, base · 2^attempt)], or `Retry-After` capped. */
export function retryDelay(
  attempt: number,
  policy: RetryPolicy,
  retryAfterMs: number | undefined,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxDelayMs)
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt)
  return Math.floor(policy.random() * ceiling)
}

/** Waits `ms`, or rejects as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
