/**
 * @safe-place/schemas/data: the taxonomy, platforms, help resources, limits, formats and the
 * statistics' rounding rules as plain data, without zod, for bundles that count every byte
 * (the `<safe-place-help>` panel, the console).
 *
 * @example
 * import { categories, selectResources, helpResources } from '@safe-place/schemas/data'
 */

export { caseLimits } from './cases/limits'
export { type ErrorCode, errorCodeForStatus, errorCodes } from './error-codes'
export { headers } from './http-headers'
export { type Locale, type LocalizedText, locales } from './locales'
export * from './report/formats'
export { attachmentMediaTypes, reportLimits } from './report/limits'
export { reportStatuses } from './report/status-codes'
export { type HelpResourceId, helpResources } from './resources/data'
export { type ResourceQuery, selectResources } from './resources/select'
export * from './stats-rules'
export * from './taxonomy/category-data'
export * from './taxonomy/platform-data'
