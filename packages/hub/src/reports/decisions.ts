/**
 * Decisions given with statuses (`StatusUpdate.decision`): stored sealed beside the status's
 * timeline entry, read back for the reporter (in plain words), the console (words and fields)
 * and the contest (the platform's identifiers and its appeal address).
 */
import {
  type ActionTaken,
  type CategoryCode,
  type Decision,
  getPlatform,
  type Locale,
  type PlatformCode,
} from '@safe-place/schemas'
import { asc, eq } from 'drizzle-orm'
import type { Keyring } from '../crypto/keyring'
import type { ReportRow } from '../db/rows'
import { reportDecisions } from '../db/schema'
import type { ReadDb, WriteTx } from '../db/types'
import { describeDecision } from '../i18n/decision-wording'

const decisionContext = (eventId: string) => `decision:${eventId}`

export async function recordDecision(
  tx: WriteTx,
  keyring: Keyring,
  input: {
    eventId: string
    reportId: string
    receiverId: string | null
    at: Date
    decision: Decision
  },
): Promise<void> {
  await tx.insert(reportDecisions).values({
    eventId: input.eventId,
    reportId: input.reportId,
    receiverId: input.receiverId,
    at: input.at,
    decisionSealed: keyring.sealJson(input.decision, decisionContext(input.eventId)),
  })
}

export interface StoredDecision {
  eventId: string
  at: Date
  receiverId: string | null
  decision: Decision
}

/** The report's decisions, oldest first; erased (or unreadable) ones are left out. */
export async function decisionsOf(
  db: ReadDb,
  keyring: Keyring,
  reportId: string,
): Promise<StoredDecision[]> {
  const rows = await db
    .select()
    .from(reportDecisions)
    .where(eq(reportDecisions.reportId, reportId))
    .orderBy(asc(reportDecisions.at))
  return rows.flatMap((row) => {
    if (!row.decisionSealed) return []
    try {
      const decision = keyring.openJson<Decision>(row.decisionSealed, decisionContext(row.eventId))
      return [{ eventId: row.eventId, at: row.at, receiverId: row.receiverId, decision }]
    } catch {
      return []
    }
  })
}

/** The decision in the reporter's words, for her report. */
export function decisionSummary(report: ReportRow, decision: Decision, locale: Locale): string {
  const platform =
    report.platform === 'other' ? null : getPlatform(report.platform as PlatformCode).name
  return describeDecision(decision, { platform, category: report.category as CategoryCode }, locale)
}

/** The older `actions` a decision amounts to, for receivers that read those. */
export function actionsOf(decision: Decision): ActionTaken[] {
  const actions = new Set<ActionTaken>()
  for (const v of decision.decision_visibility ?? []) {
    if (v === 'DECISION_VISIBILITY_CONTENT_REMOVED') actions.add('content_removed')
    else if (v === 'DECISION_VISIBILITY_CONTENT_LABELLED') actions.add('content_labelled')
    else if (v === 'DECISION_VISIBILITY_OTHER') actions.add('other')
    else actions.add('content_restricted')
  }
  if (decision.decision_account === 'DECISION_ACCOUNT_SUSPENDED') actions.add('account_suspended')
  if (decision.decision_account === 'DECISION_ACCOUNT_TERMINATED') actions.add('account_terminated')
  if (decision.decision_provision || decision.decision_monetary) actions.add('other')
  return [...actions]
}
