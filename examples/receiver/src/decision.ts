/**
 * The decision the trusted flagger passes on when it acts, as the platform gave it: a DSA
 * statement of reasons (Transparency Database field names). The hub words it for the reporter.
 */
import type { Decision } from '@safe-place/sdk/admin'

export function demoDecision(reference: string, today = new Date()): Decision {
  return {
    decision_visibility: ['DECISION_VISIBILITY_CONTENT_REMOVED'],
    decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
    incompatible_content_ground: 'Community guidelines: harassment and threats',
    incompatible_content_explanation: 'The content threatens a creator.',
    automated_detection: 'No',
    automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
    territorial_scope: ['FR'],
    application_date: today.toISOString().slice(0, 10),
    puid: `demo-${reference.toLowerCase()}`,
    appeal_url: 'https://help.example.org/appeal',
  }
}
