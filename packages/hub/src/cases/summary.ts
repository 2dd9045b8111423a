/** Case rows to the API's `CaseSummary`: names of assignees and merge targets looked up in bulk. */
import type { CaseSummary } from '@safe-place/schemas'
import { inArray } from 'drizzle-orm'
import type { CaseRow } from '../db/rows'
import { apiKeys, cases } from '../db/schema'
import type { ReadDb } from '../db/types'
import { isOverdue } from './service-level'

const iso = (d: Date | null) => (d ? d.toISOString() : null)

export async function toCaseSummaries(
  db: ReadDb,
  rows: readonly CaseRow[],
  now: Date,
): Promise<CaseSummary[]> {
  const keyIds = [...new Set(rows.map((r) => r.assigneeKeyId).filter((id): id is string => !!id))]
  const mergedIds = [...new Set(rows.map((r) => r.mergedInto).filter((id): id is string => !!id))]
  const names = new Map(
    keyIds.length
      ? (
          await db
            .select({ id: apiKeys.id, name: apiKeys.name })
            .from(apiKeys)
            .where(inArray(apiKeys.id, keyIds))
        ).map((k) => [k.id, k.name])
      : [],
  )
  const merged = new Map(
    mergedIds.length
      ? (
          await db
            .select({ id: cases.id, reference: cases.reference })
            .from(cases)
            .where(inArray(cases.id, mergedIds))
        ).map((c) => [c.id, c.reference])
      : [],
  )
  return rows.map((row) => ({
    id: row.id,
    reference: row.reference,
    partnerId: row.partnerId,
    status: row.status as CaseSummary['status'],
    urgent: row.urgent,
    raid: row.raid,
    raidDetectedAt: iso(row.raidDetectedAt),
    category: row.category as CaseSummary['category'],
    reports: row.reportCount,
    firstReportAt: row.firstReportAt.toISOString(),
    lastReportAt: row.lastReportAt.toISOString(),
    dueAt: row.status === 'open' ? row.dueAt.toISOString() : null,
    overdue: isOverdue(row, now),
    assignee: row.assigneeKeyId
      ? { keyId: row.assigneeKeyId, name: names.get(row.assigneeKeyId) ?? row.assigneeKeyId }
      : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    closedAt: iso(row.closedAt),
    mergedInto: row.mergedInto
      ? { id: row.mergedInto, reference: merged.get(row.mergedInto) ?? row.mergedInto }
      : null,
  }))
}
