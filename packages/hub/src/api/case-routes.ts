/**
 * The case routes, defined once and mounted twice: under `/v1/admin/cases` for an operator API
 * key (`admin-cases.ts`) and under `/v1/console/cases` for an operator's console session
 * (`console-cases.ts`). Operators only: a partner or receiver key gets `403`, as a receiver's
 * session does — cases, assignments and internal notes are the support team's.
 */
import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi'
import {
  CaseAssign,
  CaseBulkStatus,
  CaseBulkStatusResult,
  CaseDetail,
  CaseListQuery,
  CaseMerge,
  CaseNoteCreate,
  CaseSplit,
  CaseStatusChange,
  CaseSummary,
  InternalNote,
  pageOf,
} from '@safe-place/schemas'
import { assignCase } from '../cases/assign'
import { setCaseReportsStatus } from '../cases/bulk-status'
import { caseDetail } from '../cases/detail'
import { listCases } from '../cases/list'
import { mergeCases } from '../cases/merge'
import { addInternalNote } from '../cases/notes'
import { splitCase } from '../cases/split'
import { setCaseStatus } from '../cases/status'
import { toCaseSummaries } from '../cases/summary'
import type { CaseRow } from '../db/rows'
import type { HubEnv } from '../http/env'
import { errorResponses, jsonContent } from '../http/openapi-errors'
import { idParam, jsonBody } from '../http/openapi-params'
import type { HubRuntime } from '../runtime'

interface Mount {
  /** `/v1/admin` or `/v1/console`. */
  base: string
  tags: string[]
  security: { [name: string]: string[] }[]
  /** What the caller names in the docs: an API key or the session. */
  who: string
}

const writeErrors = [
  'validation_failed',
  'malformed_json',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
] as const

function definitions({ base, tags, security, who }: Mount) {
  const path = (rest = '') => `${base}/cases${rest}`
  const post = <B extends z.ZodType, R extends z.ZodType>(
    rest: string,
    summary: string,
    body: B,
    ok: R,
    extra: Parameters<typeof errorResponses>,
  ) =>
    createRoute({
      method: 'post',
      path: path(rest),
      tags,
      security,
      summary: `${summary} (${who})`,
      request: { params: idParam, body: jsonBody(body) },
      responses: { 200: jsonContent(ok, 'Done'), ...errorResponses(...writeErrors, ...extra) },
    })
  return {
    list: createRoute({
      method: 'get',
      path: path(),
      tags,
      security,
      summary: `The desk's queue: cases by urgency, then due time (${who})`,
      request: { query: CaseListQuery },
      responses: {
        200: jsonContent(pageOf(CaseSummary), 'A page of cases'),
        ...errorResponses('validation_failed', 'unauthorized', 'forbidden'),
      },
    }),
    detail: createRoute({
      method: 'get',
      path: path('/{id}'),
      tags,
      security,
      summary: `One case: its reports, merged timeline and internal notes (${who})`,
      request: { params: idParam },
      responses: {
        200: jsonContent(CaseDetail, 'The case'),
        ...errorResponses('unauthorized', 'forbidden', 'not_found'),
      },
    }),
    assign: post(
      '/{id}/assignee',
      'Take (`me`), hand over (an operator key id) or release (`null`)',
      CaseAssign,
      CaseSummary,
      ['assignee_not_operator'],
    ),
    merge: post(
      '/{id}/merge',
      'Merge other cases of the same partner into this one',
      CaseMerge,
      CaseSummary,
      ['case_tenant_mismatch'],
    ),
    split: post(
      '/{id}/split',
      'Move reports of this case into a new case (answers the new case)',
      CaseSplit,
      CaseSummary,
      ['report_not_in_case'],
    ),
    note: post(
      '/{id}/notes',
      'Add an internal note about a report of the case (never shown to the reporter or receivers)',
      CaseNoteCreate,
      InternalNote,
      ['report_not_in_case', 'report_erased'],
    ),
    status: post(
      '/{id}/status',
      'Close the case or open it again',
      CaseStatusChange,
      CaseSummary,
      [],
    ),
    bulk: post(
      '/{id}/report-status',
      "Set one status on every live report of the case (a raid's reports at once)",
      CaseBulkStatus,
      CaseBulkStatusResult,
      [],
    ),
  }
}

/** Mounts the case routes on `app`; `mount.base` says where and who they are for. */
export function mountCaseRoutes(app: OpenAPIHono<HubEnv>, mount: Mount): void {
  const d = definitions(mount)
  const summary = async (hub: HubRuntime, row: CaseRow) =>
    (await toCaseSummaries(hub.db, [row], hub.now()))[0]!
  const keyOf = (c: { get(name: 'principal'): { keyId: string } }) => c.get('principal').keyId

  app.openapi(d.list, async (c) => {
    const hub = c.get('hub')
    return c.json(await listCases(hub.db, c.req.valid('query'), keyOf(c), hub.now()), 200)
  })
  app.openapi(d.detail, async (c) => {
    const hub = c.get('hub')
    c.header('cache-control', 'no-store')
    return c.json(await caseDetail(hub.db, hub.keyring, c.req.valid('param').id, hub.now()), 200)
  })
  app.openapi(d.assign, async (c) => {
    const hub = c.get('hub')
    const { assignee } = c.req.valid('json')
    const to = assignee === 'me' ? keyOf(c) : assignee
    const row = await hub.write((tx) =>
      assignCase(tx, c.req.valid('param').id, to, keyOf(c), hub.now()),
    )
    return c.json(await summary(hub, row), 200)
  })
  app.openapi(d.merge, async (c) => {
    const hub = c.get('hub')
    const { from } = c.req.valid('json')
    const row = await hub.write((tx) =>
      mergeCases(tx, hub.settings.cases, c.req.valid('param').id, from, keyOf(c), hub.now()),
    )
    return c.json(await summary(hub, row), 200)
  })
  app.openapi(d.split, async (c) => {
    const hub = c.get('hub')
    const { reports } = c.req.valid('json')
    const row = await hub.write((tx) =>
      splitCase(tx, hub.settings.cases, c.req.valid('param').id, reports, keyOf(c), hub.now()),
    )
    return c.json(await summary(hub, row), 200)
  })
  app.openapi(d.note, async (c) => {
    const hub = c.get('hub')
    const input = c.req.valid('json')
    const note = await hub.write((tx) =>
      addInternalNote(tx, hub.keyring, c.req.valid('param').id, input, keyOf(c), hub.now()),
    )
    return c.json(note, 200)
  })
  app.openapi(d.status, async (c) => {
    const hub = c.get('hub')
    const { status } = c.req.valid('json')
    const row = await hub.write((tx) =>
      setCaseStatus(tx, c.req.valid('param').id, status, keyOf(c), hub.now()),
    )
    return c.json(await summary(hub, row), 200)
  })
  app.openapi(d.bulk, async (c) => {
    const hub = c.get('hub')
    const result = await setCaseReportsStatus(
      hub,
      hub.keyring,
      c.req.valid('param').id,
      c.req.valid('json'),
      keyOf(c),
      hub.now,
    )
    if (result.messages > 0) hub.engine?.wake()
    return c.json({ updated: result.updated, skipped: result.skipped }, 200)
  })
}
