/**
 * OpenAPI response entries for errors: every route lists the codes it can answer, grouped by
 * status, all with the one `ErrorBody` schema.
 */
import { ErrorBody, type ErrorCode, errorCodes } from '@safe-place/schemas'

type ErrorResponses = Record<
  number,
  { description: string; content: { 'application/json': { schema: typeof ErrorBody } } }
>

/** Codes any route may answer. */
const commonErrors: ErrorCode[] = ['internal_error', 'rate_limited']

export function errorResponses(...codes: ErrorCode[]): ErrorResponses {
  const byStatus = new Map<number, ErrorCode[]>()
  for (const code of [...codes, ...commonErrors]) {
    const status = errorCodes[code].status
    const list = byStatus.get(status) ?? []
    if (!list.includes(code)) list.push(code)
    byStatus.set(status, list)
  }
  const out: ErrorResponses = {}
  for (const [status, list] of byStatus) {
    out[status] = {
      description: list.map((code) => `\`${code}\`: ${errorCodes[code].message}`).join(' · '),
      content: { 'application/json': { schema: ErrorBody } },
    }
  }
  return out
}

export const jsonContent = <T>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})
