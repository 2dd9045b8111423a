/**
 * The operator's inbox: reports listed newest first with filters and an opaque cursor, and one
 * report in detail with its timeline. The sealed content is opened for the operator only;
 * a partner key sees its own reports' summary and timeline, never the reporter's words, and
 * of the receivers only its own (`own-receivers.ts`): it filters by them alone, and the
 * timeline shows no other receiver's id, routing decision, delivery or status.
 */

import type {
  NormalisedReport,
  ReportDetail,
  ReportListItem,
  ReportListQuery,
  ReportStatus,
} from '@safe-place/schemas'
import { and, desc, eq, exists, gte, lt, lte, or, type SQL } from 'drizzle-orm'
import type { Keyring } from '../crypto/keyring'
import type { ReportRow } from '../db/rows'
import { reports, timelineEvents } from '../db/schema'
import type { ReadDb } from '../db/types'
import { HubError } from '../hub-error'
import { reportContext, type SealedContent } from '../intake/sealed-content'
import { assertOwnReceiverFilter, ownReceiversOfTenant } from './own-receivers'
import { assertTenant, type Tenant } from './tenancy'
import { loadTimeline } from './timeline-view'

export function toListItem(row: ReportRow): ReportListItem {
  return {
    reference: row.reference,
    category: row.category as ReportListItem['category'],
    platform: row.platform as ReportListItem['platform'],
    status: row.status as ReportStatus,
    urgent: row.urgent,
    raid: row.raid,
    partnerId: row.partnerId,
    submittedAt: row.submittedAt.toISOString(),
    withdrawnAt: row.withdrawnAt ? row.withdrawnAt.toISOString() : null,
    erasedAt: row.erasedAt ? row.erasedAt.toISOString() : null,
  }
}

function encodeCursor(row: ReportRow): string {
  return Buffer.from(`${row.submittedAt.getTime()}:${row.id}`).toString('base64url')
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split(':')
  const ms = Number(at)
  if (!id || !Number.isFinite(ms)) {
    throw new HubError('validation_failed', 'The cursor is not valid.', {
      details: [{ path: 'cursor', message: 'Use nextCursor from a previous page' }],
    })
  }
  return { at: new Date(ms), id }
}

/** The list filters the operator API and the console share (not the tenant, not the cursor). */
export function reportFilters(query: ReportListQuery): (SQL | undefined)[] {
  return [
    query.category ? eq(reports.category, query.category) : undefined,
    query.status ? eq(reports.status, query.status) : undefined,
    query.platform ? eq(reports.platform, query.platform) : undefined,
    query.urgent !== undefined ? eq(reports.urgent, query.urgent) : undefined,
    query.from ? gte(reports.submittedAt, new Date(query.from)) : undefined,
    query.to ? lte(reports.submittedAt, new Date(query.to)) : undefined,
  ]
}

export async function listReports(
  db: ReadDb,
  tenant: Tenant,
  query: ReportListQuery,
): Promise<{ items: ReportListItem[]; nextCursor: string | null }> {
  if (tenant !== undefined && query.receiverId) {
    assertOwnReceiverFilter(await ownReceiversOfTenant(db, tenant), query.receiverId)
  }
  const filters: (SQL | undefined)[] = [
    tenant ? eq(reports.partnerId, tenant) : undefined,
    ...reportFilters(query),
  ]
  if (query.receiverId) {
    filters.push(
      exists(
        db
          .select({ one: timelineEvents.id })
          .from(timelineEvents)
          .where(
            and(
              eq(timelineEvents.reportId, reports.id),
              eq(timelineEvents.receiverId, query.receiverId),
              eq(timelineEvents.decision, 'send'),
            ),
          ),
      ),
    )
  }
  if (query.cursor) {
    const { at, id } = decodeCursor(query.cursor)
    filters.push(
      or(lt(reports.submittedAt, at), and(eq(reports.submittedAt, at), lt(reports.id, id))),
    )
  }
  const rows = await db
    .select()
    .from(reports)
    .where(and(...filters))
    .orderBy(desc(reports.submittedAt), desc(reports.id))
    .limit(query.limit + 1)
  const page = rows.slice(0, query.limit)
  const last = page.at(-1)
  return {
    items: page.map(toListItem),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  }
}

/** Rebuilds the canonical report from its plain columns and its opened sealed content. */
export function rebuildReport(row: ReportRow, sealed: SealedContent): NormalisedReport {
  return {
    reference: row.reference,
    status: row.status as ReportStatus,
    urgent: row.urgent,
    category: row.category as NormalisedReport['category'],
    subtypes: row.subtypes,
    dsa: row.dsa as NormalisedReport['dsa'],
    ozoneReasons: row.ozoneReasons as NormalisedReport['ozoneReasons'],
    what: { ...sealed.what, ongoing: row.ongoing, raid: row.raid },
    where: { ...sealed.where, platform: row.platform as NormalisedReport['where']['platform'] },
    who: {
      ...sealed.who,
      role: row.reporterRole as NormalisedReport['who']['role'],
      targetAge: row.targetAge as NormalisedReport['who']['targetAge'],
      minorInvolved: row.minorInvolved,
      ...(row.targetIsWomanOrGirl === null ? {} : { targetIsWomanOrGirl: row.targetIsWomanOrGirl }),
    },
    evidence: sealed.evidence,
    consents: sealed.consents,
    goodFaith: row.goodFaith,
    contact: sealed.contact,
    context: {
      partnerId: row.partnerId,
      source: row.source as NormalisedReport['context']['source'],
      locale: row.locale as NormalisedReport['context']['locale'],
      ...(row.country ? { country: row.country } : {}),
      userAgentFamily: row.userAgentFamily as NormalisedReport['context']['userAgentFamily'],
      submittedAt: row.submittedAt.toISOString(),
    },
  }
}

export async function reportDetail(
  db: ReadDb,
  keyring: Keyring,
  tenant: Tenant,
  reference: string,
): Promise<ReportDetail> {
  const [row] = await db
    .select()
    .from(reports)
    .where(eq(reports.reference, reference.toUpperCase()))
  if (!row) throw new HubError('not_found', 'No such report.')
  assertTenant(tenant, row.partnerId)
  const operator = tenant === undefined
  const timeline = await loadTimeline(db, keyring, row.id, {
    own: await ownReceiversOfTenant(db, tenant),
    notes: operator ? 'all' : 'none',
  })
  const report =
    operator && row.sealed
      ? rebuildReport(row, keyring.openJson<SealedContent>(row.sealed, reportContext(row.id)))
      : null
  return { report, summary: toListItem(row), timeline }
}
