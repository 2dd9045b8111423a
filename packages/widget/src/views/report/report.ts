/**
 * The report wizard's frame: where we are, the crisis numbers first when the situation calls
 * for them, the step's form, an announced error summary, and the way back and forth. Nothing
 * typed is lost when moving between steps or closing the panel.
 */
import { getCategory } from '@safe-place/schemas/data'
import { html, nothing } from 'lit'
import { fmt } from '../../i18n/launcher'
import type { Panel } from '../../panel/panel'
import { backButton, heading, resourceList } from '../ui'
import { emergencyResources } from '../urgent'
import { steps } from './steps'

function crisisFirst(p: Panel) {
  const d = p.draft
  const crisis = d.danger || (d.category && getCategory(d.category).safety.crisisFirst)
  if (!crisis) return nothing
  return html`<section class="crisis" aria-label=${p.t.urgentTitle}>
    <p><strong>${p.t.crisisFirst}</strong></p>
    ${resourceList(p, emergencyResources(p).slice(0, 4))}
  </section>`
}

export function reportView(p: Panel) {
  const t = p.t
  const step = steps[p.step] ?? steps[0]!
  const last = p.step === steps.length - 1
  const hasErrors = Object.keys(p.errors).length > 0
  return html`${backButton(p)}
    <p class="muted small">${fmt(t.stepOf, { n: p.step + 1, total: steps.length })}</p>
    ${heading(step.title(t))} ${crisisFirst(p)}
    ${hasErrors ? html`<p class="error-box" role="alert">${t.fixErrors}</p>` : nothing}
    <form novalidate @submit=${(event: Event) => {
      event.preventDefault()
      if (last) void p.send()
      else p.next()
    }}>
      ${step.render(p)}
      <div class="nav">
        ${
          p.step > 0
            ? html`<button part="button" type="button" class="secondary"
                @click=${() => p.goStep(p.step - 1)}>${t.previous}</button>`
            : nothing
        }
        <button part="button" type="submit" class="primary" ?disabled=${p.sending}>
          ${last ? (p.sending ? t.sending : p.sendError ? t.retry : t.send) : t.next}
        </button>
      </div>
    </form>`
}
