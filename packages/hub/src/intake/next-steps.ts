/** Chooses the receipt's next steps from the category's safety rules and the urgency. */
import { getCategory, type Locale, type NextStep, type ReportIntake } from '@safe-place/schemas'
import { nextStepMessages } from '../i18n/next-steps'

export function nextStepsFor(report: ReportIntake, urgent: boolean): NextStep[] {
  const locale: Locale = report.context.locale
  const resources = [...getCategory(report.category).safety.resources]
  const step = (code: NextStep['code'], resourceIds: string[] = []): NextStep => ({
    code,
    message: nextStepMessages[code][locale],
    resourceIds: resourceIds.slice(0, 10),
  })
  const steps: NextStep[] = []
  if (urgent) steps.push(step('stay_safe', ['17', '112']))
  steps.push(step('keep_receipt'))
  steps.push(step('save_evidence'))
  steps.push(step('contact_help', resources))
  steps.push(step('report_to_platform'))
  if (getCategory(report.category).presumedIllegal) steps.push(step('file_complaint', ['17cyber']))
  return steps
}
