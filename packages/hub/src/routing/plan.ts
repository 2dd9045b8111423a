/**
 * Routing a new report: which receivers get it, cut to which profile, and why the others do not.
 * Called by intake inside the report's transaction; its output is written to the outbox and the
 * timeline in that same transaction (`writeRoutingPlan` does both).
 */
import {
  type NormalisedReport,
  ReceiverKind,
  ReceiverProfile,
  type RoutingDecision,
  type WebhookEvent,
} from '@safe-place/schemas'
import type { ReceiverRow } from '../db/rows'
import { buildReportCreatedEvent } from '../delivery/payloads'
import { consentRestsOnUnder15, evaluateReceiver } from './evaluate'
import { DEFAULT_ROUTING_RULES, type RoutingRules } from './rules'

interface PlannedMessage {
  receiverId: string
  /** The whole Standard Webhooks body `{ type, timestamp, data }`, already cut to the profile. */
  event: WebhookEvent
  urgent: boolean
}

export interface RoutingPlan {
  decisions: RoutingDecision[]
  messages: PlannedMessage[]
}

export interface PlanInput {
  report: NormalisedReport
  receivers: readonly ReceiverRow[]
  now: Date
  /** The rule table from configuration; defaults to docs/routing.md's table. */
  rules?: RoutingRules | undefined
}

export function planReportMessages(input: PlanInput): RoutingPlan {
  const rules = input.rules ?? DEFAULT_ROUTING_RULES
  // An under-15 target's own consent does not count: the hotline gets the report as if none
  // was given (no contact, no notifier).
  const report: NormalisedReport = consentRestsOnUnder15(input.report)
    ? { ...input.report, consents: [], contact: null }
    : input.report
  const decisions: RoutingDecision[] = []
  const messages: PlannedMessage[] = []
  for (const row of input.receivers) {
    // An operator's alert endpoint is no one a report goes to: no decision is recorded either.
    if (row.kind === 'operations') continue
    const kind = ReceiverKind.exclude(['operations']).parse(row.kind)
    const decision = evaluateReceiver(
      input.report,
      {
        id: row.id,
        partnerId: row.partnerId,
        kind,
        enabled: row.enabled,
        consentRequired: row.consentRequired,
        filters: row.filters,
      },
      rules,
    )
    decisions.push(decision)
    if (decision.decision !== 'send') continue
    const profile = ReceiverProfile.parse(row.profile)
    messages.push({
      receiverId: row.id,
      event: buildReportCreatedEvent(report, { id: row.id, kind, profile }, input.now),
      urgent: report.urgent,
    })
  }
  return { decisions, messages }
}
