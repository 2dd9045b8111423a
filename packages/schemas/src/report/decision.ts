/**
 * A platform's decision on reported content, shaped like a statement of reasons of the EU DSA
 * Transparency Database (API v2 field names and enumerations, Art. 17 and 24(5) DSA), so a
 * receiver can pass on what it files there unchanged. Safe Place adds where to appeal and the
 * statement's own URL. Every rule the Transparency Database checks across fields is checked
 * here too, with the path of the field at fault.
 */
import { z } from 'zod'
import { boundedText, HttpUrl } from '../primitives'

export const decisionVisibilities = [
  'DECISION_VISIBILITY_CONTENT_REMOVED',
  'DECISION_VISIBILITY_CONTENT_DISABLED',
  'DECISION_VISIBILITY_CONTENT_DEMOTED',
  'DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED',
  'DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED',
  'DECISION_VISIBILITY_CONTENT_LABELLED',
  'DECISION_VISIBILITY_OTHER',
] as const
export const decisionMonetaries = [
  'DECISION_MONETARY_SUSPENSION',
  'DECISION_MONETARY_TERMINATION',
  'DECISION_MONETARY_OTHER',
] as const
export const decisionProvisions = [
  'DECISION_PROVISION_PARTIAL_SUSPENSION',
  'DECISION_PROVISION_TOTAL_SUSPENSION',
  'DECISION_PROVISION_PARTIAL_TERMINATION',
  'DECISION_PROVISION_TOTAL_TERMINATION',
] as const
export const decisionAccounts = [
  'DECISION_ACCOUNT_SUSPENDED',
  'DECISION_ACCOUNT_TERMINATED',
] as const
export const accountTypes = ['ACCOUNT_TYPE_BUSINESS', 'ACCOUNT_TYPE_PRIVATE'] as const
export const decisionGrounds = [
  'DECISION_GROUND_ILLEGAL_CONTENT',
  'DECISION_GROUND_INCOMPATIBLE_CONTENT',
] as const
export const automatedDecisions = [
  'AUTOMATED_DECISION_FULLY',
  'AUTOMATED_DECISION_PARTIALLY',
  'AUTOMATED_DECISION_NOT_AUTOMATED',
] as const
/** The EU and EEA countries the Transparency Database accepts as a territorial scope. */
export const territorialScopes = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IS',
  'IT',
  'LI',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'NO',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
] as const
/** The 27 member states: a scope holding all of them is "the whole European Union". */
export const europeanUnionCountries = territorialScopes.filter(
  (c) => c !== 'IS' && c !== 'LI' && c !== 'NO',
)

export const DecisionVisibility = z.enum(decisionVisibilities)
export type DecisionVisibility = z.infer<typeof DecisionVisibility>
export const DecisionMonetary = z.enum(decisionMonetaries)
export type DecisionMonetary = z.infer<typeof DecisionMonetary>
export const DecisionProvision = z.enum(decisionProvisions)
export type DecisionProvision = z.infer<typeof DecisionProvision>
export const DecisionAccount = z.enum(decisionAccounts)
export type DecisionAccount = z.infer<typeof DecisionAccount>
export const AccountType = z.enum(accountTypes)
export const DecisionGround = z.enum(decisionGrounds)
export type DecisionGround = z.infer<typeof DecisionGround>
export const AutomatedDecision = z.enum(automatedDecisions)
export type AutomatedDecision = z.infer<typeof AutomatedDecision>
export const TerritorialScope = z.enum(territorialScopes)
const YesNo = z.enum(['Yes', 'No'])

/** `YYYY-MM-DD`, a real day, from 2020-01-01 on (as the Transparency Database requires). */
const DecisionDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Must be a date such as 2026-03-03 (YYYY-MM-DD)')
  .refine((d) => {
    const date = new Date(`${d}T00:00:00Z`)
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(d) && d >= '2020-01-01'
  }, 'Must be a real day, on or after 2020-01-01')

