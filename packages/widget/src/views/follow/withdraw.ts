/**
 * Withdrawing the report, behind a clear confirmation: it erases the report's data and there
 * is no undo.
 */
import { html } from 'lit'
import type { FollowSection } from './section'

export const withdrawSection: FollowSection = {
  id: 'withdraw',
  render(s, report) {
    const t = s.t
    const f = s.follow
    if (report.status === 'withdrawn') {
      return html`<p class="callout" role="status">${t.withdrawn}</p>`
    }
    if (f.confirming !== 'withdraw') {
      return html`<button part="button" class="danger wide" id="withdraw"
        @click=${() => f.confirm('withdraw')}>${t.withdraw}</button>`
    }
    return html`<div class="confirm" role="alertdialog" aria-labelledby="withdraw-q">
      <p id="withdraw-q">${t.withdrawConfirm}</p>
      <div class="nav">
        <button part="button" class="secondary" id="withdraw-no"
          @click=${() => f.cancel()}>${t.withdrawNo}</button>
        <button part="button" class="danger" ?disabled=${f.busy}
          @click=${() => f.withdraw()}>${t.withdrawYes}</button>
      </div>
    </div>`
  },
}
