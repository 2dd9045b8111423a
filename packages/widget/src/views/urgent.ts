/**
 * "I am in danger now": the emergency and crisis numbers first, as `tel:` and `sms:` links, from
 * the bundled copy: nothing waits on the network here.
 */
import { helpResources, selectResources } from '@safe-place/schemas/data'
import { html, type TemplateResult } from 'lit'
import type { ViewState } from '../state/panel-state'
import { backButton, heading, resourceList } from './ui'

export function emergencyResources(country: string | undefined) {
  return selectResources(helpResources, { country, emergency: true })
}

export function urgentView(s: ViewState): TemplateResult {
  const t = s.t
  return html`${backButton(s)} ${heading(t.urgentTitle)}
    <p>${t.urgentIntro}</p>
    <p class="callout">${t.urgentSilent}</p>
    ${resourceList(s, emergencyResources(s.country))}`
}
