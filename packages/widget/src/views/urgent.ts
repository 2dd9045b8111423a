/**
 * "I am in danger now": the emergency and crisis numbers first, as `tel:` and `sms:` links, from
 * the bundled copy: nothing waits on the network here.
 */
import { helpResources, selectResources } from '@safe-place/schemas/data'
import { html, type TemplateResult } from 'lit'
import type { Panel } from '../panel/panel'
import { backButton, heading, resourceList } from './ui'

export function emergencyResources(p: Panel) {
  return selectResources(helpResources, { country: p.host.country, emergency: true })
}

export function urgentView(p: Panel): TemplateResult {
  const t = p.t
  return html`${backButton(p)} ${heading(t.urgentTitle)}
    <p>${t.urgentIntro}</p>
    <p class="callout">${t.urgentSilent}</p>
    ${resourceList(p, emergencyResources(p))}`
}
