/** Step 1: what is happening, in plain words (label + one-sentence description per category). */
import { categories, getCategory } from '@safe-place/schemas/data'
import { html, nothing } from 'lit'
import { checkbox, radioGroup } from '../fields'
import type { Step } from './step'

export const categoryStep: Step = {
  id: 'category',
  title: (t) => t.categoryTitle,
  render(s) {
    const lang = s.locale
    const allowed = s.config?.categories
    const list = categories.filter((c) => !allowed || allowed.includes(c.code))
    const report = s.report
    const d = report.draft
    const subtypes = d.category ? (getCategory(d.category).subtypes ?? []) : []
    return html`${radioGroup(s, {
      id: 'category',
      legend: s.t.categoryLegend,
      name: 'category',
      value: d.category,
      choices: list.map((c) => ({
        value: c.code,
        label: c.label[lang],
        description: c.description[lang],
      })),
      onChange: (value) => report.edit({ category: value as typeof d.category, subtypes: [] }),
    })}
    ${
      subtypes.length
        ? html`<fieldset class="field">
            <legend>${s.t.subtypesLabel} ${html`<span class="muted">${s.t.optional}</span>`}</legend>
            ${subtypes.map((sub) =>
              checkbox(
                `subtype-${sub.code}`,
                sub.label[lang],
                d.subtypes.includes(sub.code),
                (on) =>
                  report.edit({
                    subtypes: on
                      ? [...d.subtypes, sub.code]
                      : d.subtypes.filter((code) => code !== sub.code),
                  }),
              ),
            )}
          </fieldset>`
        : nothing
    }`
  },
  validate(s): Record<string, string> {
    return s.report.draft.category ? {} : { category: s.t.categoryError }
  },
}
