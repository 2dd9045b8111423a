/**
 * Consent to share a report with one receiver: opt-in, never pre-ticked, given for a versioned
 * text the reporter was shown, at a time. A receiver absent from the list has no consent.
 */
import { z } from 'zod'
import { prefixedId, Timestamp } from '../primitives'

export const ReceiverId = prefixedId('rcv')
export type ReceiverId = z.infer<typeof ReceiverId>

export const ConsentGrant = z.strictObject({
  receiverId: ReceiverId,
  /** Version of the consent text shown, as given by the hub's widget config. */
  textVersion: z.string().regex(/^[0-9A-Za-z._-]{1,40}$/, 'Must be a consent text version'),
  grantedAt: Timestamp,
})
export type ConsentGrant = z.infer<typeof ConsentGrant>

/** A consent as the hub recorded it, with the server's own clock beside the reporter's. */
export const ConsentRecord = z.object({
  receiverId: ReceiverId,
  textVersion: z.string(),
  grantedAt: Timestamp,
  recordedAt: Timestamp,
})
export type ConsentRecord = z.infer<typeof ConsentRecord>
