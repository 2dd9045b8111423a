/**
 * Mail settings, validated with the rest of `HubConfig` (`config.ts` reads them from the
 * environment; a bad value stops the start naming its variable):
 *
 * - `SMTP_URL` — `smtp://user:pass@host:587` or `smtps://…:465` (nodemailer's URL form); without
 *   it no mail is sent, the panel does not offer notifications and alerts go by webhook only;
 * - `SMTP_FROM` — the sender, e.g. `Safe Place <no-reply@example.org>`;
 * - `MAIL_RETRY_SCHEDULE` — delays before each attempt (the webhooks' schedule by default);
 * - `SMTP_TIMEOUT` — per connection and per command (15 s).
 */
import { z } from 'zod'

export const MailSettings = z.object({
  smtpUrl: z
    .string()
    .regex(/^smtps?:\/\/[^/\s]+/, 'Must be an smtp:// or smtps:// URL')
    .optional(),
  from: z.string().min(3).max(300).default('Safe Place <no-reply@localhost>'),
  retryScheduleMs: z.array(z.number().int().min(0)).min(1).max(50).optional(),
  timeoutMs: z.number().int().min(100).max(600_000).optional(),
})
export type MailSettings = z.infer<typeof MailSettings>
