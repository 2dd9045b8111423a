/**
 * Operational events: alerts for the people who run the hub, sent (signed like every webhook)
 * to receivers of kind `operations` and by e-mail. Each is raised once per occurrence and
 * carries a link to the console; never report content, never personal data.
 */
import { z } from 'zod'
import { HttpUrl, Timestamp } from '../primitives'

export const alertKinds = [
  'receiver_disabled',
  'message_dead',
  'raid_detected',
  'case_overdue',
] as const
export const AlertKind = z.enum(alertKinds)
export type AlertKind = z.infer<typeof AlertKind>

/** What every alert says; the fields of its kind are set, the others absent. */
export const AlertData = z.object({
  alertId: z.string().max(60),
  kind: AlertKind,
  occurredAt: Timestamp,
  /** Where to look in the console. */
  consoleUrl: HttpUrl,
  /** receiver_disabled, message_dead: the receiver. */
  receiverId: z.string().max(60).optional(),
  /** receiver_disabled: why (e.g. failing for 5 days, or 410 Gone). */
  reason: z.string().max(500).optional(),
  /** message_dead: the message, its event type and attempts. */
  messageId: z.string().max(60).optional(),
  eventType: z.string().max(60).optional(),
  attempts: z.number().int().min(0).optional(),
  /** message_dead: the report concerned; raid_detected, case_overdue: the case (`CS-…`). */
  reference: z.string().max(40).optional(),
  /** raid_detected, case_overdue: the case. */
  caseId: z.string().max(60).optional(),
  /** raid_detected: how many reports make the raid. */
  reports: z.number().int().min(0).optional(),
  /** case_overdue: when the case was due. */
  dueAt: Timestamp.optional(),
})
export type AlertData = z.infer<typeof AlertData>

export const operationsEventTypes = [
  'operations.receiver_disabled',
  'operations.message_dead',
  'operations.raid_detected',
  'operations.case_overdue',
] as const satisfies readonly `operations.${AlertKind}`[]

function alertEvent<K extends AlertKind>(kind: K) {
  return z
    .object({
      type: z.literal(`operations.${kind}` as const),
      timestamp: Timestamp,
      data: AlertData.extend({ kind: z.literal(kind) }),
    })
    .meta({
      id: `Operations${kind.replace(/(^|_)(\w)/g, (_, __, c: string) => c.toUpperCase())}Event`,
    })
}

export const OperationsReceiverDisabledEvent = alertEvent('receiver_disabled')
export const OperationsMessageDeadEvent = alertEvent('message_dead')
export const OperationsRaidDetectedEvent = alertEvent('raid_detected')
export const OperationsCaseOverdueEvent = alertEvent('case_overdue')
export const operationsEvents = [
  OperationsReceiverDisabledEvent,
  OperationsMessageDeadEvent,
  OperationsRaidDetectedEvent,
  OperationsCaseOverdueEvent,
] as const
export type OperationsEvent = z.infer<(typeof operationsEvents)[number]>
