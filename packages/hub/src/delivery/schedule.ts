/**
 * When to try again: the Standard Webhooks / Svix schedule (immediately, 5 s, 5 min, 30 min,
 * 2 h, 5 h, 10 h, 10 h) with ±20 % jitter so a recovering endpoint is not hit by a wall of
 * retries at once. `Retry-After` (429, 502, 503, 504) replaces the scheduled delay.
 */
const S = 1000
const M = 60 * S
const H = 60 * M

/** Delay before attempt n+1 (index n); index 0 is the first attempt, immediate. */
export const DEFAULT_RETRY_SCHEDULE_MS: readonly number[] = [
  0,
  5 * S,
  5 * M,
  30 * M,
  2 * H,
  5 * H,
  10 * H,
  10 * H,
]

export const DEFAULT_JITTER = 0.2

/** The longest `Retry-After` honoured; a larger one falls back to this. */
const MAX_RETRY_AFTER_MS = 24 * H

export interface RetryPolicy {
  scheduleMs: readonly number[]
  jitter: number
  random?: (() => number) | undefined
}

/**
 * After `attempts` attempts have failed, the delay before the next one, or null when the
 * schedule is exhausted (the message is dead).
 */
export function nextRetryDelay(attempts: number, policy: RetryPolicy): number | null {
  const base = policy.scheduleMs[attempts]
  if (base === undefined) return null
  const random = policy.random ?? Math.random
  const factor = 1 + (random() * 2 - 1) * policy.jitter
  return Math.max(0, Math.round(base * factor))
}

/** `Retry-After` as seconds or an HTTP date, in ms from `now`; null when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, now: number): number | null {
  const raw = Array.isArray(value) ? value[0] : value
  if (!raw) return null
  const trimmed = raw.trim()
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, MAX_RETRY_AFTER_MS)
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return null
  return Math.min(Math.max(0, date - now), MAX_RETRY_AFTER_MS)
}

export const RETRY_AFTER_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504])
