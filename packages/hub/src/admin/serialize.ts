/** Rows to API shapes: dates as ISO strings, nothing secret (hashes, sealed values) ever out. */
import type {
  ApiKey,
  Partner,
  ReportStatus,
  RoutingDecision,
  SiteKey,
  TimelineEvent,
} from '@safe-place/schemas'
import type { apiKeys, partners, siteKeys, timelineEvents } from '../db/schema'

const iso = (d: Date | null) => (d ? d.toISOString() : null)

export function toPartner(row: typeof partners.$inferSelect): Partner {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as Partner['kind'],
    createdAt: row.createdAt.toISOString(),
  }
}

export function toSiteKey(row: typeof siteKeys.$inferSelect): SiteKey {
  return {
    id: row.id,
    key: row.key,
    partnerId: row.partnerId,
    label: row.label,
    allowedOrigins: row.allowedOrigins,
    requireChallenge: row.requireChallenge,
    rateLimitPerMinute: row.rateLimitPerMinute,
    categories: row.categories as SiteKey['categories'],
    createdAt: row.createdAt.toISOString(),
    revokedAt: iso(row.revokedAt),
  }
}

export function toApiKey(row: typeof apiKeys.$inferSelect): ApiKey {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope as ApiKey['scope'],
    partnerId: row.partnerId,
    receiverId: row.receiverId,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: iso(row.lastUsedAt),
    revokedAt: iso(row.revokedAt),
  }
}

/**
 * A timeline row as the operator API and the console show it: when, what, the status and the
 * routing decision. Who acted and the note are added by each, by its own access rules.
 */
export function toTimelineEvent(row: typeof timelineEvents.$inferSelect): TimelineEvent {
  return {
    at: row.at.toISOString(),
    kind: row.kind as TimelineEvent['kind'],
    ...(row.status ? { status: row.status as ReportStatus } : {}),
    ...(row.kind === 'routing' && row.receiverId && row.decision && row.reason
      ? {
          routing: {
            receiverId: row.receiverId,
            decision: row.decision as RoutingDecision['decision'],
            reason: row.reason as RoutingDecision['reason'],
          },
        }
      : {}),
  }
}
