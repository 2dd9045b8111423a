import { describe, expect, it } from 'vitest'
import { issuesToDetails } from '../errors'
import { Decision } from './decision'
import { StatusUpdate } from './status'

/** A full statement of reasons, every field a platform may give. */
const fullDecision = {
  decision_visibility: ['DECISION_VISIBILITY_CONTENT_REMOVED'],
  decision_account: 'DECISION_ACCOUNT_SUSPENDED',
  account_type: 'ACCOUNT_TYPE_PRIVATE',
  decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
  decision_ground_reference_url: 'https://help.instagram.com/477434105621119',
  incompatible_content_ground: 'Bullying and harassment policy',
  incompatible_content_explanation: 'The post targets a private person with insults.',
  incompatible_content_illegal: 'Yes',
  decision_facts: 'Reviewed after a trusted flagger notice.',
  automated_detection: 'No',
  automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
  territorial_scope: ['FR', 'BE'],
  application_date: '2026-03-03',
  puid: 'ig-sor-2026-0303-42',
  statement_url: 'https://transparency.dsa.ec.europa.eu/statement/7d0d0f7c',
  appeal_url: 'https://help.instagram.com/appeal',
} as const

const paths = (input: unknown) => {
  const result = Decision.safeParse(input)
  return result.success ? [] : issuesToDetails(result.error.issues).map((d) => d.path)
}

describe('Decision (DSA statement of reasons)', () => {
  it('accepts a full statement and a minimal one', () => {
    expect(Decision.parse(fullDecision)).toEqual(fullDecision)
    expect(
      paths({
        decision_visibility: ['DECISION_VISIBILITY_CONTENT_DISABLED'],
        decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT',
        illegal_content_legal_ground: 'Code pénal, art. 222-33-2-2',
        illegal_content_explanation: 'Cyberharcèlement',
        territorial_scope: ['FR'],
        automated_detection: 'Yes',
        automated_decision: 'AUTOMATED_DECISION_PARTIALLY',
        application_date: '2026-01-31',
      }),
    ).toEqual([])
  })

  it('refuses unknown enumerations, with the path', () => {
    expect(paths({ ...fullDecision, decision_visibility: ['DECISION_VISIBILITY_HIDDEN'] })).toEqual(
      ['decision_visibility.0'],
    )
    expect(paths({ ...fullDecision, automated_decision: 'maybe' })).toEqual(['automated_decision'])
    expect(paths({ ...fullDecision, territorial_scope: ['US'] })).toEqual(['territorial_scope.0'])
    expect(paths({ ...fullDecision, extra: 1 })).toEqual([''.concat('(root)')])
  })

  it('refuses an illegal-content ground without its legal ground', () => {
    const {
      incompatible_content_ground: _a,
      incompatible_content_explanation: _b,
      ...rest
    } = fullDecision
    const illegal = {
      ...rest,
      incompatible_content_illegal: undefined,
      decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT',
      illegal_content_explanation: 'Threats',
    }
    expect(paths(illegal)).toEqual(['illegal_content_legal_ground'])
  })

  it('refuses other inconsistencies: a restriction without ground, OTHER without words, a ground without restriction', () => {
    const { decision_ground: _g, ...noGround } = fullDecision
    expect(paths(noGround)).toContain('decision_ground')
    expect(paths({ ...fullDecision, decision_visibility: ['DECISION_VISIBILITY_OTHER'] })).toEqual([
      'decision_visibility_other',
    ])
    expect(
      paths({
        ...fullDecision,
        decision_visibility: undefined,
        decision_account: undefined,
      }),
    ).toContain('decision_ground')
    expect(paths({ ...fullDecision, application_date: '2026-02-30' })).toEqual(['application_date'])
  })

  it('refuses URLs that are not http(s)', () => {
    expect(paths({ ...fullDecision, appeal_url: 'javascript:alert(1)' })).toEqual(['appeal_url'])
    expect(paths({ ...fullDecision, statement_url: 'ftp://x.example/s' })).toEqual([
      'statement_url',
    ])
  })
})

describe('StatusUpdate with a decision', () => {
  it('keeps the statuses the trusted flagger and vendors send today valid', () => {
    expect(StatusUpdate.safeParse({ status: 'acknowledged' }).success).toBe(true)
    expect(
      StatusUpdate.safeParse({ status: 'action_taken', actions: ['content_removed'] }).success,
    ).toBe(true)
    expect(StatusUpdate.safeParse({ status: 'no_action', noteForReporter: 'Vu.' }).success).toBe(
      true,
    )
  })

  it('takes a decision with action_taken (restricting) or no_action (restricting nothing)', () => {
    expect(StatusUpdate.safeParse({ status: 'action_taken', decision: fullDecision }).success).toBe(
      true,
    )
    const nothing = {
      automated_detection: 'No',
      automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
      application_date: '2026-03-03',
      appeal_url: 'https://help.instagram.com/appeal',
    }
    expect(StatusUpdate.safeParse({ status: 'no_action', decision: nothing }).success).toBe(true)
    const wrong = StatusUpdate.safeParse({ status: 'no_action', decision: fullDecision })
    expect(wrong.success).toBe(false)
    const early = StatusUpdate.safeParse({ status: 'in_review', decision: fullDecision })
    expect(early.error?.issues[0]?.path).toEqual(['decision'])
  })
})
