/**
 * Find help: services by situation, for the person's language and country. The bundled copy
 * is shown at once (it works offline); the hub's list replaces it when it answers.
 */
import {
  type CategoryCode,
  categories,
  helpResources,
  selectResources,
} from '@safe-place/schemas/data'
import { html, nothing, type TemplateResult } from 'lit'
import type { PanelState } from '../state/panel-state'
import { backButton, heading, resourceList } from './ui'

export function resourcesView(s: PanelState): TemplateResult {
  const t = s.t
  const r = s.resources
  const fromHub = r.fromHub()
  const lang = s.locale
  const bundled = selectResources(helpResources, {
    country: s.country,
    locale: lang,
    category: r.category || undefined,
  })
  const list = fromHub ?? bundled
  return html`${backButton(s)} ${heading(t.resourcesTitle)}
    <div class="field">
      <label for="resources-category">${t.resourcesFilter}</label>
      <select part="field" id="resources-category"
        @change=${(event: Event) =>
          r.choose((event.target as HTMLSelectElement).value as CategoryCode | '')}>
        <option value="" ?selected=${!r.category}>${t.resourcesAll}</option>
        ${categories.map(
          (c) => html`<option value=${c.code} ?selected=${r.category === c.code}>
            ${c.label[lang]}
          </option>`,
        )}
      </select>
    </div>
    ${fromHub ? nothing : html`<p class="muted small">${t.resourcesOffline}</p>`}
    ${resourceList(s, list)}`
}
