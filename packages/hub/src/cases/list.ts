/**
 * The desk's queue: cases by urgency, then due time (the soonest, and the overdue, first), with
 * filters — status, assignee (`me`, `none`, a key), raid, overdue, partner — and an opaque
 * cursor over that order. One row per case, however many reports it holds.
 */
import type { CaseListQuery, CaseSummary } from '@safe-place/schemas'
import { and, asc, desc, eq, gt, gte, isNull, lt, ne, or, type SQL } from 'drizzle-orm'
import { cases } from '../db/schema'
import type { ReadDb } from '../db/types'
import { HubError } from '../hub-error'
import { toCaseSummaries } from './summary'

interface Cursor {
  urgent: boolean
  due: number
  id: string
}

function encodeCursor(row: { urgent: boolean; dueAt: Date; id: string }): string {
  return Buffer.from(`${row.urgent ? 1 : 0}:${row.dueAt.getTime()}:${row.id}`).toString('base64url')
}

function decodeCursor(cursor: string): Cursor {
  const [urgent, due, id] = Buffer.from(cursor, 'base64url').toString('utf8').split(':')
  const ms = Number(due)
  if (!id || !Number.isFinite(ms) || (urgent !== '0' && urgent !== '1')) {
    throw new HubError('validation_failed', 'The cursor is not valid.', {
      details: [{ path: 'cursor', message: 'Use nextCursor from a previous page' }],
    })
  }
  return { urgent: urgent === '1', due: ms, id }
}

/** After the cursor in (urgent desc, due asc, id asc) order. */
function after(c: Cursor): SQL {
  const due = new Date(c.due)
  const sameUrgency = or(gt(cases.dueAt, due), and(eq(cases.dueAt, due), gt(cases.id, c.id)))
  return c.urgent
    ? (or(eq(cases.urgent, false), and(eq(cases.urgent, true), sameUrgency)) as SQL)
    : (and(eq(cases.urgent, false), sameUrgency) as SQL)
}

export async function listCases(
  db: ReadDb,
  query: CaseListQuery,
  /** The caller's operator key, for `assignee=me`; null from the CLI. */
  me: string | null,
  now: Date,
): Promise<{ items: CaseSummary[]; nextCursor: string | null }> {
  const filters: (SQL | undefined)[] = [
    query.status === 'all' ? undefined : eq(cases.status, query.status),
    query.partnerId ? eq(cases.partnerId, query.partnerId) : undefined,
    query.raid !== undefined ? eq(cases.raid, query.raid) : undefined,
  ]
  if (query.assignee === 'none') filters.push(isNull(cases.assigneeKeyId))
  else if (query.assignee === 'me') filters.push(eq(cases.assigneeKeyId, me ?? '\u0000nobody'))
  else if (query.assignee) filters.push(eq(cases.assigneeKeyId, query.assignee))
  if (query.overdue === true) filters.push(eq(cases.status, 'open'), lt(cases.dueAt, now))
  if (query.overdue === false) filters.push(or(ne(cases.status, 'open'), gte(cases.dueAt, now)))
  if (query.cursor) filters.push(after(decodeCursor(query.cursor)))
  const rows = await db
    .select()
    .from(cases)
    .where(and(...filters))
    .orderBy(desc(cases.urgent), asc(cases.dueAt), asc(cases.id))
    .limit(query.limit + 1)
  const page = rows.slice(0, query.limit)
  const last = page.at(-1)
  return {
    items: await toCaseSummaries(db, page, now),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  }
}
