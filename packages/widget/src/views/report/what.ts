/** Step 3: what happened, in the person's words; still going on; a raid; immediate danger. */
import { reportLimits } from '@safe-place/schemas/data'
import { html } from 'lit'
import { lines } from '../../panel/draft'
import { checkbox, textField } from '../fields'
import type { Step } from './step'

export const whatStep: Step = {
  id: 'what',
  title: (t) => t.whatTitle,
  render(s) {
    const report = s.report
    const d = report.draft
    const t = s.t
    return html`${textField(s, {
      id: 'description',
      label: t.descriptionLabel,
      hint: t.descriptionHint,
      multiline: true,
      maxlength: reportLimits.descriptionMaxLength,
      value: d.description,
      onInput: (description) => report.edit({ description }),
    })}
    <div class="field">
      ${checkbox('ongoing', t.ongoingLabel, d.ongoing, (ongoing) => report.edit({ ongoing }))}
      ${checkbox('raid', t.raidLabel, d.raid, (raid) => report.edit({ raid }))}
      ${checkbox('danger', t.dangerLabel, d.danger, (danger) => report.edit({ danger }))}
    </div>`
  },
  validate(s): Record<string, string> {
    const d = s.report.draft
    const empty = !d.description.trim() && !lines(d.urls).length && !lines(d.accounts).length
    return empty ? { description: s.t.whatError } : {}
  },
}
