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
  caseEvents,
  caseKeys,
  caseMembers,
  caseNotes,
  caseQueue,
  cases,
  consolePreferences,
  consoleSessions,
  deliveryAttempts,
  evidenceChains,
  evidenceEvents,
  idempotencyKeys,
  mailOutbox,
  messages,
  operatorAlerts,
  partners,
  powChallengesSpent,
  receivers,
  reportAdditions,
  reportContests,
  reportDecisions,
  reportNotifications,
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
const EVENTS_WITHOUT_PERSONAL_DATA = [
  'report.withdrawn',
  'report.status_changed',
  'operations.receiver_disabled',
  'operations.message_dead',
  'operations.raid_detected',
  'operations.case_overdue',
] as const

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
      // A random key and a keyed fingerprint: nothing of her, but of her request; gone with it.
      requestKey: 'erase',
      requestDigest: 'erase',
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
  cases: table({
    table: cases,
    columns: {
      id: 'keep',
      reference: 'keep',
      partnerId: 'keep',
      status: 'keep',
      urgent: 'keep',
      category: 'keep',
      raid: 'keep',
      raidDetectedAt: 'keep',
      reportCount: 'keep',
      firstReportAt: 'keep',
      lastReportAt: 'keep',
      dueAt: 'keep',
      assigneeKeyId: 'keep',
      mergedInto: 'keep',
      createdAt: 'keep',
      updatedAt: 'keep',
      closedAt: 'keep',
    },
  }),
  // Membership stays after an erasure: it holds which case, when and the kinds shared, so the
  // case keeps its counts and its timeline its shape, and nothing of what the report said.
  caseMembers: table({
    table: caseMembers,
    report: { column: caseMembers.reportId },
    columns: {
      reportId: 'keep',
      caseId: 'keep',
      joinedAt: 'keep',
      submittedAt: 'keep',
      matched: 'keep',
    },
  }),
  // Fingerprints of the handle, accounts and links: the report's values, keyed. Gone with it,
  // so an erased report is matched by nothing any more.
  caseKeys: table({
    table: caseKeys,
    report: { column: caseKeys.reportId },
    erase: 'rows',
    columns: { fingerprint: 'erase', reportId: 'keep', at: 'keep' },
  }),
  // A report erased before it was grouped is not grouped.
  caseQueue: table({
    table: caseQueue,
    report: { column: caseQueue.reportId },
    erase: 'rows',
    columns: { reportId: 'keep', queuedAt: 'keep' },
  }),
  caseEvents: table({
    table: caseEvents,
    columns: {
      id: 'keep',
      caseId: 'keep',
      at: 'keep',
      kind: 'keep',
      reportId: 'keep',
      matched: 'keep',
      otherCaseId: 'keep',
      actorKeyId: 'keep',
      assigneeKeyId: 'keep',
      count: 'keep',
      status: 'keep',
    },
  }),
  // An internal note goes with the personal data of the report it is about (docs/cases.md).
  caseNotes: table({
    table: caseNotes,
    report: { column: caseNotes.reportId },
    erase: 'rows',
    columns: {
      id: 'keep',
      caseId: 'keep',
      reportId: 'keep',
      authorKeyId: 'keep',
      at: 'keep',
      textSealed: 'erase',
    },
  }),
  consolePreferences: table({
    table: consolePreferences,
    columns: { apiKeyId: 'keep', mediaDisplay: 'keep', updatedAt: 'keep' },
  }),
  reportDecisions: table({
    table: reportDecisions,
    report: { column: reportDecisions.reportId },
    columns: {
      eventId: 'keep',
      reportId: 'keep',
      receiverId: 'keep',
      at: 'keep',
      decisionSealed: 'erase',
    },
  }),
  reportContests: table({
    table: reportContests,
    report: { column: reportContests.reportId },
    columns: { reportId: 'keep', at: 'keep', status: 'keep', reasonSealed: 'erase' },
  }),
  reportNotifications: table({
    table: reportNotifications,
    report: { column: reportNotifications.reportId },
    erase: 'rows',
    columns: {
      reportId: 'keep',
      channel: 'keep',
      addressSealed: 'erase',
      createdAt: 'keep',
      updatedAt: 'keep',
    },
  }),
  operatorAlerts: table({
    table: operatorAlerts,
    columns: { id: 'keep', kind: 'keep', occurrenceKey: 'keep', data: 'keep', createdAt: 'keep' },
  }),
  mailOutbox: table({
    table: mailOutbox,
    report: { column: mailOutbox.reportId },
    columns: {
      id: 'keep',
      kind: 'keep',
      reportId: 'keep',
      alertId: 'keep',
      dedupeKey: 'keep',
      state: 'keep',
      attempts: 'keep',
      nextAttemptAt: 'keep',
      leaseOwner: 'keep',
      leaseExpiresAt: 'keep',
      // Already reduced to a reply code; erased all the same, in case a server's code says more.
      lastError: 'erase',
      createdAt: 'keep',
      sentAt: 'keep',
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
