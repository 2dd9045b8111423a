/**
 * A source of reports: turns what one kind of client sends into the canonical `ReportIntake`
 * input, which the core then validates. Adding a source (a partner's old form, an e-mail
 * gateway…) means adding one of these, never touching validation, storage or routing.
 */
import type { ReportIntakeInput } from '@safe-place/schemas'

export interface IntakeSource<Raw> {
  /** Recorded as `context.source` when the payload does not say. */
  readonly id: 'widget' | 'sdk' | 'api' | 'legacy_form'
  /** Maps the raw payload to a candidate intake; validation happens after, in one place. */
  toIntake(raw: Raw): ReportIntakeInput | unknown
}
