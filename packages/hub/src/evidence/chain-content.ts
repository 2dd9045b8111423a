/**
 * What each chain entry commits to (docs/evidence.md), built in one place so the pack shows
 * exactly what was committed. Only what the person sent or was told: her report, where it went
 * (the receivers that got it, not those that were skipped), what she added, her consents,
 * deliveries, the receivers' statuses and notes for her, her withdrawal.
 */
import type {
  ActionTaken,
  ConsentRecord,
  NormalisedReport,
  ReportAddition,
  ReportStatus,
} from '@safe-place/schemas'
import type { ChainEvent } from './chain'

/** The report as submitted, without the hub's internal fields (partner, browser family). */
export function createdEntry(report: NormalisedReport, at: Date): ChainEvent {
  const { status: _status, context, ...rest } = report
  const { partnerId: _partner, userAgentFamily: _browser, ...kept } = context
  return { kind: 'created', at, content: { ...rest, context: kept } }
}

export function routedEntry(sentTo: readonly string[], at: Date): ChainEvent {
  return { kind: 'routed', at, content: { sentTo: [...sentTo] } }
}

export function addedEntry(addition: ReportAddition, at: Date): ChainEvent {
  return { kind: 'added', at, content: addition }
}

export function consentedEntry(consent: ConsentRecord, sent: boolean, at: Date): ChainEvent {
  return { kind: 'consented', at, content: { consent, sent } }
}

export function statusEntry(
  change: {
    status: ReportStatus
    actions: readonly ActionTaken[] | undefined
    receiverId: string | null
    noteForReporter: string | undefined
  },
  at: Date,
): ChainEvent {
  return {
    kind: 'status_changed',
    at,
    content: {
      status: change.status,
      actions: change.actions ? [...change.actions] : [],
      by: change.receiverId === null ? 'operator' : 'receiver',
      receiverId: change.receiverId,
      noteForReporter: change.noteForReporter ?? null,
    },
  }
}

export function withdrawnEntry(at: Date): ChainEvent {
  return { kind: 'withdrawn', at, content: { withdrawnAt: at.toISOString() } }
}
