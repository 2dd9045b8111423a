/**
 * `SafePlaceError`: the one error every SDK call throws. Its `code` is stable (the hub's
 * `errorCodes`, or a client-side code for failures that never reached the hub), so callers
 * switch on it; `message` is for people.
 */
import type { ErrorCode, ErrorDetail } from '@safe-place/schemas'

/** Codes for failures that happen on the client side of the wire. */
export const clientErrorCodes = {
  /** The hub could not be reached (DNS, connection refused, reset, CORS refusal). */
  network_error: 'The hub could not be reached.',
  /** No answer within `timeoutMs`. */
  timeout: 'The hub did not answer in time.',
  /** The caller's `AbortSignal` fired. */
  aborted: 'The request was cancelled.',
  /** The hub answered something that is not what the API promises. */
  invalid_response: 'The hub answered something unexpected.',
} as const

export type ClientErrorCode = keyof typeof clientErrorCodes
export type SafePlaceErrorCode = ErrorCode | ClientErrorCode

export interface SafePlaceErrorInit {
  /** HTTP status when the hub answered; `undefined` for client-side failures. */
  status?: number | undefined
  details?: ErrorDetail[] | undefined
  requestId?: string | undefined
  headers?: Headers | undefined
  cause?: unknown
}

/**
 * A failed SDK call.
 *
 * @example
 * try {
 *   await client.submitReport(report)
 * } catch (error) {
 *   if (isSafePlaceError(error) && error.code === 'validation_failed') {
 *     for (const d of error.details) console.log(d.path, d.message)
 *   }
 * }
 */
export class SafePlaceError extends Error {
  override readonly name = 'SafePlaceError'
  readonly code: SafePlaceErrorCode
  readonly status: number | undefined
  readonly details: ErrorDetail[]
  readonly requestId: string | undefined
  readonly headers: Headers | undefined

  constructor(code: SafePlaceErrorCode, message: string, init: SafePlaceErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause })
    this.code = code
    this.status = init.status
    this.details = init.details ?? []
    this.requestId = init.requestId
    this.headers = init.headers
  }

  /**
   * Wraps anything thrown into a `SafePlaceError` (itself if it already is one).
   *
   * @example
   * const error = SafePlaceError.from(caught)
   */
  static from(error: unknown): SafePlaceError {
    if (isSafePlaceError(error)) return error
    const message = error instanceof Error ? error.message : String(error)
    return new SafePlaceError('network_error', message || clientErrorCodes.network_error, {
      cause: error,
    })
  }
}

/**
 * True for a `SafePlaceError`, also across bundles or realms (checks the shape, not the class).
 *
 * @example
 * if (isSafePlaceError(error) && error.code === 'rate_limited') retryLater()
 */
export function isSafePlaceError(error: unknown): error is SafePlaceError {
  return (
    error instanceof SafePlaceError ||
    (typeof error === 'object' &&
      error !== null &&
      (error as { name?: unknown }).name === 'SafePlaceError' &&
      typeof (error as { code?: unknown }).code === 'string')
  )
}
