/** Operator API: the mail outbox as operators see it — states and errors, never an address. */
import { z } from 'zod'
import { Timestamp } from '../primitives'

export const MailState = z.enum(['pending', 'sending', 'failed', 'sent', 'dead', 'cancelled'])
export type MailState = z.infer<typeof MailState>

export const MailOutboxItem = z
  .object({
    id: z.string(),
    /** `report_update` (a reporter's neutral news) or `alert` (an operator alert). */
    kind: z.enum(['report_update', 'alert']),
    state: MailState,
    attempts: z.number().int().min(0),
    /** The SMTP reply code or network error of the last failure (`smtp 451`, `ECONNREFUSED`). */
    lastError: z.string().nullable(),
    /** The report it is about, by reference (its news, never its content). */
    reference: z.string().nullable(),
    alertId: z.string().nullable(),
    createdAt: Timestamp,
    nextAttemptAt: Timestamp.nullable(),
    sentAt: Timestamp.nullable(),
  })
  .meta({ id: 'MailOutboxItem' })
export type MailOutboxItem = z.infer<typeof MailOutboxItem>
