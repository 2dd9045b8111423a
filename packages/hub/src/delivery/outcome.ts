/**
 * What an HTTP answer means for a message: 2xx delivered; 410 the endpoint is gone (disable
 * it); 429/502/503/504 retry, honouring `Retry-After`; everything else — 3xx included, since
 * redirects are never followed — a failure retried on the schedule.
 */
import type { PostResult } from './http-client'
import { parseRetryAfter, RETRY_AFTER_STATUSES } from './schedule'

export type Outcome =
  | { kind: 'delivered' }
  | { kind: 'gone'; error: string }
  | { kind: 'failed'; error: string; retryAfterMs: number | null }

export function classifyResponse(result: PostResult, now: number): Outcome {
  const { status } = result
  if (status >= 200 && status < 300) return { kind: 'delivered' }
  if (status === 410) return { kind: 'gone', error: 'The endpoint answered 410 Gone' }
  const retryAfterMs = RETRY_AFTER_STATUSES.has(status)
    ? parseRetryAfter(result.headers['retry-after'], now)
    : null
  const error =
    status >= 300 && status < 400
      ? `The endpoint answered ${status} (redirects are not followed)`
      : `The endpoint answered ${status}`
  return { kind: 'failed', error, retryAfterMs }
}

export function classifyError(error: unknown): Outcome {
  const message = error instanceof Error ? error.message : String(error)
  const name = error instanceof Error ? error.name : 'Error'
  const text =
    name === 'TimeoutError' || name === 'AbortError' || /timeout/i.test(message)
      ? `Timed out: ${message}`
      : `${name}: ${message}`
  return { kind: 'failed', error: text.slice(0, 500), retryAfterMs: null }
}
