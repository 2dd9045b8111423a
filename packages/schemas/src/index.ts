/**
 * @safe-place/schemas: the single source of truth for every shape that crosses a boundary.
 *
 * @example
 * import { ReportIntake } from '@safe-place/schemas'
 * const result = ReportIntake.safeParse(body)
 */

export * from './admin/mails'
export * from './admin/partners'
export * from './admin/receivers'
export * from './admin/reports'
export * from './cases/index'
export * from './console/index'
export * from './errors'
export * from './http'
export * from './primitives'
export * from './receivers'
export * from './report/consent'
export * from './report/contact'
export * from './report/contest'
export * from './report/decision'
export * from './report/intake'

export * from './report/limits'
export * from './report/normalised'
export * from './report/notifications'
export * from './report/receipt'
export * from './report/reference'
export * from './report/status'
export * from './resources/data'
export * from './resources/resource'
export * from './resources/select'
export * from './stats'
export * from './stats-rules'
export * from './taxonomy/categories'
export * from './taxonomy/dsa'
export * from './taxonomy/dsa-mapping'
export * from './taxonomy/ozone'
export * from './taxonomy/platforms'
export * from './webhooks/events'
export * from './webhooks/operations'
export * from './webhooks/report-contested'
export * from './widget-config'
