/**
 * Follow a report: reference + secret token → the timeline in plain words, and withdrawal
 * behind a clear confirmation (it erases the report's data, there is no undo).
 */
import { html, nothing } from 'lit'
import type { Strings } from '../i18n/fr'
import { fmt } from '../i18n/launcher'
import type { PanelState } from '../state/panel-state'
import { textField } from './fields'
import { backButton, heading } from './ui'

const statusLabel = (t: Strings, status: string) => t[`status_${status}` as keyof Strings] ?? status

function timeline(s: PanelState) {
  const f = s.follow
  const t = s.t
  const view = f.status
  if (!view) return nothing
  const withdrawn = view.status === 'withdrawn'
  const dateFormat = new Intl.DateTimeFormat(s.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
  })
  return html`<p class="status-now">${fmt(t.statusNow, { status: statusLabel(t, view.status) })}</p>
    <h3>${t.timelineTitle}</h3>
    <ol class="timeline">
      ${view.timeline.map(
        (entry) => html`<li>
          <time datetime=${entry.at}>${dateFormat.format(new Date(entry.at))}</time>
          <span>${entry.message}</span>
        </li>`,
      )}
    </ol>
    ${
      withdrawn
        ? html`<p class="callout" role="status">${t.withdrawn}</p>`
        : f.confirming === 'withdraw'
          ? html`<div class="confirm" role="alertdialog" aria-labelledby="withdraw-q">
              <p id="withdraw-q">${t.withdrawConfirm}</p>
              <div class="nav">
                <button part="button" class="secondary" id="withdraw-no"
                  @click=${() => f.cancel()}>${t.withdrawNo}</button>
                <button part="button" class="danger" ?disabled=${f.busy}
                  @click=${() => f.withdraw()}>${t.withdrawYes}</button>
              </div>
            </div>`
          : html`<button part="button" class="danger wide" id="withdraw"
              @click=${() => f.confirm('withdraw')}>${t.withdraw}</button>`
    }`
}

export function followView(s: PanelState) {
  const t = s.t
  const f = s.follow
  return html`${backButton(s)} ${heading(t.followTitle)}
    ${
      f.status
        ? timeline(s)
        : html`<p>${t.followIntro}</p>
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
    ${f.error ? html`<p class="follow-error error-box" role="alert" tabindex="-1">${f.error}</p>` : nothing}`
}
