/**
 * Being told when a report moves: an e-mail address the hub keeps sealed, only to send a
 * neutral "there is news" message (no category, no names, no content, no link with the code).
 */
import { z } from 'zod'

const Email = z.string().trim().max(254).pipe(z.email('Must be an e-mail address'))

/** At submission (`ReportIntake.notifications`) or later (`PUT …/notifications`). */
export const NotificationRequest = z
  .strictObject({ email: Email })
  .meta({ id: 'NotificationRequest', title: 'Tell me by e-mail when my report moves' })
export type NotificationRequest = z.infer<typeof NotificationRequest>

/** Whether she is told; the address itself is never sent back. */
export const NotificationSettings = z
  .object({ active: z.boolean(), channel: z.literal('email').optional() })
  .meta({ id: 'NotificationSettings', title: 'Notifications of a report' })
export type NotificationSettings = z.infer<typeof NotificationSettings>
