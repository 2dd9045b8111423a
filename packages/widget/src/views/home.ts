/** Home: three doors, the most urgent first, and a quieter way to follow a report. */
import { html, type TemplateResult } from 'lit'
import type { Panel, View } from '../panel/panel'
import { heading } from './ui'

function door(p: Panel, view: View, label: string, hint: string, kind: string): TemplateResult {
  return html`<li>
    <button part="button door" class="door ${kind}" @click=${() => p.go(view)}>
      <span class="door-label">${label}</span>
      <span class="door-hint">${hint}</span>
    </button>
  </li>`
}

export function homeView(p: Panel): TemplateResult {
  const t = p.t
  return html`${heading(t.homeTitle)}
    <p>${t.homeIntro}</p>
    <ul class="doors">
      ${door(p, 'urgent', t.doorUrgent, t.doorUrgentHint, 'urgent')}
      ${door(p, 'report', t.doorReport, t.doorReportHint, 'report')}
      ${door(p, 'resources', t.doorHelp, t.doorHelpHint, 'help')}
    </ul>
    <button part="button" class="secondary wide" @click=${() => p.go('follow')}>
      ${t.doorFollow}
    </button>`
}
