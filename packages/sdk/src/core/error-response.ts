/**
 * Turns a hub answer that is not 2xx into a `SafePlaceError`: the `ErrorBody` when the hub sent
 * one, else a code derived from the status (a proxy's HTML 502 page is still a clear error).
 */
import {
  ErrorBody,
  errorCodeForStatus,
  errorCodes,
  headers as headerNames,
} from '@safe-place/schemas'
import { SafePlaceError, type SafePlaceErrorCode } from './errors'

function codeForStatus(status: number): SafePlaceErrorCode {
  return errorCodeForStatus(status) ?? (status >= 500 ? 'internal_error' : 'invalid_response')
}

/** Reads the body of a failed response into a `SafePlaceError`. */
export async function errorFromResponse(response: Response): Promise<SafePlaceError> {
  const text = await response.text().catch(() => '')
  const headerRequestId = response.headers.get(headerNames.requestId) ?? undefined
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  const parsed = ErrorBody.safeParse(json)
  if (parsed.success) {
    const { code, message, details, requestId } = parsed.data.error
    return new SafePlaceError(code, message, {
      status: response.status,
      details,
      requestId: requestId ?? headerRequestId,
      headers: response.headers,
    })
  }
  const code = codeForStatus(response.status)
  const message =
    code === 'invalid_response'
      ? `The hub answered ${response.status} without an error body.`
      : errorCodes[code as keyof typeof errorCodes].message
  return new SafePlaceError(code, message, {
    status: response.status,
    requestId: headerRequestId,
    headers: response.headers,
  })
}
