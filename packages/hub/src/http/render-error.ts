/**
 * The single place errors become HTTP answers: `HubError`s keep their code; Hono's own
 * `HTTPException`s (e.g. a body limit) are mapped; a client that hung up mid-body gets a 400
 * nobody reads; anything else is logged and answered as an opaque 500 — its message may hold
 * data and is never sent.
 */
import type { ErrorBody, ErrorCode, ErrorDetail } from '@safe-place/schemas'
import { errorCodeForStatus, errorCodes } from '@safe-place/schemas'
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { HubError } from '../hub-error'
import type { HubEnv } from './env'

export function errorResponse(
  c: Context<HubEnv>,
  code: ErrorCode,
  message?: string,
  details?: ErrorDetail[],
  headers: Record<string, string> = {},
): Response {
  const body: ErrorBody = {
    error: {
      code,
      message: message ?? errorCodes[code].message,
      ...(details?.length ? { details } : {}),
      ...(c.get('requestId') ? { requestId: c.get('requestId') } : {}),
    },
  }
  for (const [name, value] of Object.entries(headers)) c.header(name, value)
  return c.json(body, errorCodes[code].status as ContentfulStatusCode)
}

function fromHttpException(err: HTTPException): ErrorCode {
  if (err.status === 400 && /json/i.test(err.message)) return 'malformed_json'
  return (
    errorCodeForStatus(err.status) ?? (err.status >= 500 ? 'internal_error' : 'invalid_request')
  )
}

/**
 * The client hung up before its body arrived (Node's `aborted` reset): nobody is left to
 * answer and nothing failed here, so it is neither an error nor worth an error log line — a
 * raid of clients that drop their connections must not flood the operator's alerts.
 */
export function isClientAbort(err: Error): boolean {
  return (err as NodeJS.ErrnoException).code === 'ECONNRESET' && err.message === 'aborted'
}

export function onError(err: Error, c: Context<HubEnv>): Response {
  if (isClientAbort(err)) {
    c.get('logger')?.info({ event: 'request.aborted' }, 'the client hung up mid-request')
    return errorResponse(c, 'invalid_request', 'The request was cut off before its end.')
  }
  if (err instanceof HubError) {
    return errorResponse(c, err.code, err.message, err.details, err.headers)
  }
  if (err instanceof HTTPException) {
    const code = fromHttpException(err)
    return errorResponse(c, code, code === 'internal_error' ? undefined : err.message)
  }
  // The message of an unknown error may quote request data (a failed query lists its
  // parameters): log the error's name and frames only, never its message.
  const frames = err.stack?.split('\n').filter((line) => line.trimStart().startsWith('at ')) ?? []
  c.get('logger')?.error(
    { err: { name: err.name, frames: frames.slice(0, 15) } },
    'unhandled error',
  )
  return errorResponse(c, 'internal_error')
}
