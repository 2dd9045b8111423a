/**
 * The desk through the operator API (`/v1/admin/cases`, an operator key): the queue, a case's
 * page, and every action on a case. Inputs validated with the schemas before sending, answers
 * parsed with them.
 */
import {
  CaseAssign,
  CaseBulkStatus,
  CaseBulkStatusResult,
  CaseDetail,
  type CaseListQuery,
  CaseMerge,
  CaseNoteCreate,
  CaseSplit,
  CaseStatusChange,
  CaseSummary,
  InternalNote,
  pageOf,
} from '@safe-place/schemas'
import type { z } from 'zod'
import { validateInput } from '../client/validate'
import type { Transport } from '../core/request'

type Signal = { signal?: AbortSignal | undefined }

/** Filters of `GET /v1/admin/cases`, as plain values. */
export type CaseListFilters = Partial<Omit<CaseListQuery, 'raid' | 'overdue'>> & {
  raid?: boolean
  overdue?: boolean
}

export function caseMethods(send: Transport) {
  const path = (caseId: string, rest = '') => `v1/admin/cases/${encodeURIComponent(caseId)}${rest}`
  const act =
    <I extends z.ZodType, O extends z.ZodType>(rest: string, input: I, output: O) =>
    async (caseId: string, body: z.input<I>, o: Signal = {}) =>
      send({
        method: 'POST',
        path: path(caseId, rest),
        body: validateInput(input, body),
        signal: o.signal,
        schema: output,
      })
  const assign = act('/assignee', CaseAssign, CaseSummary)
  return {
    /** One page of the queue (open cases by default); pass `nextCursor` back as `cursor`. */
    list: (filters: CaseListFilters = {}, o: Signal = {}) =>
      send({
        method: 'GET',
        path: 'v1/admin/cases',
        query: { ...filters },
        signal: o.signal,
        schema: pageOf(CaseSummary),
      }),
    /** A case by id (`cas_…`) or reference (`CS-…`): reports, merged timeline, internal notes. */
    get: (caseId: string, o: Signal = {}) =>
      send({ method: 'GET', path: path(caseId), signal: o.signal, schema: CaseDetail }),
    /** Takes the case for the key making the call. */
    take: (caseId: string, o: Signal = {}) => assign(caseId, { assignee: 'me' }, o),
    /** Hands the case to another operator key (`key_…`). */
    assign: (caseId: string, operatorKeyId: string, o: Signal = {}) =>
      assign(caseId, { assignee: operatorKeyId }, o),
    release: (caseId: string, o: Signal = {}) => assign(caseId, { assignee: null }, o),
    /** Merges `from` into the case (same partner only). */
    merge: act('/merge', CaseMerge, CaseSummary),
    /** Moves reports (references) into a new case; resolves with the new case. */
    split: act('/split', CaseSplit, CaseSummary),
    /** An internal note: never shown to the reporter, receivers or partners. */
    addNote: act('/notes', CaseNoteCreate, InternalNote),
    setStatus: act('/status', CaseStatusChange, CaseSummary),
    /** One status on every live report of the case, e.g. a raid's reports `in_review`. */
    setReportsStatus: act('/report-status', CaseBulkStatus, CaseBulkStatusResult),
  }
}
