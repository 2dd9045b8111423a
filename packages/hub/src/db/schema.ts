/**
 * The hub's tables (drizzle on libSQL). Free-form and identifying report content lives only in
 * `sealed` columns, encrypted with AES-256-GCM (`crypto/`); plain columns hold what routing,
 * the operator inbox and the statistics need, and nothing a person wrote.
 *
 * Times are integer milliseconds since the epoch (`timestamp_ms`), so leases and schedules
 * compare as numbers in SQL.
 */
import { sql } from 'drizzle-orm'
import {
  blob,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core'

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`)

export const partners = sqliteTable('partners', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  createdAt: createdAt(),
})

export const siteKeys = sqliteTable(
  'site_keys',
  {
    id: text('id').primaryKey(),
    /** The public key (`spk_…`) a page puts in its markup. */
    key: text('key').notNull(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id),
    label: text('label'),
    allowedOrigins: text('allowed_origins', { mode: 'json' }).$type<string[]>().notNull(),
    requireChallenge: integer('require_challenge', { mode: 'boolean' }).notNull().default(false),
    rateLimitPerMinute: integer('rate_limit_per_minute').notNull().default(600),
    categories: text('categories', { mode: 'json' }).$type<string[] | null>(),
    createdAt: createdAt(),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('site_keys_key').on(t.key), index('site_keys_partner').on(t.partnerId)],
)

export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    scope: text('scope').notNull(),
    partnerId: text('partner_id').references(() => partners.id),
    receiverId: text('receiver_id'),
    /** First characters of the secret, to recognise it in a list. */
    prefix: text('prefix').notNull(),
    /** SHA-256 of the secret (high-entropy, so no slow hash is needed); the secret is never stored. */
    secretHash: text('secret_hash').notNull(),
    createdAt: createdAt(),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('api_keys_secret_hash').on(t.secretHash)],
)

export const receivers = sqliteTable(
  'receivers',
  {
    id: text('id').primaryKey(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id),
    kind: text('kind').notNull(),
    name: text('name', { mode: 'json' }).$type<{ fr: string; en: string }>().notNull(),
    purpose: text('purpose', { mode: 'json' }).$type<{ fr: string; en: string }>().notNull(),
    url: text('url').notNull(),
    profile: text('profile').notNull(),
    filters: text('filters', { mode: 'json' })
      .$type<{ categories?: string[]; platforms?: string[]; countries?: string[] }>()
      .notNull(),
    consentRequired: integer('consent_required', { mode: 'boolean' }).notNull().default(true),
    consentTextVersion: text('consent_text_version').notNull().default('1'),
    /** The Standard Webhooks secret (`whsec_…`), sealed. */
    secretSealed: text('secret_sealed').notNull(),
    /** During a rotation, the previous secret keeps signing until `previousSecretExpiresAt`. */
    previousSecretSealed: text('previous_secret_sealed'),
    previousSecretExpiresAt: integer('previous_secret_expires_at', { mode: 'timestamp_ms' }),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    disabledReason: text('disabled_reason'),
    concurrency: integer('concurrency').notNull().default(4),
    ratePerSecond: integer('rate_per_second').notNull().default(20),
    /** Set at the first failure after a success; cleared by a success. */
    failingSince: integer('failing_since', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('receivers_partner').on(t.partnerId)],
)

export const reports = sqliteTable(
  'reports',
  {
    id: text('id').primaryKey(),
    reference: text('reference').notNull(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id),
    siteKeyId: text('site_key_id'),
    /** SHA-256 of the receipt token; the token itself is shown once and never stored. */
    receiptTokenHash: text('receipt_token_hash').notNull(),
    status: text('status').notNull(),
    urgent: integer('urgent', { mode: 'boolean' }).notNull(),
    category: text('category').notNull(),
    subtypes: text('subtypes', { mode: 'json' }).$type<string[]>().notNull(),
    platform: text('platform').notNull(),
    raid: integer('raid', { mode: 'boolean' }).notNull(),
    ongoing: integer('ongoing', { mode: 'boolean' }).notNull(),
    reporterRole: text('reporter_role').notNull(),
    targetAge: text('target_age').notNull(),
    targetIsWomanOrGirl: integer('target_is_woman_or_girl', { mode: 'boolean' }),
    minorInvolved: integer('minor_involved', { mode: 'boolean' }).notNull(),
    goodFaith: integer('good_faith', { mode: 'boolean' }).notNull(),
    locale: text('locale').notNull(),
    country: text('country'),
    source: text('source').notNull(),
    userAgentFamily: text('user_agent_family').notNull(),
    dsa: text('dsa', { mode: 'json' }).notNull(),
    ozoneReasons: text('ozone_reasons', { mode: 'json' }).$type<string[]>().notNull(),
    consents: text('consents', { mode: 'json' }).notNull(),
    /**
     * Sealed JSON of everything a person wrote or that identifies someone: description, content
     * and evidence URLs, accounts, target handle, evidence texts, contact. Null once erased.
     */
    sealed: text('sealed'),
    attachmentCount: integer('attachment_count').notNull().default(0),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    /** First status set by a receiver: for "median time to first action" statistics. */
    firstActionAt: integer('first_action_at', { mode: 'timestamp_ms' }),
    withdrawnAt: integer('withdrawn_at', { mode: 'timestamp_ms' }),
    /** When the retention job erased the personal fields of a closed report. */
    purgedAt: integer('purged_at', { mode: 'timestamp_ms' }),
    /**
     * When the report's personal data was erased (withdrawal or retention): from then on, the
     * erasure guards (`db/erasure-guards.ts`) keep any late writer from putting some back.
     */
    erasedAt: integer('erased_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('reports_reference').on(t.reference),
    index('reports_partner_submitted').on(t.partnerId, t.submittedAt),
    index('reports_inbox').on(t.urgent, t.submittedAt),
  ],
)

export const attachments = sqliteTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    reportId: text('report_id')
      .notNull()
      .references(() => reports.id),
    mediaType: text('media_type').notNull(),
    bytes: integer('bytes').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    /** SHA-256 of the stripped image, so receivers can check what they download. */
    sha256: text('sha256').notNull(),
    /** The stripped image, sealed. Null once erased. */
    dataSealed: blob('data_sealed', { mode: 'buffer' }),
    /** When the hub received it. */
    createdAt: createdAt(),
    /** The addition that brought it (`report_additions.id`); null for the first sending. */
    additionId: text('addition_id'),
    /** SHA-256 and size of the bytes received, before stripping. Null for older rows. */
    receivedSha256: text('received_sha256'),
    receivedBytes: integer('received_bytes'),
    /** The device's SHA-256 and size of the original, before it re-encoded it, if it said. */
    originalSha256: text('original_sha256'),
    originalBytes: integer('original_bytes'),
  },
  (t) => [index('attachments_report').on(t.reportId)],
)

/** What happened to a report, for the operator and (in plain words) for the reporter. */
export const timelineEvents = sqliteTable(
  'timeline_events',
  {
    id: text('id').primaryKey(),
    reportId: text('report_id')
      .notNull()
      .references(() => reports.id),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    /** received · routing · delivered · status_changed · withdrawn · purged */
    kind: text('kind').notNull(),
    status: text('status'),
    receiverId: text('receiver_id'),
    decision: text('decision'),
    reason: text('reason'),
    actions: text('actions', { mode: 'json' }).$type<string[] | null>(),
    /** A receiver's note for the reporter, sealed. */
    noteSealed: text('note_sealed'),
  },
  (t) => [index('timeline_report').on(t.reportId, t.at)],
)

/**
 * Same key + same body → same answer, for 24 hours. The answer holds a receipt token: sealed.
 * Rows go when they expire (retention job) and when their report is erased.
 */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    siteKeyId: text('site_key_id').notNull(),
    key: text('key').notNull(),
    /** The report this answer created. */
    reportId: text('report_id').references(() => reports.id),
    /** HMAC of the request under a server key (`intake/idempotency.ts`), never a plain hash. */
    requestHash: text('request_hash').notNull(),
    responseStatus: integer('response_status').notNull(),
    responseSealed: text('response_sealed').notNull(),
    createdAt: createdAt(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.siteKeyId, t.key] }),
    index('idempotency_expiry').on(t.expiresAt),
    index('idempotency_report').on(t.reportId),
  ],
)

/**
 * The transactional outbox: one row per webhook message, written in the same transaction as
 * the report. `id` is the Standard Webhooks `webhook-id`, stable across retries.
 */
export const messages = sqliteTable(
  'messages',
  {
    id: text('id').primaryKey(),
    receiverId: text('receiver_id')
      .notNull()
      .references(() => receivers.id),
    reportId: text('report_id').references(() => reports.id),
    eventType: text('event_type').notNull(),
    /** The event body `{ type, timestamp, data }` cut to the receiver's profile, sealed. */
    payloadSealed: text('payload_sealed'),
    urgent: integer('urgent', { mode: 'boolean' }).notNull().default(false),
    /** pending · delivering · succeeded · failed · dead · cancelled */
    state: text('state').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }),
    /** The worker holding the message, and until when; an expired lease may be taken over. */
    leaseOwner: text('lease_owner'),
    leaseExpiresAt: integer('lease_expires_at', { mode: 'timestamp_ms' }),
    lastError: text('last_error'),
    createdAt: createdAt(),
    deliveredAt: integer('delivered_at', { mode: 'timestamp_ms' }),
    /** The engine holding a copy of the payload outside the hub (`svix`), if it was handed over. */
    handedTo: text('handed_to'),
    /** When that outside copy's content was expunged, after the report's erasure. */
    remoteErasedAt: integer('remote_erased_at', { mode: 'timestamp_ms' }),
    /**
     * The position in its report's evidence chain of the event that queued it: for one receiver,
     * a report's messages go out in this order (`claimDue`). Null for messages without a report.
     */
    reportSeq: integer('report_seq'),
  },
  (t) => [
    index('messages_due').on(t.state, t.urgent, t.nextAttemptAt),
    index('messages_receiver').on(t.receiverId, t.createdAt),
    // By report (erasure, recipients), and by receiver and order within it (`claimDue`).
    index('messages_report_order').on(t.reportId, t.receiverId, t.reportSeq),
  ],
)

export const deliveryAttempts = sqliteTable(
  'delivery_attempts',
  {
    id: text('id').primaryKey(),
    messageId: text('message_id')
      .notNull()
      .references(() => messages.id),
    workerId: text('worker_id').notNull(),
    attemptedAt: integer('attempted_at', { mode: 'timestamp_ms' }).notNull(),
    responseStatus: integer('response_status'),
    durationMs: integer('duration_ms').notNull(),
    /** The first 2 KB of the response body. */
    responseBody: text('response_body'),
    error: text('error'),
  },
  (t) => [index('attempts_message').on(t.messageId, t.attemptedAt)],
)

/**
 * Console sessions: an operator or receiver API key exchanged for a cookie. Only the SHA-256
 * of the session secret is stored (`id`), with the CSRF token's SHA-256 and an expiry; the key
 * is looked up on every request, so revoking it ends its sessions too.
 */
export const consoleSessions = sqliteTable(
  'console_sessions',
  {
    /** SHA-256 (hex) of the cookie's secret. */
    id: text('id').primaryKey(),
    apiKeyId: text('api_key_id')
      .notNull()
      .references(() => apiKeys.id),
    /** SHA-256 (hex) of the CSRF token the console sends as a header on every state change. */
    csrfHash: text('csrf_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('console_sessions_expiry').on(t.expiresAt)],
)

/**
 * Proof-of-work challenges already used, shared by every hub process on the database, so a
 * solved challenge is accepted once: the primary key refuses a second spend. Keyed by the
 * SHA-256 (hex) of the challenge; a row may go once `expiresAt` (the challenge's own expiry
 * plus a margin for clocks) has passed, since the challenge is refused as expired by then.
 */
export const powChallengesSpent = sqliteTable(
  'pow_challenges_spent',
  {
    challengeHash: text('challenge_hash').primaryKey(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('pow_challenges_spent_expiry').on(t.expiresAt)],
)

/**
 * Cases: reports grouped about one situation (`cases/`). Plain columns only — dates, flags, a
 * category, counts, who works on it — nothing a person wrote: what reports are grouped on is in
 * `case_keys`, as keyed fingerprints.
 */
export const cases = sqliteTable(
  'cases',
  {
    id: text('id').primaryKey(),
    /** `CS-7K3Q-9XWD`. */
    reference: text('reference').notNull(),
    /** Grouping stays within one partner's reports (its tenant). */
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id),
    /** open · closed · merged */
    status: text('status').notNull(),
    urgent: integer('urgent', { mode: 'boolean' }).notNull(),
    /** The category of the report that sets `dueAt`. */
    category: text('category').notNull(),
    raid: integer('raid', { mode: 'boolean' }).notNull().default(false),
    raidDetectedAt: integer('raid_detected_at', { mode: 'timestamp_ms' }),
    reportCount: integer('report_count').notNull().default(0),
    firstReportAt: integer('first_report_at', { mode: 'timestamp_ms' }).notNull(),
    lastReportAt: integer('last_report_at', { mode: 'timestamp_ms' }).notNull(),
    /** The earliest due time of its reports' service levels. */
    dueAt: integer('due_at', { mode: 'timestamp_ms' }).notNull(),
    /** The operator API key working on it. */
    assigneeKeyId: text('assignee_key_id').references(() => apiKeys.id),
    mergedInto: text('merged_into'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('cases_reference').on(t.reference),
    index('cases_queue').on(t.status, t.urgent, t.dueAt),
    index('cases_assignee').on(t.assigneeKeyId, t.status),
  ],
)

/** Which case each grouped report is in, and what it shared with the case when it joined. */
export const caseMembers = sqliteTable(
  'case_members',
  {
    reportId: text('report_id')
      .primaryKey()
      .references(() => reports.id),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    joinedAt: integer('joined_at', { mode: 'timestamp_ms' }).notNull(),
    /** The report's `submitted_at`, for the raid window. */
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }).notNull(),
    /** target_handle · account · content_url: the kinds shared, never the values. */
    matched: text('matched', { mode: 'json' }).$type<string[]>().notNull(),
  },
  (t) => [index('case_members_case').on(t.caseId, t.submittedAt)],
)

/**
 * What a report can be grouped on, as keyed fingerprints of the normalised values
 * (`cases/keys.ts`): looked up by index, so grouping costs the same at the 10,000th report of a
 * raid as at the first. Erased with the report.
 */
export const caseKeys = sqliteTable(
  'case_keys',
  {
    fingerprint: text('fingerprint').notNull(),
    reportId: text('report_id')
      .notNull()
      .references(() => reports.id),
    /** The report's `submitted_at`: the grouping window is counted on it. */
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.fingerprint, t.reportId] }),
    index('case_keys_lookup').on(t.fingerprint, t.at),
    index('case_keys_report').on(t.reportId),
  ],
)

/**
 * Reports accepted and not yet grouped, written in the intake's transaction: the grouper takes
 * them from here after the commit, so a crash between the 201 and the grouping loses nothing.
 */
export const caseQueue = sqliteTable(
  'case_queue',
  {
    reportId: text('report_id')
      .primaryKey()
      .references(() => reports.id),
    queuedAt: integer('queued_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('case_queue_order').on(t.queuedAt)],
)

/** Every grouping and desk decision on a case, with its reason: the case's own timeline. */
export const caseEvents = sqliteTable(
  'case_events',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    /** `CaseEventKind` of the schemas. */
    kind: text('kind').notNull(),
    reportId: text('report_id'),
    /** For `joined`: the kinds shared. */
    matched: text('matched', { mode: 'json' }).$type<string[] | null>(),
    /** The other case of a merge or a split. */
    otherCaseId: text('other_case_id'),
    /** The operator key that decided; null for the hub itself (grouping, raid) and the CLI. */
    actorKeyId: text('actor_key_id'),
    /** For `assigned`: the operator key the case went to. */
    assigneeKeyId: text('assignee_key_id'),
    count: integer('count'),
    status: text('status'),
  },
  (t) => [index('case_events_case').on(t.caseId, t.at)],
)

/**
 * Internal notes of the support team: sealed, about one report of the case, and erased with
 * that report's personal data. Never in a webhook, a status page or a receiver's view.
 */
export const caseNotes = sqliteTable(
  'case_notes',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    reportId: text('report_id')
      .notNull()
      .references(() => reports.id),
    authorKeyId: text('author_key_id').references(() => apiKeys.id),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    /** The note, sealed under `case-note:<id>`. */
    textSealed: text('text_sealed').notNull(),
  },
  (t) => [index('case_notes_case').on(t.caseId, t.at), index('case_notes_report').on(t.reportId)],
)

/** An operator's console preferences, per API key (the console keeps no web storage). */
export const consolePreferences = sqliteTable('console_preferences', {
  apiKeyId: text('api_key_id')
    .primaryKey()
    .references(() => apiKeys.id),
  /** blurred · hidden · shown */
  mediaDisplay: text('media_display').notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
})

/**
 * A platform's decision given with a status (`StatusUpdate.decision`, a DSA statement of
 * reasons): one per status change, keyed by its timeline entry. Sealed — the platform's
 * explanations may name people — and erased with the report.
 */
export const reportDecisions = sqliteTable(
  'report_decisions',
  {
    /** The `status_changed` timeline entry it came with. */
    eventId: text('event_id').primaryKey(),
    reportId: text('report_id')
      .notNull()
      .references(() => reports.id),
    receiverId: text('receiver_id'),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    decisionSealed: text('decision_sealed'),
  },
  (t) => [index('report_decisions_report').on(t.reportId, t.at)],
)

/** The reporter contested the answer: once per report (the key refuses a second time). */
export const reportContests = sqliteTable('report_contests', {
  reportId: text('report_id')
    .primaryKey()
    .references(() => reports.id),
  at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  /** The status contested: `action_taken` or `no_action`. */
  status: text('status').notNull(),
  /** Her reason, sealed. */
  reasonSealed: text('reason_sealed'),
})

/**
 * "Tell me when my report moves": the address, sealed, for as long as she wants. Stopping
 * deletes the row, and so does the report's erasure.
 */
export const reportNotifications = sqliteTable('report_notifications', {
  reportId: text('report_id')
    .primaryKey()
    .references(() => reports.id),
  channel: text('channel').notNull().default('email'),
  addressSealed: text('address_sealed').notNull(),
  createdAt: createdAt(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
})

/**
 * Operator alerts (`alerts/`): one row per occurrence — the occurrence key is unique, so an
 * alert raised twice for the same thing exists once. Nothing personal: ids and reasons.
 */
export const operatorAlerts = sqliteTable(
  'operator_alerts',
  {
    id: text('id').primaryKey(),
    /** receiver_disabled · message_dead · raid_detected · case_overdue */
    kind: text('kind').notNull(),
    occurrenceKey: text('occurrence_key').notNull(),
    /** The `AlertData` sent by e-mail and webhook. */
    data: text('data', { mode: 'json' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('operator_alerts_occurrence').on(t.occurrenceKey)],
)

/**
 * The mail outbox (`notifications/`): one row per mail to send — a report's news for its
 * reporter, or an operator alert — written in the same transaction as what caused it and
 * unique per (report, event) or per alert, so a restart never queues one twice. No address
 * and no text here: the address is read from `report_notifications` (or the settings, for
 * alerts) when sending, so a mail whose reporter stopped notifications or withdrew is never
 * sent. Claimed under a lease and retried like webhooks.
 */
export const mailOutbox = sqliteTable(
  'mail_outbox',
  {
    id: text('id').primaryKey(),
    /** report_update · alert */
    kind: text('kind').notNull(),
    reportId: text('report_id').references(() => reports.id),
    alertId: text('alert_id').references(() => operatorAlerts.id),
    dedupeKey: text('dedupe_key').notNull(),
    /** pending · sending · failed · sent · dead · cancelled */
    state: text('state').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }),
    leaseOwner: text('lease_owner'),
    leaseExpiresAt: integer('lease_expires_at', { mode: 'timestamp_ms' }),
    /** The SMTP reply code or network error of the last failure, never the server's words. */
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('mail_outbox_dedupe').on(t.dedupeKey),
    index('mail_outbox_due').on(t.state, t.nextAttemptAt),
    index('mail_outbox_report').on(t.reportId),
  ],
)

/**
 * The living report: what a person added after sending (an incident: links, accounts, a
 * description; its screenshots are `attachments` rows naming it). Personal content sealed.
 */
export const reportAdditions = sqliteTable(
  'report_additions',
  {
    id: text('id').primaryKey(),
    reportId: text('report_id')
      .notNull()
      .references(() => reports.id),
    /** 1, 2, 3… per report: the `sequence` of `report.updated`. */
    seq: integer('seq').notNull(),
    /** Sealed JSON of the addition (description, links, accounts, texts). Null once erased. */
    sealed: text('sealed'),
    attachmentCount: integer('attachment_count').notNull().default(0),
    createdAt: createdAt(),
    /** The `Idempotency-Key` it was sent with, if any: a retry with it gets this addition back. */
    requestKey: text('request_key'),
    /** Keyed fingerprint of the request (`intake/idempotency.ts`): the same key with another body is a conflict. */
    requestDigest: text('request_digest'),
  },
  (t) => [
    uniqueIndex('report_additions_order').on(t.reportId, t.seq),
    uniqueIndex('report_additions_request').on(t.reportId, t.requestKey),
  ],
)

/**
 * A report's evidence chain (`evidence/chain.ts`): its key — random per report, sealed, erased
 * with the report — and its head, so an append reads one row.
 */
export const evidenceChains = sqliteTable('evidence_chains', {
  reportId: text('report_id')
    .primaryKey()
    .references(() => reports.id),
  /** 32 random bytes, sealed: the HMAC key of the entries' digests. Null once erased. */
  keySealed: text('key_sealed'),
  headSeq: integer('head_seq').notNull(),
  headHash: text('head_hash').notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
})

/**
 * One entry of a report's evidence chain: what happened (`kind`, `at`), a digest of its
 * content keyed by the report's chain key, and the hash linking it to the entry before. The
 * content itself is sealed beside it for the evidence pack, and erased with the report.
 */
export const evidenceEvents = sqliteTable(
  'evidence_events',
  {
    id: text('id').primaryKey(),
    reportId: text('report_id')
      .notNull()
      .references(() => reports.id),
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    /** What it records, when that is a row of its own (a delivered message's id). */
    sourceId: text('source_id'),
    /** Sealed canonical JSON of the content. Null once erased. */
    contentSealed: text('content_sealed'),
    /** HMAC-SHA256 (hex) of the content under the chain key: proves nothing once the key is gone. */
    digest: text('digest').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('evidence_events_order').on(t.reportId, t.seq),
    index('evidence_events_source').on(t.reportId, t.sourceId),
  ],
)
