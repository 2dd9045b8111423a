/** Stable error codes with their HTTP status and default message (zod-free). */
export const errorCodes = {
  validation_failed: { status: 400, message: 'The request is not valid.' },
  malformed_json: { status: 400, message: 'The body is not valid JSON.' },
  invalid_encoding: { status: 400, message: 'The body is not valid UTF-8.' },
  invalid_request: { status: 400, message: 'The request cannot be understood.' },
  spam_detected: { status: 400, message: 'The report looks automated and was not accepted.' },
  unauthorized: { status: 401, message: 'A valid key is required.' },
  receipt_invalid: { status: 401, message: 'The reference or the receipt token is not right.' },
  forbidden: { status: 403, message: 'This key may not do that.' },
  origin_not_allowed: { status: 403, message: 'This site may not use this site key.' },
  site_key_invalid: { status: 403, message: 'The site key is unknown or revoked.' },
  challenge_required: { status: 403, message: 'A proof-of-work solution is required.' },
  challenge_failed: { status: 403, message: 'The proof-of-work solution is not valid.' },
  not_found: { status: 404, message: 'Nothing was found here.' },
  method_not_allowed: { status: 405, message: 'This method is not allowed here.' },
  conflict: { status: 409, message: 'The request conflicts with the current state.' },
  case_tenant_mismatch: {
    status: 409,
    message: 'These cases belong to different partners: they cannot be merged.',
  },
  idempotency_conflict: {
    status: 409,
    message: 'This Idempotency-Key was already used with a different request.',
  },
  already_contested: {
    status: 409,
    message: 'This answer was already contested: the ways that remain are on the report page.',
  },
  nothing_to_contest: {
    status: 409,
    message: 'There is no answer to contest yet: a report can be contested once it has one.',
  },
  report_withdrawn: { status: 410, message: 'This report was withdrawn and its data erased.' },
  report_erased: {
    status: 410,
    message: "This report's personal data was erased (withdrawn or past its retention period).",
  },
  payload_too_large: { status: 413, message: 'The request is too large.' },
  unsupported_media_type: { status: 415, message: 'This content type is not accepted.' },
  attachments_forbidden: {
    status: 422,
    message: 'Files cannot be sent for this kind of report.',
  },
  assignee_not_operator: {
    status: 422,
    message: 'A case can be assigned only to a live operator key.',
  },
  report_not_in_case: { status: 422, message: 'This report is not in this case.' },
  notifications_unavailable: {
    status: 422,
    message: 'This hub does not send e-mails: send it again without notifications.',
  },
  attachment_invalid: { status: 422, message: 'The file is not a PNG, JPEG or WebP image.' },
  attachment_hash_mismatch: {
    status: 422,
    message:
      'A file did not arrive as the device sent it (its SHA-256 differs). Nothing was stored.',
  },
  report_limit_reached: {
    status: 422,
    message: 'This report cannot take more additions or files.',
  },
  unsafe_url: { status: 422, message: 'This URL is not allowed as a webhook endpoint.' },
  rate_limited: { status: 429, message: 'Too many requests. Please try again shortly.' },
  internal_error: { status: 500, message: 'Something went wrong on our side.' },
  service_unavailable: { status: 503, message: 'The service is not available right now.' },
} as const satisfies Record<string, { status: number; message: string }>

export type ErrorCode = keyof typeof errorCodes

/**
 * The code that stands for a bare HTTP status, when nothing more precise is known: an error
 * raised by the framework rather than the hub, or an answer without an `ErrorBody` (a proxy's
 * page). Hub and SDK map statuses alike through it.
 */
export function errorCodeForStatus(status: number): ErrorCode | undefined {
  return statusCodes[status]
}

const statusCodes: Partial<Record<number, ErrorCode>> = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  500: 'internal_error',
  503: 'service_unavailable',
}
