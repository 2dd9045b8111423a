/**
 * @safe-place/sdk/admin: the operator client (partners, site keys, API keys, reports, cases,
 * receivers, deliveries, replay) and receivers' status updates.
 *
 * @example
 * import { createSafePlaceAdmin } from '@safe-place/sdk/admin'
 * const admin = createSafePlaceAdmin({ hubUrl, apiKey })
 * const page = await admin.messages.list({ state: 'dead' })
 * for (const m of page.items) await admin.messages.replay(m.id)
 */

export type { Decision, StatusUpdate } from '@safe-place/schemas'
export type { CaseListFilters } from './admin/cases'
export {
  createSafePlaceAdmin,
  type MessageListFilters,
  type ReportListFilters,
  type SafePlaceAdmin,
  type SafePlaceAdminOptions,
} from './admin/client'
export { isSafePlaceError, SafePlaceError, type SafePlaceErrorCode } from './core/errors'
