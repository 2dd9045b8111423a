/**
 * The routing rule table from configuration: `ROUTING_RULES` holds a JSON object laid over
 * the defaults kind by kind, e.g. `{"moderation_vendor":{"categories":["harassment"]}}`.
 * Only the table can be configured; the safety rules in `evaluate.ts` cannot.
 */
import { CategoryCode } from '@safe-place/schemas'
import { z } from 'zod'
import { mergeRoutingRules, type RoutingRules } from './rules'

const RuleOverride = z.strictObject({
  categories: z.union([z.literal('*'), z.array(CategoryCode).max(20)]).optional(),
  raids: z.boolean().optional(),
  ownPlatformsOnly: z.boolean().optional(),
})

export const RoutingRulesOverride = z.strictObject({
  federation: RuleOverride.optional(),
  trusted_flagger: RuleOverride.optional(),
  moderation_vendor: RuleOverride.optional(),
  partner: RuleOverride.optional(),
})

export type RoutingRulesOverrideInput = z.infer<typeof RoutingRulesOverride>

/** Parses the raw `ROUTING_RULES` value; throws a message that names the setting. */
export function parseRoutingRulesOverride(raw: string | undefined): RoutingRulesOverrideInput {
  if (!raw) return {}
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    throw new Error('ROUTING_RULES must be a JSON object')
  }
  const parsed = RoutingRulesOverride.safeParse(json)
  if (!parsed.success) throw new Error(`ROUTING_RULES is not valid: ${parsed.error.message}`)
  return parsed.data
}

export function routingRulesFromEnv(env: Record<string, string | undefined>): RoutingRules {
  return mergeRoutingRules(parseRoutingRulesOverride(env.ROUTING_RULES))
}
