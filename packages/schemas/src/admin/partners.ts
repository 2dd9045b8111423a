/** Operator API: partners, their site keys and API keys. */
import { z } from 'zod'
import { boundedText, Timestamp } from '../primitives'
import { CategoryCode } from '../taxonomy/categories'

export const PartnerKind = z.enum([
  'brand',
  'agency',
  'platform',
  'federation',
  'trusted_flagger',
  'moderation_vendor',
])
export type PartnerKind = z.infer<typeof PartnerKind>

export const PartnerCreate = z
  .strictObject({ name: boundedText(200), kind: PartnerKind })
  .meta({ id: 'PartnerCreate' })
export type PartnerCreate = z.infer<typeof PartnerCreate>

export const Partner = z
  .object({ id: z.string(), name: z.string(), kind: PartnerKind, createdAt: Timestamp })
  .meta({ id: 'Partner' })
export type Partner = z.infer<typeof Partner>

/** `https://example.org` or `http://localhost:5173`: scheme, host and port, nothing else. */
export const Origin = z
  .string()
  .trim()
  .toLowerCase()
  .max(300)
  .regex(
    /^https?:\/\/[a-z0-9.-]+(:[0-9]{1,5})?$|^https?:\/\/\[[0-9a-f:.]+\](:[0-9]{1,5})?$/,
    'Must be an origin such as https://example.org',
  )
export type Origin = z.infer<typeof Origin>

export const SiteKeyCreate = z
  .strictObject({
    partnerId: z.string(),
    label: boundedText(200).optional(),
    allowedOrigins: z.array(Origin).min(1).max(50),
    requireChallenge: z.boolean().default(false),
    /** Reports per minute for the whole site key; per-client limits apply too. */
    rateLimitPerMinute: z.number().int().min(1).max(100_000).default(600),
    categories: z.array(CategoryCode).min(1).optional(),
  })
  .meta({ id: 'SiteKeyCreate' })
export type SiteKeyCreate = z.infer<typeof SiteKeyCreate>

export const SiteKeyUpdate = SiteKeyCreate.omit({ partnerId: true })
  .partial()
  .meta({ id: 'SiteKeyUpdate' })
export type SiteKeyUpdate = z.infer<typeof SiteKeyUpdate>

export const SiteKey = z
  .object({
    id: z.string(),
    /** The public key a page puts in `site-key="…"`. */
    key: z.string(),
    partnerId: z.string(),
    label: z.string().nullable(),
    allowedOrigins: z.array(z.string()),
    requireChallenge: z.boolean(),
    rateLimitPerMinute: z.number().int(),
    categories: z.array(CategoryCode).nullable(),
    createdAt: Timestamp,
    revokedAt: Timestamp.nullable(),
  })
  .meta({ id: 'SiteKey' })
export type SiteKey = z.infer<typeof SiteKey>

export const ApiKeyScope = z.enum(['operator', 'partner', 'receiver'])
export type ApiKeyScope = z.infer<typeof ApiKeyScope>

export const ApiKeyCreate = z
  .strictObject({
    name: boundedText(200),
    scope: ApiKeyScope,
    partnerId: z.string().optional(),
    receiverId: z.string().optional(),
  })
  .superRefine((key, ctx) => {
    if (key.scope === 'partner' && !key.partnerId) {
      ctx.addIssue({
        code: 'custom',
        path: ['partnerId'],
        message: 'A partner key needs a partnerId',
      })
    }
    if (key.scope === 'receiver' && !key.receiverId) {
      ctx.addIssue({
        code: 'custom',
        path: ['receiverId'],
        message: 'A receiver key needs a receiverId',
      })
    }
  })
  .meta({ id: 'ApiKeyCreate' })
export type ApiKeyCreate = z.infer<typeof ApiKeyCreate>

export const ApiKey = z
  .object({
    id: z.string(),
    name: z.string(),
    scope: ApiKeyScope,
    partnerId: z.string().nullable(),
    receiverId: z.string().nullable(),
    /** The first characters of the secret, to recognise it; the secret itself is never stored. */
    prefix: z.string(),
    createdAt: Timestamp,
    lastUsedAt: Timestamp.nullable(),
    revokedAt: Timestamp.nullable(),
  })
  .meta({ id: 'ApiKey' })
export type ApiKey = z.infer<typeof ApiKey>

/** Answer to creating a key: the secret is shown this once. */
export const ApiKeyCreated = ApiKey.extend({ secret: z.string() }).meta({ id: 'ApiKeyCreated' })
export type ApiKeyCreated = z.infer<typeof ApiKeyCreated>
