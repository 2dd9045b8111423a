/**
 * Raid detection: many reports about one target in a short time. When the reports of one case
 * submitted within `raidWindowMs` up to a new report reach `raidReports`, the case is flagged,
 * once, and the decision goes on its timeline with the count. The count reads at most
 * `raidReports` index entries and is skipped once the case is a raid, so a raid of thousands
 * costs no more per report than its first reports did.
 */
import type { CaseRow } from '../db/rows'
import { execute } from '../db/statements'
import type { WriteTx } from '../db/types'

/**
 * Called once when a case becomes a raid, in the grouping unit, after the case is written.
 * Issue 16 raises the operator alert ("raid detected") from here; nothing else happens yet.
 */
export async function onRaidDetected(_tx: WriteTx, _raid: CaseRow): Promise<void> {}

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
