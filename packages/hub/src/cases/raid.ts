/**
 * Raid detection: many reports about one target in a short time. When the reports of one case
 * submitted within `raidWindowMs` up to a new report reach `raidReports`, the case is flagged,
 * once, and the decision goes on its timeline with the count. The count reads at most
 * `raidReports` index entries and is skipped once the case is a raid, so a raid of thousands
 * costs no more per report than its first reports did.
 */
import { type AlertContext, raiseAlert } from '../alerts/raise'
import type { CaseRow } from '../db/rows'
import { execute } from '../db/statements'
import type { WriteTx } from '../db/types'

/**
 * Tells the operators, once, that a case became a raid: in the grouping unit that flagged it,
 * so the flag and the alert commit together. A case is flagged once, hence one key per case.
 */
export async function alertRaid(
  tx: WriteTx,
  alerts: AlertContext,
  raid: CaseRow,
  reports: number,
  now: Date,
): Promise<void> {
  await raiseAlert(tx, alerts, {
    kind: 'raid_detected',
    occurrenceKey: `raid_detected:${raid.id}`,
    consolePath: `#/cases/${raid.id}`,
    data: { caseId: raid.id, reference: raid.reference, reports },
    now,
  })
}

/** The case's committed reports submitted in `(from, to]`, counted up to `limit`. */
export async function membersInWindow(
  tx: WriteTx,
  caseId: string,
  from: Date,
  to: Date,
  limit: number,
): Promise<number> {
  const [row] = await execute(tx, {
    sql: 'select count(*) as n from (select 1 from case_members where case_id = ? and submitted_at > ? and submitted_at <= ? limit ?)',
    args: [caseId, from.getTime(), to.getTime(), limit],
  })
  return Number(row?.n ?? 0)
}
