/**
 * The one validation hook of every route: a zod failure becomes `400 validation_failed` with
 * dotted paths, the same shape whatever part of the request (body, query, params) failed.
 */

import type { Hook } from '@hono/zod-openapi'
import { issuesToDetails } from '@safe-place/schemas'
import type { HubEnv } from './env'
import { errorResponse } from './render-error'

// biome-ignore lint/suspicious/noExplicitAny: the hook is shared by routes of every shape
export const defaultHook: Hook<any, HubEnv, any, any> = (result, c) => {
  if (!result.success) {
    return errorResponse(
      c,
      'validation_failed',
      `The ${result.target === 'json' ? 'body' : result.target} is not valid.`,
      issuesToDetails(result.error.issues),
    )
  }
  return undefined
}
