/**
 * Follow a report: reference + secret token → the timeline in plain words, and withdrawal
 * behind a clear confirmation (it erases the report's data, there is no undo).
 */
import { RECEIPT_TOKEN_PATTERN, REFERENCE_PATTERN } from '@safe-place/schemas/data'
import { html, nothing } from 'lit'
import type { Strings } from '../i18n/fr'
import { fmt } from '../i18n/launcher'
import type { Panel } from '../panel/panel'
import { textField } from './fields'
import { backButton, heading } from './ui'

const statusLabel = (t: Strings, status: string) => t[`status_${status}` as keyof Strings] ?? status

async function lookUp(p: Panel): Promise<void> {
  const f = p.follow
  const t = p.t
  f.reference = f.reference.trim().toUpperCase()
  f.token = f.token.trim()
  p.errors = {}
  if (!REFERENCE_PATTERN.test(f.reference)) p.errors.reference = t.referenceError
  if (!RECEIPT_TOKEN_PATTERN.test(f.token)) p.errors.token = t.tokenError
  const first = Object.keys(p.errors)[0]
  if (first) {
    p.update()
    p.host.focusAfterRender(`#${first}`)
    return
  }
  await run(p, () => p.client.status(f.reference, f.token, p.host.language))
}

async function run(p: Panel, call: () => Promise<Panel['follow']['status']>): Promise<void> {
  const f = p.follow
  f.busy = true
  f.error = ''
  p.update()
  try {
    f.status = await call()
    f.confirming = false
    p.host.focusAfterRender('h2')
  } catch (error) {
    const code = (error as { code?: string }).code
    f.error =
      code === 'receipt_invalid' || code === 'not_found' ? p.t.followError : p.errorMessage(error)
    p.host.focusAfterRender('.follow-error')
  }
  f.busy = false
  p.update()
}

function timeline(p: Panel) {
  const f = p.follow
  const t = p.t
  const view = f.status
  if (!view) return nothing
  const withdrawn = view.status === 'withdrawn'
  const dateFormat = new Intl.DateTimeFormat(p.host.language, {
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
        : f.confirming
          ? html`<div class="confirm" role="alertdialog" aria-labelledby="withdraw-q">
              <p id="withdraw-q">${t.withdrawConfirm}</p>
              <div class="nav">
                <button part="button" class="secondary" id="withdraw-no"
                  @click=${() => {
                    f.confirming = false
                    p.update()
                    p.host.focusAfterRender('#withdraw')
                  }}>${t.withdrawNo}</button>
                <button part="button" class="danger" ?disabled=${f.busy}
                  @click=${() => run(p, () => p.client.withdraw(f.reference, f.token))}
                  >${t.withdrawYes}</button>
              </div>
            </div>`
          : html`<button part="button" class="danger wide" id="withdraw"
              @click=${() => {
                f.confirming = true
                p.update()
                p.host.focusAfterRender('#withdraw-no')
              }}>${t.withdraw}</button>`
    }`
}

export function followView(p: Panel) {
  const t = p.t
  const f = p.follow
  return html`${backButton(p)} ${heading(t.followTitle)}
    ${
      f.status
        ? timeline(p)
        : html`<p>${t.followIntro}</p>
          <form novalidate @submit=${(event: Event) => {
            event.preventDefault()
            void lookUp(p)
          }}>
            ${textField(p, {
              id: 'reference',
              label: t.referenceLabel,
              hint: t.referenceHint,
              maxlength: 20,
              value: f.reference,
              onInput: (v) => {
                f.reference = v
              },
            })}
            ${textField(p, {
              id: 'token',
              label: t.tokenLabel,
              maxlength: 60,
              value: f.token,
              onInput: (v) => {
                f.token = v
              },
            })}
            <button part="button" class="primary wide" type="submit" ?disabled=${f.busy}>
              ${t.showStatus}
            </button>
          </form>`
    }
    ${f.error ? html`<p class="follow-error error-box" role="alert" tabindex="-1">${f.error}</p>` : nothing}`
}
