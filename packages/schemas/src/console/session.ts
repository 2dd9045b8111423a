/** The operator console's session: an API key exchanged for an HttpOnly cookie and a CSRF token. */
import { z } from 'zod'
import { Timestamp } from '../primitives'

export const ConsoleRole = z.enum(['operator', 'receiver'])
export type ConsoleRole = z.infer<typeof ConsoleRole>

export const ConsoleSignIn = z
  .strictObject({ apiKey: z.string().min(10).max(200) })
  .meta({ id: 'ConsoleSignIn' })
export type ConsoleSignIn = z.infer<typeof ConsoleSignIn>

export const ConsoleSession = z
  .object({
    role: ConsoleRole,
    /** Set for the receiver role: the only receiver this session sees. */
    receiverId: z.string().nullable(),
    keyName: z.string(),
    /** Send it back as the `x-csrf-token` header on every request that changes something. */
    csrfToken: z.string(),
    expiresAt: Timestamp,
  })
  .meta({ id: 'ConsoleSession' })
export type ConsoleSession = z.infer<typeof ConsoleSession>
