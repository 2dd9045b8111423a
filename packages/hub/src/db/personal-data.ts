/**
 * The one list of where a reporter's personal data can be: every column of every table, said
 * to be erased with the report (`erase`) or to hold nothing a person wrote or that identifies
 * her (`keep`). Withdrawal and the retention job erase through it (`reports/erase.ts`), the
 * erasure guards keep late writers from putting data back through it (`erasure-guards.ts`),
 * and the Svix engine expunges its outside copies from it (`remoteCopies`).
 *
 * The types make it complete: a new column does not compile until it is classified here, and
 * the erasure test walks every table of the schema and fails on one that is missing.
 */
import type { Column } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import type * as schema from './schema'
import {
  apiKeys,
  attachments,
  consoleSessions,
  deliveryAttempts,
  evidenceChains,
  evidenceEvents,
  idempotencyKeys,
  messages,
  partners,
  powChallengesSpent,
  receivers,
  reportAdditions,
  reports,
  siteKeys,
  timelineEvents,
} from './schema'

type ColumnClass = 'erase' | 'keep'

/**
 * How a table's rows name their report: a column holding the report's id, or a column holding
 * the key of a row of another table that holds it (a delivery attempt → its message → report).
 */
export type ReportLink =
  | { column: SQLiteColumn }
  | { column: SQLiteColumn; via: { key: SQLiteColumn; report: SQLiteColumn } }

interface TableData<T extends SQLiteTable> {
  table: T
  columns: { [K in keyof T['_']['columns']]: ColumnClass }
  /** Absent for tables that hold nothing of any report. */
  report?: ReportLink
  /** `rows`: the rows exist only for their report and go with it; else `erase` columns are nulled. */
  erase?: 'columns' | 'rows'
  /**
   * Rows whose `erase` columns may still be written after the erasure, because for them those
   * columns hold nothing personal (a `report.withdrawn` message telling receivers to erase).
   * SQL over the row, as `NEW.<column>`.
   */
  writableAfterErasure?: string
}

const table = <T extends SQLiteTable>(data: TableData<T>) => data

/** One entry per table of the schema: a new table does not compile until it is listed. */
type EveryTable = {
  [K in keyof typeof schema as (typeof schema)[K] extends SQLiteTable ? K : never]: TableData<
    (typeof schema)[K] extends SQLiteTable ? (typeof schema)[K] : never
  >
}

/** Webhook events whose payload holds nothing personal: they may be queued after an erasure. */
const EVENTS_WITHOUT_PERSONAL_DATA = ['report.withdrawn', 'report.status_changed'] as const

