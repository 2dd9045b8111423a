/**
 * Validation before sending: a bad input becomes a `SafePlaceError` `validation_failed` with
 * one detail per field (dotted paths, as the hub would answer), and never leaves the machine.
 */
import { errorCodes } from '@safe-place/schemas'
import { SafePlaceError } from '../core/errors'
import { issuesToDetailList, type Schema } from '../core/schema'

/** Parses `input` with `schema`, or throws `validation_failed` with field-level details. */
export function validateInput<T>(schema: Schema<T>, input: unknown): T {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  throw new SafePlaceError('validation_failed', errorCodes.validation_failed.message, {
    details: issuesToDetailList(parsed.error.issues),
  })
}
