/** Home: three doors, the most urgent first, and a quieter way to follow a report. */
import { html, type TemplateResult } from 'lit'
import type { View, ViewState } from '../state/panel-state'
import { heading } from './ui'

function door(s: ViewState, view: View, label: string, hint: string, kind: string): TemplateResult {
  return html`<li>
    <button part="button door" class="door ${kind}" @click=${() => s.go(view)}>
      <span class="door-label">${label}</span>
      <span class="door-hint">${hint}</span>
    </button>
  </li>`
}

export function homeView(s: ViewState): TemplateResult {
  const t = s.t
  return html`${heading(t.homeTitle)}
    <p>${t.homeIntro}</p>
    <ul class="doors">
      ${door(s, 'urgent', t.doorUrgent, t.doorUrgentHint, 'urgent')}
      ${door(s, 'report', t.doorReport, t.doorReportHint, 'report')}
      ${door(s, 'resources', t.doorHelp, t.doorHelpHint, 'help')}
    </ul>
    <button part="button" class="secondary wide" @click=${() => s.go('follow')}>
      ${t.doorFollow}
    </button>`
}