export const Decision = z
  .strictObject({
    /** Visibility restrictions of the content; at least one restriction overall, of any kind. */
    decision_visibility: z.array(DecisionVisibility).min(1).max(7).optional(),
    decision_visibility_other: boundedText(500).optional(),
    decision_monetary: DecisionMonetary.optional(),
    decision_monetary_other: boundedText(500).optional(),
    decision_provision: DecisionProvision.optional(),
    decision_account: DecisionAccount.optional(),
    account_type: AccountType.optional(),
    /** Illegal content, or content incompatible with the terms; absent when nothing was restricted. */
    decision_ground: DecisionGround.optional(),
    /** The law or the terms relied on. */
    decision_ground_reference_url: HttpUrl.optional(),
    illegal_content_legal_ground: boundedText(500).optional(),
    illegal_content_explanation: boundedText(2000).optional(),
    incompatible_content_ground: boundedText(500).optional(),
    incompatible_content_explanation: boundedText(2000).optional(),
    incompatible_content_illegal: YesNo.optional(),
    decision_facts: boundedText(5000).optional(),
    /** Was the content detected by automated means? */
    automated_detection: YesNo,
    automated_decision: AutomatedDecision,
    territorial_scope: z.array(TerritorialScope).min(1).max(30).optional(),
    /** The day the decision applies from. */
    application_date: DecisionDate,
    /** The platform's own identifier of its statement of reasons. */
    puid: z
      .string()
      .max(500)
      .regex(/^[A-Za-z0-9_-]+$/, 'Only letters, digits, "-" and "_"')
      .optional(),
    /** Where the statement can be read: the platform's page or the Transparency Database's. */
    statement_url: HttpUrl.optional(),
    /** Where the person can appeal to the platform itself (its internal complaint system, Art. 20). */
    appeal_url: HttpUrl.optional(),
  })
  .superRefine((d, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message })
    if (d.decision_visibility) {
      if (new Set(d.decision_visibility).size !== d.decision_visibility.length)
        issue('decision_visibility', 'Each restriction may appear only once')
      if (
        d.decision_visibility.includes('DECISION_VISIBILITY_OTHER') !==
        !!d.decision_visibility_other
      )
        issue(
          'decision_visibility_other',
          'Describe the restriction when (and only when) DECISION_VISIBILITY_OTHER is chosen',
        )
    } else if (d.decision_visibility_other) {
      issue('decision_visibility_other', 'Goes with DECISION_VISIBILITY_OTHER only')
    }
    if ((d.decision_monetary === 'DECISION_MONETARY_OTHER') !== !!d.decision_monetary_other)
      issue(
        'decision_monetary_other',
        'Describe the restriction when (and only when) DECISION_MONETARY_OTHER is chosen',
      )
    if (new Set(d.territorial_scope ?? []).size !== (d.territorial_scope ?? []).length)
      issue('territorial_scope', 'Each country may appear only once')
    const restricts = restrictsSomething(d)
    if (restricts && !d.decision_ground)
      issue('decision_ground', 'Say on which ground the content was restricted')
    if (!restricts && d.decision_ground)
      issue('decision_ground', 'A ground goes with a restriction: none is given')
    if (restricts && !d.territorial_scope)
      issue('territorial_scope', 'Say where the restriction applies')
    const illegal = d.decision_ground === 'DECISION_GROUND_ILLEGAL_CONTENT'
    const incompatible = d.decision_ground === 'DECISION_GROUND_INCOMPATIBLE_CONTENT'
    if (illegal && !d.illegal_content_legal_ground)
      issue('illegal_content_legal_ground', 'An illegal-content ground needs its legal ground')
    if (illegal && !d.illegal_content_explanation)
      issue('illegal_content_explanation', 'Explain why the content is illegal on that ground')
    if (!illegal && (d.illegal_content_legal_ground || d.illegal_content_explanation))
      issue('illegal_content_legal_ground', 'Goes with DECISION_GROUND_ILLEGAL_CONTENT only')
    if (incompatible && !d.incompatible_content_ground)
      issue(
        'incompatible_content_ground',
        'An incompatible-content ground needs its contractual ground',
      )
    if (incompatible && !d.incompatible_content_explanation)
      issue(
        'incompatible_content_explanation',
        'Explain why the content is incompatible on that ground',
      )
    if (
      !incompatible &&
      (d.incompatible_content_ground ||
        d.incompatible_content_explanation ||
        d.incompatible_content_illegal)
    )
      issue('incompatible_content_ground', 'Goes with DECISION_GROUND_INCOMPATIBLE_CONTENT only')
  })
  .meta({ id: 'Decision', title: 'Statement of reasons (DSA Transparency Database, API v2)' })
export type Decision = z.infer<typeof Decision>

/** Whether a decision restricts anything: the content, payments, the service or the account. */
export function restrictsSomething(
  d: Pick<
    Decision,
    'decision_visibility' | 'decision_monetary' | 'decision_provision' | 'decision_account'
  >,
): boolean {
  return Boolean(
    d.decision_visibility?.length ||
      d.decision_monetary ||
      d.decision_provision ||
      d.decision_account,
  )
}
