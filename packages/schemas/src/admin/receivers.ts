/** Operator API: receivers (webhook endpoints) and their deliveries. */
import { z } from 'zod'
import { boundedText, CountryCode, HttpUrl, LocalizedText, Timestamp } from '../primitives'
import { ReceiverKind, ReceiverProfile } from '../receivers'
import { CategoryCode } from '../taxonomy/categories'
import { PlatformCode } from '../taxonomy/platforms'
import { WebhookEventType } from '../webhooks/events'

export const ReceiverFilters = z.strictObject({
  categories: z.array(CategoryCode).max(15).optional(),
  platforms: z.array(PlatformCode).max(20).optional(),
  countries: z.array(CountryCode).max(50).optional(),
})
export type ReceiverFilters = z.infer<typeof ReceiverFilters>

/** A Standard Webhooks secret: `whsec_` and base64 of 24 to 64 random bytes. */
export const WebhookSecret = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]{32,88}={0,2}$/, 'Must be a Standard Webhooks secret (whsec_…)')

export const ReceiverCreate = z
  .strictObject({
    partnerId: z.string(),
    kind: ReceiverKind,
    name: LocalizedText,
    purpose: LocalizedText,
    url: HttpUrl,
    profile: ReceiverProfile,
    filters: ReceiverFilters.default({}),
    consentRequired: z.boolean().default(true),
    consentTextVersion: z
      .string()
      .regex(/^[0-9A-Za-z._-]{1,40}$/)
      .default('1'),
    /** Leave out to have the hub generate one. */
    secret: WebhookSecret.optional(),
    concurrency: z.number().int().min(1).max(32).default(4),
    ratePerSecond: z.number().int().min(1).max(1000).default(20),
  })
  .meta({ id: 'ReceiverCreate' })
export type ReceiverCreate = z.infer<typeof ReceiverCreate>

export const ReceiverUpdate = ReceiverCreate.omit({ partnerId: true, secret: true })
  .partial()
  .extend({ enabled: z.boolean().optional(), disabledReason: boundedText(500).optional() })
  .meta({ id: 'ReceiverUpdate' })
export type ReceiverUpdate = z.infer<typeof ReceiverUpdate>

export const Receiver = z
  .object({
    id: z.string(),
    partnerId: z.string(),
    kind: ReceiverKind,
    name: LocalizedText,
    purpose: LocalizedText,
    url: z.string(),
    profile: ReceiverProfile,
    filters: ReceiverFilters,
    consentRequired: z.boolean(),
    consentTextVersion: z.string(),
    enabled: z.boolean(),
    disabledReason: z.string().nullable(),
    concurrency: z.number().int(),
    ratePerSecond: z.number().int(),
    failingSince: Timestamp.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Receiver' })
export type Receiver = z.infer<typeof Receiver>

/** `cancelled`: the report was withdrawn before this message left; its payload is erased. */
export const MessageState = z.enum([
  'pending',
  'delivering',
  'succeeded',
  'failed',
  'dead',
  'cancelled',
])
export type MessageState = z.infer<typeof MessageState>

export const DeliveryMessage = z
  .object({
    id: z.string(),
    receiverId: z.string(),
    reference: z.string().nullable(),
    eventType: WebhookEventType,
    state: MessageState,
    urgent: z.boolean(),
    attempts: z.number().int(),
    nextAttemptAt: Timestamp.nullable(),
    lastError: z.string().nullable(),
    createdAt: Timestamp,
    deliveredAt: Timestamp.nullable(),
  })
  .meta({ id: 'DeliveryMessage' })
export type DeliveryMessage = z.infer<typeof DeliveryMessage>

export const DeliveryAttempt = z
  .object({
    id: z.string(),
    messageId: z.string(),
    attemptedAt: Timestamp,
    responseStatus: z.number().int().nullable(),
    durationMs: z.number().int(),
    /** The first 2 KB of the response body. */
    responseBody: z.string().max(2048).nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: 'DeliveryAttempt' })
export type DeliveryAttempt = z.infer<typeof DeliveryAttempt>

export const ReplayRequest = z
  .strictObject({ from: Timestamp, to: Timestamp })
  .refine((r) => Date.parse(r.from) <= Date.parse(r.to), {
    message: '`from` must not be after `to`',
    path: ['to'],
  })
  .meta({ id: 'ReplayRequest' })
export type ReplayRequest = z.infer<typeof ReplayRequest>
