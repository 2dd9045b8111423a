/**
 * The uniform error body `{ error: { code, message, details? } }` and its stable codes.
 * A code never changes meaning; a client switches on it, a person reads the message.
 */
import { z } from 'zod'
import { type ErrorCode as ErrorCodeName, errorCodes } from './error-codes'

export { errorCodeForStatus, errorCodes } from './error-codes'
export const ErrorCode = z.enum(Object.keys(errorCodes) as [ErrorCodeName, ...ErrorCodeName[]])
export type ErrorCode = z.infer<typeof ErrorCode>

/** One precise problem, e.g. `{ path: "where.contentUrls.0", message: "Must be an http(s) URL" }`. */
export const ErrorDetail = z.object({
  path: z.string().max(500),
  message: z.string().max(500),
})
export type ErrorDetail = z.infer<typeof ErrorDetail>

export const ErrorBody = z
  .object({
    error: z.object({
      code: ErrorCode,
      message: z.string().max(1000),
      details: z.array(ErrorDetail).max(100).optional(),
      requestId: z.string().max(100).optional(),
    }),
  })
  .meta({ id: 'ErrorBody', title: 'Error' })
export type ErrorBody = z.infer<typeof ErrorBody>

/** Turns zod issues into details with dotted paths, at most 100 of them. */
export function issuesToDetails(issues: readonly z.core.$ZodIssue[]): ErrorDetail[] {
  return issues.slice(0, 100).map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message.slice(0, 500),
  }))
}
