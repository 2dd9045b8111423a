import { describe, expect, it } from 'vitest'
import { DEFAULT_ROUTING_RULES } from './rules'
import { routingRulesFromEnv } from './rules-config'
import { describeActions } from './status-wording'

describe('routing rules from configuration', () => {
  it('lays overrides over the defaults and refuses nonsense', () => {
    expect(routingRulesFromEnv({})).toEqual(DEFAULT_ROUTING_RULES)
    const rules = routingRulesFromEnv({
      ROUTING_RULES: '{"moderation_vendor":{"categories":["doxxing"]}}',
    })
    expect(rules.moderation_vendor).toEqual({
      categories: ['doxxing'],
      raids: true,
      ownPlatformsOnly: true,
    })
    expect(rules.federation).toEqual(DEFAULT_ROUTING_RULES.federation)
    expect(() =>
      routingRulesFromEnv({ ROUTING_RULES: '{"federation":{"categories":["nope"]}}' }),
    ).toThrow()
    expect(() => routingRulesFromEnv({ ROUTING_RULES: 'not json' })).toThrow(/JSON/)
  })

  it('words receiver actions for the reporter', () => {
    expect(describeActions(['content_removed', 'account_suspended'], 'fr')).toBe(
      'Le contenu a été retiré. Le compte a été suspendu.',
    )
    expect(describeActions(null, 'en')).toBe('')
  })
})
