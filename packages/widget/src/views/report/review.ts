/** Step 8: review everything before sending, with a way back to each part. */
import { getCategory, platforms } from '@safe-place/schemas/data'
import { html, nothing, type TemplateResult } from 'lit'
import { fmt } from '../../i18n/launcher'
import { lines } from '../../panel/draft'
import { relevantReceivers } from '../../panel/receivers'
import type { PanelState } from '../../state/panel-state'
import { noErrors, type Step } from './step'

function row(s: PanelState, label: string, value: string, step: number): TemplateResult {
  return html`<div class="review-row">
    <dt>${label}</dt>
    <dd>${value || s.t.nothing}</dd>
    <dd>
      <button part="button" class="link" aria-label="${s.t.change} : ${label}"
        @click=${() => s.report.goStep(step)}>${s.t.change}</button>
    </dd>
  </div>`
}

export const reviewStep: Step = {
  id: 'review',
  title: (t) => t.reviewTitle,
  render(s) {
    const d = s.report.draft
    const t = s.t
    const lang = s.locale
    const platform =
      d.platform === 'other'
        ? d.platformOther
        : (platforms.find((pl) => pl.code === d.platform)?.name ?? '')
    const where = [platform, ...lines(d.urls), ...lines(d.accounts)].join(' · ')
    const evidence = [
      d.files.length ? fmt(t.capturesCount, { n: d.files.length }) : '',
      d.evidenceText.trim() ? '✓' : '',
    ]
      .filter(Boolean)
      .join(' · ')
    const who = [
      { target: t.roleTarget, witness: t.roleWitness, representative: t.roleRepresentative }[
        d.role
      ],
      d.minor ? t.minorLabel : '',
    ]
      .filter(Boolean)
      .join(' · ')
    const sharing = relevantReceivers(s.config, d)
      .filter((r) => d.consents[r.id])
      .map((r) => r.name[lang])
      .join(', ')
    const contact = d.channel ? d.contactValue : t.anonymousContact
    return html`<dl class="review">
        ${row(s, t.reviewCategory, d.category ? getCategory(d.category).label[lang] : '', 0)}
        ${row(s, t.reviewWhere, where, 1)}
        ${row(s, t.reviewWhat, d.description.trim().slice(0, 280), 2)}
        ${row(s, t.reviewEvidence, evidence, 3)}
        ${row(s, t.reviewWho, who, 4)}
        ${row(s, t.reviewSharing, sharing, 5)}
        ${row(s, t.reviewContact, contact, 6)}
      </dl>
      ${
        s.report.sendError
          ? html`<div class="send-error error-box" role="alert" tabindex="-1">
              <p>${s.report.sendError}</p>
            </div>`
          : nothing
      }`
  },
  validate: noErrors,
}
