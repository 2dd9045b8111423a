/**
 * The receipt: reference and secret token (shown once), a copy button, plain advice on keeping
 * them safe, the hub's next steps and the services for this kind of situation.
 */
import type { HelpResource } from '@safe-place/schemas'
import { getCategory, helpResources } from '@safe-place/schemas/data'
import { html, nothing } from 'lit'
import type { Panel } from '../panel/panel'
import { heading, resourceList } from './ui'

async function copy(p: Panel): Promise<void> {
  const receipt = p.receipt
  if (!receipt) return
  const t = p.t
  const text = `${t.referenceLabel}: ${receipt.reference}\n${t.tokenLabel}: ${receipt.receiptToken}`
  try {
    await navigator.clipboard.writeText(text)
    p.copied = true
  } catch {
    p.copied = false
  }
  p.update()
}

export function receiptView(p: Panel) {
  const t = p.t
  const receipt = p.receipt
  if (!receipt) return heading(t.receiptTitle)
  const ids = p.receiptCategory ? getCategory(p.receiptCategory).safety.resources : []
  const resources = ids
    .map((id) => helpResources.find((r) => r.id === id))
    .filter(Boolean) as HelpResource[]
  return html`${heading(t.receiptTitle)}
    <p>${t.receiptIntro}</p>
    <dl class="receipt">
      <dt>${t.referenceLabel}</dt>
      <dd class="code" id="receipt-reference">${receipt.reference}</dd>
      <dt>${t.tokenLabel}</dt>
      <dd class="code" id="receipt-token">${receipt.receiptToken}</dd>
    </dl>
    <button part="button" class="secondary wide" @click=${() => copy(p)}>${t.copy}</button>
    <p role="status" class="muted small">${p.copied ? t.copied : nothing}</p>
    <p class="callout">${t.receiptAdvice}</p>
    ${
      receipt.nextSteps.length
        ? html`<h3>${t.nextStepsTitle}</h3>
            <ul class="steps">${receipt.nextSteps.map((s) => html`<li>${s.message}</li>`)}</ul>`
        : nothing
    }
    ${resources.length ? html`<h3>${t.resourcesForYou}</h3> ${resourceList(p, resources)}` : nothing}
    <button part="button" class="primary wide" @click=${() => {
      p.receipt = undefined
      p.copied = false
      p.go('home')
    }}>${t.done}</button>
`
}
