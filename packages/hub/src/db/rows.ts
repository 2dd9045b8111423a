/** The row types of the hub's tables, as drizzle reads them: one name each, declared once. */
import type { apiKeys, cases, receivers, reports, siteKeys, timelineEvents } from './schema'

export type SiteKeyRow = typeof siteKeys.$inferSelect
export type ReceiverRow = typeof receivers.$inferSelect
export type ReportRow = typeof reports.$inferSelect
export type ApiKeyRow = typeof apiKeys.$inferSelect
export type TimelineRow = typeof timelineEvents.$inferSelect
export type CaseRow = typeof cases.$inferSelect
