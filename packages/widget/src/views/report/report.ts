/**
 * The report wizard's frame: where we are, the crisis numbers first when the situation calls
 * for them, the step's form, an announced error summary, and the way back and forth. Nothing
 * typed is lost when moving between steps or closing the panel.
 */
import { getCategory } from '@safe-place/schemas/data'
import { html, nothing } from 'lit'
import { fmt } from '../../i18n/launcher'
import type { PanelState } from '../../state/panel-state'
import { backButton, heading, resourceList } from '../ui'
import { emergencyResources } from '../urgent'
import { steps } from './steps'

function crisisFirst(s: PanelState) {
  const d = s.report.draft
  const crisis = d.danger || (d.category && getCategory(d.category).safety.crisisFirst)
  if (!crisis) return nothing
  return html`<section class="crisis" aria-label=${s.t.urgentTitle}>
    <p><strong>${s.t.crisisFirst}</strong></p>
    ${resourceList(s, emergencyResources(s.country).slice(0, 4))}
  </section>`
}

export function reportView(s: PanelState) {
  const t = s.t
  const r = s.report
  const step = steps[r.step] ?? steps[0]!
  const last = r.step === steps.length - 1
  const hasErrors = Object.keys(s.errors).length > 0
  return html`${backButton(s)}
    <p class="muted small">${fmt(t.stepOf, { n: r.step + 1, total: steps.length })}</p>
    ${heading(step.title(t))} ${crisisFirst(s)}
    ${hasErrors ? html`<p class="error-box" role="alert">${t.fixErrors}</p>` : nothing}
    <form novalidate @submit=${(event: Event) => {
      event.preventDefault()
      if (last) void r.send()
      else r.next()
    }}>
      ${step.render(s)}
      <div class="nav">
        ${
          r.step > 0
            ? html`<button part="button" type="button" class="secondary"
                @click=${() => r.goStep(r.step - 1)}>${t.previous}</button>`
            : nothing
        }
        <button part="button" type="submit" class="primary" ?disabled=${r.sending}>
          ${last ? (r.sending ? t.sending : r.sendError ? t.retry : t.send) : t.next}
        </button>
      </div>
    </form>`
}
