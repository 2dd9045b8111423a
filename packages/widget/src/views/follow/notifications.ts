/**
 * Being told by e-mail when the report moves: start with an address, or stop. Offered only when
 * the hub sends mails; the message never says anything of the report.
 */
import { html, nothing } from 'lit'
import { textField } from '../fields'
import type { FollowSection } from './section'

export const notificationsSection: FollowSection = {
  id: 'notifications',
  render(s, report) {
    const t = s.t
    const f = s.follow
    if (report.status === 'withdrawn') return nothing
    if (report.notifications?.active) {
      return html`<h3>${t.notifyTitle}</h3>
        <p>${t.notifyOn}</p>
        <button part="button" class="secondary wide" id="notify-stop" ?disabled=${f.busy}
          @click=${() => f.notify(false)}>${t.notifyStop}</button>`
    }
    if (!s.config?.notifications?.email) return nothing
    return html`<h3>${t.notifyTitle}</h3>
      <p class="hint">${t.notifyHint}</p>
      <form novalidate @submit=${(event: Event) => {
        event.preventDefault()
        void f.notify(true)
      }}>
        ${textField(s, {
          id: 'notifyEmail',
          label: t.notifyEmailLabel,
          type: 'email',
          autocomplete: 'email',
          maxlength: 254,
          value: f.notifyEmail,
          onInput: (notifyEmail) => f.edit({ notifyEmail }),
        })}
        <button part="button" class="secondary wide" type="submit" id="notify-start" ?disabled=${f.busy}>
          ${t.notifyStart}
        </button>
      </form>`
  },
}
