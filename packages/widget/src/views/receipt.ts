/**
 * The receipt: reference and secret token (shown once), a copy button, plain advice on keeping
 * them safe, the hub's next steps and the services for this kind of situation.
 */
import type { HelpResource } from '@safe-place/schemas'
import { getCategory, helpResources } from '@safe-place/schemas/data'
import { html, nothing } from 'lit'
import type { PanelState } from '../state/panel-state'
import { heading, resourceList } from './ui'

export function receiptView(s: PanelState) {
  const t = s.t
  const r = s.receipt
  const receipt = r.current
  if (!receipt) return heading(t.receiptTitle)
  const ids = r.category ? getCategory(r.category).safety.resources : []
  const resources = ids
    .map((id) => helpResources.find((res) => res.id === id))
    .filter(Boolean) as HelpResource[]
  return html`${heading(t.receiptTitle)}
    <p>${t.receiptIntro}</p>
    <dl class="receipt">
      <dt>${t.referenceLabel}</dt>
      <dd class="code" id="receipt-reference">${receipt.reference}</dd>
      <dt>${t.tokenLabel}</dt>
      <dd class="code" id="receipt-token">${receipt.receiptToken}</dd>
    </dl>
    <button part="button" class="secondary wide" @click=${() => r.copy()}>${t.copy}</button>
    <p role="status" class="muted small">${r.copied ? t.copied : nothing}</p>
    <p class="callout">${t.receiptAdvice}</p>
    <div class="nav">
      <button part="button" class="secondary" id="receipt-add"
        @click=${() => s.follow.open(receipt.reference, receipt.receiptToken, 'add')}>${t.addTitle}</button>
      <button part="button" class="secondary" id="receipt-pack"
        @click=${() => s.follow.open(receipt.reference, receipt.receiptToken, 'pack')}>${t.packTitle}</button>
    </div>
    ${
      receipt.nextSteps.length
        ? html`<h3>${t.nextStepsTitle}</h3>
            <ul class="steps">${receipt.nextSteps.map((step) => html`<li>${step.message}</li>`)}</ul>`
        : nothing
    }
    ${resources.length ? html`<h3>${t.resourcesForYou}</h3> ${resourceList(s, resources)}` : nothing}
    <button part="button" class="primary wide" @click=${() => r.done()}>${t.done}</button>
`
}
