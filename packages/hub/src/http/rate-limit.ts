/** Applies a limiter and turns a refusal into `429 rate_limited` with `Retry-After`. */

import { HubError } from '../hub-error'
import type { RateLimiter } from './rate-limiter'

export function enforceRate(limiter: RateLimiter, key: string, limit: number, nowMs: number): void {
  const decision = limiter.hit(key, limit, nowMs)
  if (!decision.allowed) {
    throw new HubError('rate_limited', undefined, {
      headers: { 'retry-after': String(decision.retryAfterSeconds) },
    })
  }
}
