import {
  automatedDecisions,
  categoryCodes,
  type Decision,
  decisionAccounts,
  decisionMonetaries,
  decisionProvisions,
  decisionVisibilities,
  locales,
} from '@safe-place/schemas'
import { describe, expect, it } from 'vitest'
import { describeDecision } from './decision-wording'

const base: Decision = {
  decision_visibility: ['DECISION_VISIBILITY_CONTENT_REMOVED'],
  decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
  incompatible_content_ground: 'Bullying and harassment',
  incompatible_content_explanation: 'Targets a private person.',
  automated_detection: 'No',
  automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
  territorial_scope: ['FR'],
  application_date: '2026-03-03',
}
const ctx = { platform: 'Instagram', category: 'harassment' as const }

/** No enumeration code, no snake_case, no stray placeholder. */
function plain(text: string) {
  expect(text).not.toMatch(/[A-Z]{3,}_|_[a-z]+|undefined|null|\{|\}/)
  const sentences = text.split(/(?<=\.) /)
  expect(sentences.length).toBeGreaterThanOrEqual(2)
  expect(sentences.length).toBeLessThanOrEqual(3)
}

describe('describeDecision', () => {
  it('says the example sentence', () => {
    expect(describeDecision(base, ctx, 'fr')).toBe(
      'Instagram a retiré la publication le 3 mars 2026, parce qu’elle est contraire à ses règles sur le harcèlement. Cette décision s’applique dans ce pays : France. Une personne a examiné la publication et pris cette décision.',
    )
    expect(describeDecision(base, ctx, 'en')).toBe(
      'Instagram removed the content on 3 March 2026, because it breaks its rules on harassment. This decision applies in one country: France. A person reviewed the content and made this decision.',
    )
  })

  it('words every restriction, in both languages, differently', () => {
    for (const locale of locales) {
      const seen = new Set<string>()
      const restrictions: Partial<Decision>[] = [
        ...decisionVisibilities.map((v) => ({
          decision_visibility: [v],
          ...(v === 'DECISION_VISIBILITY_OTHER' ? { decision_visibility_other: 'shadow ban' } : {}),
        })),
        ...decisionAccounts.map((a) => ({ decision_visibility: undefined, decision_account: a })),
        ...decisionProvisions.map((p) => ({
          decision_visibility: undefined,
          decision_provision: p,
        })),
        ...decisionMonetaries.map((m) => ({
          decision_visibility: undefined,
          decision_monetary: m,
          ...(m === 'DECISION_MONETARY_OTHER' ? { decision_monetary_other: 'ads off' } : {}),
        })),
      ]
      for (const restriction of restrictions) {
        const text = describeDecision({ ...base, ...restriction }, ctx, locale)
        plain(text)
        expect(text).toContain('Instagram')
        expect(text).toContain(locale === 'fr' ? '3 mars 2026' : '3 March 2026')
        seen.add(text)
      }
      expect(seen.size).toBe(restrictions.length)
    }
  })

  it('words both grounds, every automation, every category, the scope and "nothing restricted"', () => {
    for (const locale of locales) {
      const illegal = describeDecision(
        {
          ...base,
          decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT',
          incompatible_content_ground: undefined,
          incompatible_content_explanation: undefined,
          illegal_content_legal_ground: 'Code pénal 222-33-2-2',
          illegal_content_explanation: 'Cyberharcèlement',
        },
        ctx,
        locale,
      )
      plain(illegal)
      expect(illegal).toMatch(locale === 'fr' ? /illégale\./ : /is illegal\./)
      const alsoIllegal = describeDecision(
        { ...base, incompatible_content_illegal: 'Yes' },
        ctx,
        locale,
      )
      expect(alsoIllegal).toMatch(locale === 'fr' ? /aussi illégale/ : /illegal too/)
      const automation = new Set<string>()
      for (const automated of automatedDecisions) {
        for (const detection of ['Yes', 'No'] as const) {
          const text = describeDecision(
            { ...base, automated_decision: automated, automated_detection: detection },
            ctx,
            locale,
          )
          plain(text)
          automation.add(text)
        }
      }
      expect(automation.size).toBe(automatedDecisions.length * 2)
      const topics = new Set(
        categoryCodes.map((category) => describeDecision(base, { ...ctx, category }, locale)),
      )
      expect(topics.size).toBe(categoryCodes.length)
      const eu = describeDecision(
        {
          ...base,
          territorial_scope: [
            ...'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(
              ' ',
            ),
          ] as Decision['territorial_scope'],
        },
        ctx,
        locale,
      )
      expect(eu).toMatch(locale === 'fr' ? /toute l’Union européenne/ : /across the European Union/)
      const two = describeDecision({ ...base, territorial_scope: ['FR', 'BE'] }, ctx, locale)
      expect(two).toMatch(locale === 'fr' ? /France et Belgique/ : /France and Belgium/)
      const nothing = describeDecision(
        {
          automated_detection: 'No',
          automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
          application_date: '2026-03-03',
        },
        { platform: null, category: 'threat' },
        locale,
      )
      plain(nothing)
      expect(nothing).toMatch(
        locale === 'fr' ? /^La plateforme a examiné/ : /^The platform reviewed/,
      )
    }
  })
})
