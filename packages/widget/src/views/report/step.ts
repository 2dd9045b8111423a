/** One step of the report wizard: its title, its form, and what must hold to go on. */
import type { TemplateResult } from 'lit'
import type { Strings } from '../../i18n/fr'
import type { PanelState, StepRules } from '../../state/panel-state'

export interface Step extends StepRules {
  id: string
  title: (t: Strings) => string
  render: (s: PanelState) => TemplateResult
}

export const noErrors = (): Record<string, string> => ({})
