/** Step 1: what is happening, in plain words (label + one-sentence description per category). */
import { categories, getCategory } from '@safe-place/schemas/data'
import { html, nothing } from 'lit'
import { checkbox, radioGroup } from '../fields'
import type { Step } from './step'

export const categoryStep: Step = {
  id: 'category',
  title: (t) => t.categoryTitle,
  render(p) {
    const lang = p.host.language
    const allowed = p.config?.categories
    const list = categories.filter((c) => !allowed || allowed.includes(c.code))
    const d = p.draft
    const subtypes = d.category ? (getCategory(d.category).subtypes ?? []) : []
    return html`${radioGroup(p, {
      id: 'category',
      legend: p.t.categoryLegend,
      name: 'category',
      value: d.category,
      choices: list.map((c) => ({
        value: c.code,
        label: c.label[lang],
        description: c.description[lang],
      })),
      onChange: (value) => {
        d.category = value as typeof d.category
        d.subtypes = []
        p.update()
      },
    })}
    ${
      subtypes.length
        ? html`<fieldset class="field">
            <legend>${p.t.subtypesLabel} ${html`<span class="muted">${p.t.optional}</span>`}</legend>
            ${subtypes.map((s) =>
              checkbox(`subtype-${s.code}`, s.label[lang], d.subtypes.includes(s.code), (on) => {
                d.subtypes = on
                  ? [...d.subtypes, s.code]
                  : d.subtypes.filter((code) => code !== s.code)
              }),
            )}
          </fieldset>`
        : nothing
    }`
  },
  validate(p): Record<string, string> {
    return p.draft.category ? {} : { category: p.t.categoryError }
  },
}
