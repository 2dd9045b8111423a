/**
 * `GET /v1/widget-config`: what the panel needs to know about the site key it runs under.
 * Everything here is public: it is shown to anyone who opens the panel.
 */
import { z } from 'zod'
import { HttpUrl, LocalizedText } from './primitives'
import { ReceiverKind, ReceiverProfile } from './receivers'
import { CategoryCode } from './taxonomy/categories'
import { PlatformCode } from './taxonomy/platforms'

export const ConsentReceiver = z.object({
  id: z.string(),
  kind: ReceiverKind,
  profile: ReceiverProfile,
  name: LocalizedText,
  /** What this receiver will do with the report, in plain words. */
  purpose: LocalizedText,
  consentRequired: z.boolean(),
  consentTextVersion: z.string(),
  /** The categories and platforms it takes: the panel asks only where it applies. */
  categories: z.array(CategoryCode),
  platforms: z.array(PlatformCode).optional(),
})
export type ConsentReceiver = z.infer<typeof ConsentReceiver>

export const WidgetConfig = z
  .object({
    partner: z.object({ name: z.string().max(200) }),
    categories: z.array(CategoryCode).min(1),
    receivers: z.array(ConsentReceiver).max(20),
    challenge: z.object({ required: z.boolean() }),
    /** The hub sends e-mails: the panel may offer "tell me when my report moves". */
    notifications: z.object({ email: z.boolean() }).optional(),
    limits: z.object({
      attachmentsMax: z.number().int().nonnegative(),
      attachmentMaxBytes: z.number().int().positive(),
    }),
    theme: z.object({
      mode: z.enum(['light', 'dark', 'auto']),
      accent: z
        .string()
        .regex(/^#[0-9a-fA-F]{6}$/)
        .optional(),
    }),
    quickExitUrl: HttpUrl.optional(),
  })
  .meta({ id: 'WidgetConfig', title: 'Widget configuration' })
export type WidgetConfig = z.infer<typeof WidgetConfig>
