/**
 * Contesting the answer: a short reason, then the ways that remain, each with its conditions
 * (the hub sends them as data in her language).
 */
import { html, nothing } from 'lit'
import { fmt } from '../../i18n/launcher'
import { textField } from '../fields'
import type { FollowSection } from './section'

export const contestSection: FollowSection = {
  id: 'contest',
  render(s, report) {
    const t = s.t
    const f = s.follow
    if (report.contest) {
      const date = new Intl.DateTimeFormat(s.locale, { dateStyle: 'long' }).format(
        new Date(report.contest.contestedAt),
      )
      return html`<h3>${t.contestTitle}</h3>
        <p role="status">${fmt(t.contestDone, { date })}</p>
        <ul class="ways">
          ${report.contest.ways.map(
            (way) => html`<li>
              <strong>${way.url ? html`<a href=${way.url} target="_blank" rel="noopener noreferrer">${way.title}</a>` : way.title}</strong>
              <p>${way.conditions}</p>
            </li>`,
          )}
        </ul>`
    }
    if (!report.contestable) return nothing
    return html`<h3>${t.contestTitle}</h3>
      <p>${t.contestIntro}</p>
      <form novalidate @submit=${(event: Event) => {
        event.preventDefault()
        void f.contest()
      }}>
        ${textField(s, {
          id: 'contestReason',
          label: t.contestLabel,
          multiline: true,
          maxlength: 1000,
          value: f.contestReason,
          onInput: (contestReason) => f.edit({ contestReason }),
        })}
        <button part="button" class="secondary wide" type="submit" id="contest" ?disabled=${f.busy}>
          ${t.contestSend}
        </button>
      </form>`
  },
}
