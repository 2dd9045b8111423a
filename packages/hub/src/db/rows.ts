/** The row types of the hub's tables, as drizzle reads them: one name each, declared once. */
import type {
  apiKeys,
  attachments,
  messages,
  partners,
  receivers,
  reports,
  siteKeys,
  timelineEvents,
} from './schema'

export type PartnerRow = typeof partners.$inferSelect
export type SiteKeyRow = typeof siteKeys.$inferSelect
export type ApiKeyRow = typeof apiKeys.$inferSelect
export type ReceiverRow = typeof receivers.$inferSelect
export type ReportRow = typeof reports.$inferSelect
export type AttachmentRow = typeof attachments.$inferSelect
export type TimelineRow = typeof timelineEvents.$inferSelect
export type MessageRow = typeof messages.$inferSelect
