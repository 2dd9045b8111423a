/** Step 5: who is targeted: the reporter's role, and optional facts that change routing. */
import { reportLimits } from '@safe-place/schemas/data'
import { html } from 'lit'
import type { Role, TargetAge } from '../../panel/draft'
import { checkbox, radioGroup, textField } from '../fields'
import { noErrors, type Step } from './step'

export const whoStep: Step = {
  id: 'who',
  title: (t) => t.whoTitle,
  render(s) {
    const report = s.report
    const d = report.draft
    const t = s.t
    return html`${radioGroup(s, {
      id: 'role',
      legend: t.roleLabel,
      name: 'role',
      value: d.role,
      choices: [
        { value: 'target', label: t.roleTarget },
        { value: 'witness', label: t.roleWitness },
        { value: 'representative', label: t.roleRepresentative },
      ],
      onChange: (v) => report.edit({ role: v as Role }),
    })}
    ${radioGroup(s, {
      id: 'woman',
      legend: t.womanLabel,
      name: 'woman',
      optional: true,
      value: d.woman,
      choices: [
        { value: 'yes', label: t.yes },
        { value: 'no', label: t.no },
        { value: '', label: t.notSaying },
      ],
      onChange: (v) => report.edit({ woman: v as typeof d.woman }),
    })}
    ${radioGroup(s, {
      id: 'age',
      legend: t.ageLabel,
      name: 'age',
      value: d.age,
      choices: [
        { value: 'adult', label: t.ageAdult },
        { value: '15_17', label: t.age1517 },
        { value: 'under_15', label: t.ageUnder15 },
        { value: 'not_stated', label: t.ageNotStated },
      ],
      onChange: (v) => report.edit({ age: v as TargetAge }),
    })}
    <div class="field">
      ${checkbox('minor', t.minorLabel, d.minor, (minor) => report.edit({ minor }))}
    </div>
    ${textField(s, {
      id: 'targetHandle',
      label: t.targetHandleLabel,
      hint: t.targetHandleHint,
      optional: true,
      maxlength: reportLimits.handleMaxLength,
      value: d.targetHandle,
      onInput: (targetHandle) => report.edit({ targetHandle }),
    })}`
  },
  validate: noErrors,
}
