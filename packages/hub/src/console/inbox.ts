/**
 * The console inbox: reports with filters (category, status, urgency, receiver, platform,
 * dates), urgent ones first and then newest first, with an opaque cursor; scoped to the
 * receiver for a receiver session, which may filter by its own id only (`403` otherwise: which
 * reports another receiver got is not a receiver's to learn).
 */
import type { ReportListItem, ReportListQuery } from '@safe-place/schemas'
import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm'
import { assertOwnReceiverFilter, ownReceiversOfScope } from '../admin/own-receivers'
import { reportFilters, toListItem } from '../admin/reports'
import type { ReportRow } from '../db/rows'
import { reports } from '../db/schema'
import type { ReadDb } from '../db/types'
import { HubError } from '../hub-error'
import { type ReceiverScope, routedTo } from './scope'

interface Cursor {
  urgent: boolean
  at: Date
  id: string
}

function encodeInboxCursor(row: Pick<ReportRow, 'urgent' | 'submittedAt' | 'id'>): string {
  return Buffer.from(`${row.urgent ? 1 : 0}:${row.submittedAt.getTime()}:${row.id}`).toString(
    'base64url',
  )
}

function decodeInboxCursor(cursor: string): Cursor {
  const [urgent, at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split(':')
  const ms = Number(at)
  if ((urgent !== '0' && urgent !== '1') || !id || !Number.isFinite(ms)) {
    throw new HubError('validation_failed', 'The cursor is not valid.', {
      details: [{ path: 'cursor', message: 'Use nextCursor from a previous page' }],
    })
  }
  return { urgent: urgent === '1', at: new Date(ms), id }
}

/** Rows after the cursor in the order urgent desc, submitted desc, id desc. */
function after(cursor: Cursor): SQL | undefined {
  const sameUrgency = and(
    eq(reports.urgent, cursor.urgent),
    or(
      lt(reports.submittedAt, cursor.at),
      and(eq(reports.submittedAt, cursor.at), lt(reports.id, cursor.id)),
    ),
  )
  return cursor.urgent ? or(eq(reports.urgent, false), sameUrgency) : sameUrgency
}

export async function listInbox(
  db: ReadDb,
  scope: ReceiverScope,
  query: ReportListQuery,
): Promise<{ items: ReportListItem[]; nextCursor: string | null }> {
  assertOwnReceiverFilter(ownReceiversOfScope(scope), query.receiverId)
  const filters: (SQL | undefined)[] = [
    scope !== undefined ? routedTo(db, scope) : undefined,
    query.receiverId ? routedTo(db, query.receiverId) : undefined,
    ...reportFilters(query),
    query.cursor ? after(decodeInboxCursor(query.cursor)) : undefined,
  ]
  const rows = await db
    .select()
    .from(reports)
    .where(and(...filters))
    .orderBy(desc(reports.urgent), desc(reports.submittedAt), desc(reports.id))
    .limit(query.limit + 1)
  const page = rows.slice(0, query.limit)
  const last = page.at(-1)
  return {
    items: page.map(toListItem),
    nextCursor: rows.length > query.limit && last ? encodeInboxCursor(last) : null,
  }
}
