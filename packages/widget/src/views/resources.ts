/**
 * Find help: services by situation, for the person's language and country. The bundled copy
 * is shown at once (it works offline); the hub's list replaces it when it answers.
 */
import type { HelpResource } from '@safe-place/schemas'
import {
  type CategoryCode,
  categories,
  helpResources,
  selectResources,
} from '@safe-place/schemas/data'
import { html, nothing, type TemplateResult } from 'lit'
import type { Panel } from '../panel/panel'
import { backButton, heading, resourceList } from './ui'

interface ResourcesState {
  category: CategoryCode | ''
  fromHub: HelpResource[] | undefined
  key: string
}

const state = new WeakMap<Panel, ResourcesState>()

function stateOf(p: Panel): ResourcesState {
  let s = state.get(p)
  if (!s) {
    s = { category: '', fromHub: undefined, key: '' }
    state.set(p, s)
  }
  return s
}

function refresh(p: Panel, s: ResourcesState): void {
  const query: Record<string, string> = { locale: p.host.language }
  if (p.host.country) query.country = p.host.country
  if (s.category) query.category = s.category
  const key = JSON.stringify(query)
  if (s.key === key) return
  s.key = key
  s.fromHub = undefined
  p.client.resources(query).then(
    (list) => {
      if (s.key !== key) return
      s.fromHub = list
      p.update()
    },
    () => undefined,
  )
}

export function resourcesView(p: Panel): TemplateResult {
  const t = p.t
  const s = stateOf(p)
  refresh(p, s)
  const lang = p.host.language
  const bundled = selectResources(helpResources, {
    country: p.host.country,
    locale: lang,
    category: s.category || undefined,
  })
  const list = s.fromHub ?? bundled
  return html`${backButton(p)} ${heading(t.resourcesTitle)}
    <div class="field">
      <label for="resources-category">${t.resourcesFilter}</label>
      <select part="field" id="resources-category"
        @change=${(event: Event) => {
          s.category = (event.target as HTMLSelectElement).value as CategoryCode | ''
          p.update()
        }}>
        <option value="" ?selected=${!s.category}>${t.resourcesAll}</option>
        ${categories.map(
          (c) => html`<option value=${c.code} ?selected=${s.category === c.code}>
            ${c.label[lang]}
          </option>`,
        )}
      </select>
    </div>
    ${s.fromHub ? nothing : html`<p class="muted small">${t.resourcesOffline}</p>`}
    ${resourceList(p, list)}`
}
