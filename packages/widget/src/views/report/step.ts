/** One step of the report wizard: its title, its form, and what must hold to go on. */
import type { TemplateResult } from 'lit'
import type { Strings } from '../../i18n/fr'
import type { Panel } from '../../panel/panel'

export interface Step {
  id: string
  title: (t: Strings) => string
  render: (p: Panel) => TemplateResult
  /** Field id → error message; empty when the step can be left. */
  validate: (p: Panel) => Record<string, string>
}

export const noErrors = (): Record<string, string> => ({})
