/** Step 8: review everything before sending, with a way back to each part. */
import { getCategory, platforms } from '@safe-place/schemas/data'
import { html, nothing, type TemplateResult } from 'lit'
import { fmt } from '../../i18n/launcher'
import { lines } from '../../panel/draft'
import type { Panel } from '../../panel/panel'
import { relevantReceivers } from '../../panel/receivers'
import { noErrors, type Step } from './step'

function row(p: Panel, label: string, value: string, step: number): TemplateResult {
  return html`<div class="review-row">
    <dt>${label}</dt>
    <dd>${value || p.t.nothing}</dd>
    <dd>
      <button part="button" class="link" aria-label="${p.t.change} : ${label}"
        @click=${() => p.goStep(step)}>${p.t.change}</button>
    </dd>
  </div>`
}

export const reviewStep: Step = {
  id: 'review',
  title: (t) => t.reviewTitle,
  render(p) {
    const d = p.draft
    const t = p.t
    const lang = p.host.language
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
    const sharing = relevantReceivers(p.config, d)
      .filter((r) => d.consents[r.id])
      .map((r) => r.name[lang])
      .join(', ')
    const contact = d.channel ? d.contactValue : t.anonymousContact
    return html`<dl class="review">
        ${row(p, t.reviewCategory, d.category ? getCategory(d.category).label[lang] : '', 0)}
        ${row(p, t.reviewWhere, where, 1)}
        ${row(p, t.reviewWhat, d.description.trim().slice(0, 280), 2)}
        ${row(p, t.reviewEvidence, evidence, 3)}
        ${row(p, t.reviewWho, who, 4)}
        ${row(p, t.reviewSharing, sharing, 5)}
        ${row(p, t.reviewContact, contact, 6)}
      </dl>
      ${
        p.sendError
          ? html`<div class="send-error error-box" role="alert" tabindex="-1">
              <p>${p.sendError}</p>
            </div>`
          : nothing
      }`
  },
  validate: noErrors,
}
