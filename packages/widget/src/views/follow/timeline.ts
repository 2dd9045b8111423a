/** Where the report is now, and its timeline in plain words. */
import { html } from 'lit'
import type { Strings } from '../../i18n/fr'
import { fmt } from '../../i18n/launcher'
import type { FollowSection } from './section'

const statusLabel = (t: Strings, status: string) => t[`status_${status}` as keyof Strings] ?? status

export const timelineSection: FollowSection = {
  id: 'timeline',
  render(s, report) {
    const t = s.t
    const dateFormat = new Intl.DateTimeFormat(s.locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
    })
    return html`<p class="status-now">${fmt(t.statusNow, { status: statusLabel(t, report.status) })}</p>
      <h3>${t.timelineTitle}</h3>
      <ol class="timeline">
        ${report.timeline.map(
          (entry) => html`<li>
            <time datetime=${entry.at}>${dateFormat.format(new Date(entry.at))}</time>
            <span>${entry.message}</span>
          </li>`,
        )}
      </ol>`
  },
}
