/**
 * A help resource (docs/safety-rules.md): a service a person can turn to, with how to reach it.
 * Resources are data with a scope, so partners elsewhere add their own.
 */
import { z } from 'zod'
import { CountryCode, Locale, LocalizedText } from '../primitives'
import { CategoryCode } from '../taxonomy/categories'

/** `tel:`, `sms:` or `https:` only: a resource link can never run script. */
export const ResourceHref = z
  .string()
  .max(500)
  .regex(
    /^(tel:\+?[0-9]{2,15}|sms:\+?[0-9]{2,15}|https:\/\/[^\s"'<>]+)$/,
    'Must be a tel:, sms: or https: link',
  )

export const ResourceChannel = z.object({
  kind: z.enum(['phone', 'sms', 'chat', 'web', 'app']),
  /** What a person reads or dials, e.g. "3018" or "17cyber.gouv.fr". */
  label: z.string().min(1).max(100),
  href: ResourceHref,
})
export type ResourceChannel = z.infer<typeof ResourceChannel>

/** Where a resource can help: one country, the EU, or everywhere. */
export const ResourceScope = z.union([CountryCode, z.enum(['EU', 'WORLD'])])
export type ResourceScope = z.infer<typeof ResourceScope>

export const HelpResource = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{2,40}$/),
    name: LocalizedText,
    purpose: LocalizedText,
    hours: LocalizedText,
    channels: z.array(ResourceChannel).min(1).max(6),
    free: z.boolean(),
    anonymous: z.boolean(),
    scope: ResourceScope,
    /** Languages the service answers in. */
    languages: z.array(Locale).min(1),
    /** Shown on the "I am in danger now" view, in this order. */
    emergencyRank: z.number().int().min(1).max(99).optional(),
    audience: z.enum(['everyone', 'minors', 'young_people', 'adults']),
    /** Categories it is meant for; empty means every category. */
    categories: z.array(CategoryCode).max(15),
  })
  .meta({ id: 'HelpResource', title: 'Help resource' })
export type HelpResource = z.infer<typeof HelpResource>
