/**
 * The `Idempotency-Key` header of the routes that create something (a report, an addition):
 * absent, or 8 to 128 letters, digits or `_.:-`; anything else is a `400` naming the header.
 */
import { headers, IdempotencyKey, issuesToDetails } from '@safe-place/schemas'
import type { Context } from 'hono'
import { HubError } from '../hub-error'
import type { HubEnv } from './env'

export function idempotencyKeyOf(c: Context<HubEnv>): string | undefined {
  const raw = c.req.header(headers.idempotencyKey)
  if (raw === undefined) return undefined
  const parsed = IdempotencyKey.safeParse(raw)
  if (!parsed.success) {
    throw new HubError('validation_failed', `The ${headers.idempotencyKey} header is not valid.`, {
      details: issuesToDetails(parsed.error.issues).map((d) => ({
        ...d,
        path: headers.idempotencyKey,
      })),
    })
  }
  return parsed.data
}
