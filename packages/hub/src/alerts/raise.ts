/**
 * Raising an operator alert: once per occurrence, durably, in the write unit of what caused it.
 * The occurrence key is unique (`operator_alerts_occurrence`), so raising the same occurrence
 * again — a retried unit, two processes noticing the same thing — does nothing. A new alert
 * queues one mail (if `ALERT_EMAIL` is set and the kind is mailed) and one signed
 * `operations.<kind>` webhook per enabled `operations` receiver (if the kind is sent by
 * webhook), in the same transaction.
 *
 * The case code (raids, overdue cases) calls it too:
 *
 * @example
 * await hub.write((tx) =>
 *   raiseAlert(tx, alerts, {
 *     kind: 'case_overdue',
 *     occurrenceKey: `case_overdue:${caseId}:${dueAt.getTime()}`,
 *     consolePath: `#/cases/${caseId}`,
 *     data: { caseId, dueAt: dueAt.toISOString() },
 *     now,
 *   }),
 * )
 */
import type { AlertData, AlertKind, OperationsEvent } from '@safe-place/schemas'
import { and, eq } from 'drizzle-orm'
import type { Logger } from 'pino'
import type { Keyring } from '../crypto/keyring'
import { operatorAlerts, receivers } from '../db/schema'
import type { WriteTx } from '../db/types'
import { enqueueMessages } from '../delivery/outbox'
import { newId } from '../ids'
import { enqueueMail } from '../notifications/mail-outbox'
import type { AlertSettings } from './config'

/** What raising an alert needs; built once at start (`server.ts`) and shared. */
export interface AlertContext {
  settings: AlertSettings
  keyring: Keyring
  logger: Logger
  /** The hub's public base URL (`SAFE_PLACE_PUBLIC_URL`), for console links. */
  publicUrl: string
}

export interface AlertInput {
  kind: AlertKind
  /** The same occurrence gives the same key: e.g. `message_dead:<id>:<attempt time>`. */
  occurrenceKey: string
  /** The console route to open, e.g. `#/deliveries`. */
  consolePath: string
  data: Omit<AlertData, 'alertId' | 'kind' | 'occurredAt' | 'consoleUrl'>
  now: Date
  /** False to skip the webhook for this one (the mail still goes); default true. */
  webhook?: boolean
}

function consoleUrl(publicUrl: string, path: string): string {
  return new URL(`console/${path}`, publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`).href
}

/** Raises the alert unless this occurrence already was; returns its id, or null. */
export async function raiseAlert(
  tx: WriteTx,
  ctx: AlertContext,
  input: AlertInput,
): Promise<string | null> {
  const id = newId('alr')
  const data: AlertData = {
    ...input.data,
    alertId: id,
    kind: input.kind,
    occurredAt: input.now.toISOString(),
    consoleUrl: consoleUrl(ctx.publicUrl, input.consolePath),
  }
  const inserted = await tx
    .insert(operatorAlerts)
    .values({
      id,
      kind: input.kind,
      occurrenceKey: input.occurrenceKey,
      data,
      createdAt: input.now,
    })
    .onConflictDoNothing({ target: operatorAlerts.occurrenceKey })
  if (inserted.rowsAffected === 0) return null
  const { settings } = ctx
  if (settings.email.length && settings.emailKinds.includes(input.kind)) {
    await enqueueMail(tx, { kind: 'alert', alertId: id, dedupeKey: `alert:${id}` }, input.now)
  }
  if (input.webhook !== false && settings.webhookKinds.includes(input.kind)) {
    const endpoints = await tx
      .select({ id: receivers.id })
      .from(receivers)
      .where(and(eq(receivers.kind, 'operations'), eq(receivers.enabled, true)))
    // An endpoint is not told about itself: it would not hear it anyway.
    const to = endpoints.filter((r) => r.id !== input.data.receiverId)
    await enqueueMessages(
      tx,
      ctx.keyring,
      to.map((r) => ({
        receiverId: r.id,
        reportId: null,
        event: {
          type: `operations.${input.kind}`,
          timestamp: data.occurredAt,
          data,
        } as OperationsEvent,
        urgent: true,
      })),
      input.now,
    )
  }
  ctx.logger.warn({ event: 'alert.raised', kind: input.kind, alertId: id }, 'operator alert')
  return id
}
