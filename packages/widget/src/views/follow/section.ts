/**
 * One part of a followed report's page. The page shows them in order (sections.ts); a part to
 * come (adding elements, the dossier, the decision, contesting it, notifications) is one more
 * file and one more line there, with its intent on `FollowState`.
 */
import type { ReportStatusView } from '@safe-place/schemas'
import type { nothing, TemplateResult } from 'lit'
import type { PanelState } from '../../state/panel-state'

export interface FollowSection {
  id: string
  render: (s: PanelState, report: ReportStatusView) => TemplateResult | typeof nothing
}
