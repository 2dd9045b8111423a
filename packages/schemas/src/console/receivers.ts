/** A receiver as the console shows it: its settings and its delivery health. */
import { z } from 'zod'
import { Receiver } from '../admin/receivers'
import { boundedText, Timestamp } from '../primitives'

export const ReceiverHealth = z.object({
  /** Attempts in the last 7 days. */
  attempts: z.number().int(),
  /** Share of those attempts that succeeded; null without attempts. */
  successRate: z.number().min(0).max(1).nullable(),
  /** Median duration of those attempts. */
  medianLatencyMs: z.number().nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: Timestamp.nullable(),
  /** Messages waiting (pending or being delivered) and failed for good (failed or dead). */
  pending: z.number().int(),
  failed: z.number().int(),
})
export type ReceiverHealth = z.infer<typeof ReceiverHealth>

export const ConsoleReceiver = Receiver.extend({ health: ReceiverHealth }).meta({
  id: 'ConsoleReceiver',
})
export type ConsoleReceiver = z.infer<typeof ConsoleReceiver>

/** Disabling a receiver from the console: why, for the other operators (and the receiver). */
export const ConsoleReceiverDisable = z
  .strictObject({ reason: boundedText(500) })
  .meta({ id: 'ConsoleReceiverDisable' })
export type ConsoleReceiverDisable = z.infer<typeof ConsoleReceiverDisable>
