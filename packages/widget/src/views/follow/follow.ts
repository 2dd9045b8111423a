/**
 * Follow a report: reference + secret token → the report's page, made of sections (its
 * timeline in plain words, withdrawal…), each in its own file.
 */
import { html, nothing } from 'lit'
import type { PanelState } from '../../state/panel-state'
import { textField } from '../fields'
import { backButton, heading } from '../ui'
import { followSections } from './sections'

function lookUpForm(s: PanelState) {
  const t = s.t
  const f = s.follow
  return html`<p>${t.followIntro}</p>
    <form novalidate @submit=${(event: Event) => {
      event.preventDefault()
      void f.lookUp()
    }}>
      ${textField(s, {
        id: 'reference',
        label: t.referenceLabel,
        hint: t.referenceHint,
        maxlength: 20,
        value: f.reference,
        onInput: (reference) => f.edit({ reference }),
      })}
      ${textField(s, {
        id: 'token',
        label: t.tokenLabel,
        maxlength: 60,
        value: f.token,
        onInput: (token) => f.edit({ token }),
      })}
      <button part="button" class="primary wide" type="submit" ?disabled=${f.busy}>
        ${t.showStatus}
      </button>
    </form>`
}

export function followView(s: PanelState) {
  const t = s.t
  const f = s.follow
  const report = f.status
  return html`${backButton(s)} ${heading(t.followTitle)}
    ${report ? followSections.map((section) => section.render(s, report)) : lookUpForm(s)}
    ${f.error ? html`<p class="follow-error error-box" role="alert" tabindex="-1">${f.error}</p>` : nothing}`
}
