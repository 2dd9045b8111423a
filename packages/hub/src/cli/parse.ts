/** Validates CLI input with the same schemas as the API, so both refuse the same things. */
import { issuesToDetails } from '@safe-place/schemas'
import type { z } from 'zod'
import { HubError } from '../hub-error'

export function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value)
  if (!result.success) {
    throw new HubError('validation_failed', 'Invalid options', {
      details: issuesToDetails(result.error.issues),
    })
  }
  return result.data
}
