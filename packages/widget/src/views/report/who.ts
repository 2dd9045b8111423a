/** Step 5: who is targeted: the reporter's role, and optional facts that change routing. */
import { reportLimits } from '@safe-place/schemas/data'
import { html } from 'lit'
import type { Role, TargetAge } from '../../panel/draft'
import { checkbox, radioGroup, textField } from '../fields'
import { noErrors, type Step } from './step'

export const whoStep: Step = {
  id: 'who',
  title: (t) => t.whoTitle,
  render(p) {
    const d = p.draft
    const t = p.t
    return html`${radioGroup(p, {
      id: 'role',
      legend: t.roleLabel,
      name: 'role',
      value: d.role,
      choices: [
        { value: 'target', label: t.roleTarget },
        { value: 'witness', label: t.roleWitness },
        { value: 'representative', label: t.roleRepresentative },
      ],
      onChange: (v) => {
        d.role = v as Role
        p.update()
      },
    })}
    ${radioGroup(p, {
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
      onChange: (v) => {
        d.woman = v as typeof d.woman
        p.update()
      },
    })}
    ${radioGroup(p, {
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
      onChange: (v) => {
        d.age = v as TargetAge
        p.update()
      },
    })}
    <div class="field">
      ${checkbox('minor', t.minorLabel, d.minor, (on) => {
        d.minor = on
      })}
    </div>
    ${textField(p, {
      id: 'targetHandle',
      label: t.targetHandleLabel,
      hint: t.targetHandleHint,
      optional: true,
      maxlength: reportLimits.handleMaxLength,
      value: d.targetHandle,
      onInput: (v) => {
        d.targetHandle = v
      },
    })}`
  },
  validate: noErrors,
}
