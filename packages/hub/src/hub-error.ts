/**
 * The one error type handlers and domain functions throw: a stable code from `errorCodes`
 * (status and default message come with it), optional details, optional headers such as
 * `Retry-After`. `onError` (`http/render-error.ts`) renders it as `ErrorBody`.
 */
import { type ErrorCode, type ErrorDetail, errorCodes } from '@safe-place/schemas'

export class HubError extends Error {
  override readonly name = 'HubError'
  readonly code: ErrorCode
  readonly status: number
  readonly details: ErrorDetail[] | undefined
  readonly headers: Record<string, string>

  constructor(
    code: ErrorCode,
    message?: string,
    options: { details?: ErrorDetail[]; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message ?? errorCodes[code].message, { cause: options.cause })
    this.code = code
    this.status = errorCodes[code].status
    this.details = options.details
    this.headers = options.headers ?? {}
  }
}