const personalData = {
  partners: table({
    table: partners,
    columns: { id: 'keep', name: 'keep', kind: 'keep', createdAt: 'keep' },
  }),
  siteKeys: table({
    table: siteKeys,
    columns: {
      id: 'keep',
      key: 'keep',
      partnerId: 'keep',
      label: 'keep',
      allowedOrigins: 'keep',
      requireChallenge: 'keep',
      rateLimitPerMinute: 'keep',
      categories: 'keep',
      createdAt: 'keep',
      revokedAt: 'keep',
    },
  }),
  apiKeys: table({
    table: apiKeys,
    columns: {
      id: 'keep',
      name: 'keep',
      scope: 'keep',
      partnerId: 'keep',
      receiverId: 'keep',
      prefix: 'keep',
      secretHash: 'keep',
      createdAt: 'keep',
      lastUsedAt: 'keep',
      revokedAt: 'keep',
    },
  }),
  receivers: table({
    table: receivers,
    columns: {
      id: 'keep',
      partnerId: 'keep',
      kind: 'keep',
      name: 'keep',
      purpose: 'keep',
      url: 'keep',
      profile: 'keep',
      filters: 'keep',
      consentRequired: 'keep',
      consentTextVersion: 'keep',
      secretSealed: 'keep',
      previousSecretSealed: 'keep',
      previousSecretExpiresAt: 'keep',
      enabled: 'keep',
      disabledReason: 'keep',
      concurrency: 'keep',
      ratePerSecond: 'keep',
      failingSince: 'keep',
      createdAt: 'keep',
      updatedAt: 'keep',
    },
  }),
  reports: table({
    table: reports,
    report: { column: reports.id },
    columns: {
      id: 'keep',
      reference: 'keep',
      partnerId: 'keep',
      siteKeyId: 'keep',
      receiptTokenHash: 'keep',
      status: 'keep',
      urgent: 'keep',
      category: 'keep',
      subtypes: 'keep',
      platform: 'keep',
      raid: 'keep',
      ongoing: 'keep',
      reporterRole: 'keep',
      targetAge: 'keep',
      targetIsWomanOrGirl: 'keep',
      minorInvolved: 'keep',
      goodFaith: 'keep',
      locale: 'keep',
      country: 'keep',
      source: 'keep',
      userAgentFamily: 'keep',
      dsa: 'keep',
      ozoneReasons: 'keep',
      consents: 'keep',
      sealed: 'erase',
      attachmentCount: 'keep',
      submittedAt: 'keep',
      updatedAt: 'keep',
      firstActionAt: 'keep',
      withdrawnAt: 'keep',
      purgedAt: 'keep',
      erasedAt: 'keep',
    },
  }),
  attachments: table({
    table: attachments,
    report: { column: attachments.reportId },
    columns: {
      id: 'keep',
      reportId: 'keep',
      mediaType: 'keep',
      bytes: 'keep',
      width: 'keep',
      height: 'keep',
      sha256: 'keep',
      dataSealed: 'erase',
      createdAt: 'keep',
      additionId: 'keep',
      // A plain hash of a file lets whoever has it confirm the file was reported: erased.
      receivedSha256: 'erase',
      receivedBytes: 'keep',
      originalSha256: 'erase',
      originalBytes: 'keep',
    },
  }),
  timelineEvents: table({
    table: timelineEvents,
    report: { column: timelineEvents.reportId },
    columns: {
      id: 'keep',
      reportId: 'keep',
      at: 'keep',
      kind: 'keep',
      status: 'keep',
      receiverId: 'keep',
      decision: 'keep',
      reason: 'keep',
      actions: 'keep',
      noteSealed: 'erase',
    },
  }),
  idempotencyKeys: table({
    table: idempotencyKeys,
    report: { column: idempotencyKeys.reportId },
    erase: 'rows',
    columns: {
      siteKeyId: 'keep',
      key: 'keep',
      reportId: 'keep',
      requestHash: 'erase',
      responseStatus: 'keep',
      responseSealed: 'erase',
      createdAt: 'keep',
      expiresAt: 'keep',
    },
  }),
  messages: table({
    table: messages,
    report: { column: messages.reportId },
    writableAfterErasure: `NEW.event_type IN (${EVENTS_WITHOUT_PERSONAL_DATA.map((t) => `'${t}'`).join(', ')})`,
    columns: {
      id: 'keep',
      receiverId: 'keep',
      reportId: 'keep',
      eventType: 'keep',
      payloadSealed: 'erase',
      urgent: 'keep',
      state: 'keep',
      attempts: 'keep',
      nextAttemptAt: 'keep',
      leaseOwner: 'keep',
      leaseExpiresAt: 'keep',
      lastError: 'keep',
      createdAt: 'keep',
      deliveredAt: 'keep',
      handedTo: 'keep',
      remoteErasedAt: 'keep',
      reportSeq: 'keep',
    },
  }),
  deliveryAttempts: table({
    table: deliveryAttempts,
    report: {
      column: deliveryAttempts.messageId,
      via: { key: messages.id, report: messages.reportId },
    },
    columns: {
      id: 'keep',
      messageId: 'keep',
      workerId: 'keep',
      attemptedAt: 'keep',
      responseStatus: 'keep',
      durationMs: 'keep',
      responseBody: 'erase',
      error: 'keep',
    },
  }),
  reportAdditions: table({
    table: reportAdditions,
    report: { column: reportAdditions.reportId },
    columns: {
      id: 'keep',
      reportId: 'keep',
      seq: 'keep',
      sealed: 'erase',
      attachmentCount: 'keep',
      createdAt: 'keep',
    },
  }),
  evidenceChains: table({
    table: evidenceChains,
    report: { column: evidenceChains.reportId },
    columns: {
      reportId: 'keep',
      // Without the key, the digests below prove nothing about content that no longer exists.
      keySealed: 'erase',
      headSeq: 'keep',
      headHash: 'keep',
      updatedAt: 'keep',
    },
  }),
  evidenceEvents: table({
    table: evidenceEvents,
    report: { column: evidenceEvents.reportId },
    columns: {
      id: 'keep',
      reportId: 'keep',
      seq: 'keep',
      kind: 'keep',
      at: 'keep',
      sourceId: 'keep',
      contentSealed: 'erase',
      // Keyed by the report's chain key (erased with it): no guess can be tested against them.
      digest: 'keep',
      prevHash: 'keep',
      hash: 'keep',
    },
  }),
  powChallengesSpent: table({
    table: powChallengesSpent,
    columns: { challengeHash: 'keep', expiresAt: 'keep' },
  }),
  consoleSessions: table({
    table: consoleSessions,
    columns: {
      id: 'keep',
      apiKeyId: 'keep',
      csrfHash: 'keep',
      createdAt: 'keep',
      expiresAt: 'keep',
    },
  }),
} satisfies EveryTable

export type PersonalDataEntry = TableData<SQLiteTable>

/** The entries as a list, for code that walks them. */
export const personalDataEntries: readonly PersonalDataEntry[] = Object.values(
  personalData,
) as unknown as PersonalDataEntry[]

/** The columns of `entry` erased with its report, by their property name. */
export function erasedColumns(entry: PersonalDataEntry): { key: string; column: Column }[] {
  const columns = entry.table as unknown as Record<string, Column>
  return Object.entries(entry.columns)
    .filter(([, kind]) => kind === 'erase')
    .map(([key]) => ({ key, column: columns[key] as Column }))
}

/**
 * Copies of report content held outside the database: a payload handed to Svix stays in Svix
 * until expunged. Erasure marks nothing here; the Svix engine finds these messages (handed
 * over, report erased, not yet expunged) and expunges each through the Svix API.
 */
export const remoteCopies = {
  table: messages,
  handedTo: messages.handedTo,
  erasedAt: messages.remoteErasedAt,
} as const
