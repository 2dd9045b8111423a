/** Step 3: what happened, in the person's words; still going on; a raid; immediate danger. */
import { reportLimits } from '@safe-place/schemas/data'
import { html } from 'lit'
import { lines } from '../../panel/draft'
import { checkbox, textField } from '../fields'
import type { Step } from './step'

export const whatStep: Step = {
  id: 'what',
  title: (t) => t.whatTitle,
  render(p) {
    const d = p.draft
    const t = p.t
    return html`${textField(p, {
      id: 'description',
      label: t.descriptionLabel,
      hint: t.descriptionHint,
      multiline: true,
      maxlength: reportLimits.descriptionMaxLength,
      value: d.description,
      onInput: (v) => {
        d.description = v
      },
    })}
    <div class="field">
      ${checkbox('ongoing', t.ongoingLabel, d.ongoing, (on) => {
        d.ongoing = on
      })}
      ${checkbox('raid', t.raidLabel, d.raid, (on) => {
        d.raid = on
      })}
      ${checkbox('danger', t.dangerLabel, d.danger, (on) => {
        d.danger = on
        p.update()
      })}
    </div>`
  },
  validate(p): Record<string, string> {
    const d = p.draft
    const empty = !d.description.trim() && !lines(d.urls).length && !lines(d.accounts).length
    return empty ? { description: p.t.whatError } : {}
  },
}
