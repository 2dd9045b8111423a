/**
 * Which operator alerts go where, per kind (`HubConfig.alerts`):
 *
 * - `ALERT_EMAIL` — comma-separated addresses that get alert mails (none: no alert mail);
 * - `ALERT_EMAIL_KINDS`, `ALERT_WEBHOOK_KINDS` — the kinds sent by each channel, comma-separated
 *   (`receiver_disabled,message_dead,raid_detected,case_overdue`, every kind by default; `none`
 *   for none). Webhooks go to every enabled receiver of kind `operations`;
 * - `ALERT_LOCALE` — `fr` (default) or `en`, for the mails;
 * - `SAFE_PLACE_PUBLIC_URL` — the hub's address as operators reach it, for the console links.
 */
import { AlertKind, alertKinds, Locale } from '@safe-place/schemas'
import { z } from 'zod'

export const AlertSettings = z.object({
  email: z.array(z.email()).max(20).default([]),
  emailKinds: z.array(AlertKind).default([...alertKinds]),
  webhookKinds: z.array(AlertKind).default([...alertKinds]),
  locale: Locale.default('fr'),
})
export type AlertSettings = z.infer<typeof AlertSettings>

/** A comma-separated list from the environment; `none` is the empty list. */
export const CommaList = z.string().transform((v) =>
  v.trim() === 'none'
    ? []
    : v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
)
