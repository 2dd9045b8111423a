/** The platforms' decisions on the report, in the plain sentences the hub wrote for her. */
import { html, nothing } from 'lit'
import type { FollowSection } from './section'

export const decisionSection: FollowSection = {
  id: 'decision',
  render(s, report) {
    const t = s.t
    if (!report.decisions?.length) return nothing
    return html`<h3>${t.decisionTitle}</h3>
      ${report.decisions.map(
        (d) => html`<div class="callout decision">
          <p>${d.summary}</p>
          ${d.appealUrl ? html`<p><a href=${d.appealUrl} target="_blank" rel="noopener noreferrer">${t.appealLink}</a></p>` : nothing}
          ${d.statementUrl ? html`<p><a href=${d.statementUrl} target="_blank" rel="noopener noreferrer">${t.statementLink}</a></p>` : nothing}
        </div>`,
      )}`
  },
}
