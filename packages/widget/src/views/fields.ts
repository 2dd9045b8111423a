/**
 * Labelled form controls. Every control has a visible label; hints and errors are linked with
 * `aria-describedby`, an invalid control says so with `aria-invalid`, and the error text sits
 * right under it so a person on a phone sees both at once.
 */
import { html, nothing, type TemplateResult } from 'lit'
import type { ViewState } from '../state/panel-state'

interface TextOptions {
  id: string
  label: string
  value: string
  onInput: (value: string) => void
  hint?: string
  optional?: boolean
  multiline?: boolean
  type?: 'text' | 'email' | 'tel' | 'url'
  autocomplete?: string
  maxlength?: number
}

const describedBy = (id: string, hint?: string, error?: string) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing

const inputValue = (event: Event) => (event.target as HTMLInputElement).value

export function errorText(id: string, error: string | undefined) {
  return error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing
}

function optionalMark(s: ViewState, optional: boolean | undefined) {
  return optional ? html` <span class="muted">${s.t.optional}</span>` : nothing
}

export function textField(s: ViewState, o: TextOptions): TemplateResult {
  const error = s.errors[o.id]
  const common = {
    described: describedBy(o.id, o.hint, error),
    invalid: error ? 'true' : nothing,
  }
  const onInput = (event: Event) => o.onInput(inputValue(event))
  return html`<div class="field">
    <label for=${o.id}>${o.label}${optionalMark(s, o.optional)}</label>
    ${o.hint ? html`<p class="hint" id="${o.id}-hint">${o.hint}</p>` : nothing}
    ${
      o.multiline
        ? html`<textarea part="field" id=${o.id} rows="4" .value=${o.value} @input=${onInput}
            maxlength=${o.maxlength ?? nothing}
            aria-invalid=${common.invalid} aria-describedby=${common.described}></textarea>`
        : html`<input part="field" id=${o.id} type=${o.type ?? 'text'} .value=${o.value}
            @input=${onInput} autocomplete=${o.autocomplete ?? 'off'}
            maxlength=${o.maxlength ?? nothing}
            aria-invalid=${common.invalid} aria-describedby=${common.described} />`
    }
    ${errorText(o.id, error)}
  </div>`
}

export function checkbox(
  id: string,
  label: string | TemplateResult,
  checked: boolean,
  onChange: (checked: boolean) => void,
): TemplateResult {
  return html`<label class="check" for=${id}>
    <input part="field" type="checkbox" id=${id} .checked=${checked}
      @change=${(event: Event) => onChange((event.target as HTMLInputElement).checked)} />
    <span>${label}</span>
  </label>`
}

interface Choice {
  value: string
  label: string
  description?: string
}

export function radioGroup(
  s: ViewState,
  o: {
    id: string
    legend: string
    name: string
    value: string
    choices: readonly Choice[]
    onChange: (value: string) => void
    optional?: boolean
  },
): TemplateResult {
  const error = s.errors[o.id]
  return html`<fieldset class="field">
    <legend>${o.legend}${optionalMark(s, o.optional)}</legend>
    ${o.choices.map(
      (choice, index) => html`<label class="choice">
        <input part="field" type="radio" name=${o.name} id=${index === 0 ? o.id : `${o.id}-${index}`}
          .value=${choice.value} .checked=${o.value === choice.value}
          aria-invalid=${error ? 'true' : nothing}
          aria-describedby=${error ? `${o.id}-error` : nothing}
          @change=${() => o.onChange(choice.value)} />
        <span>${choice.label}${
          choice.description ? html`<span class="desc">${choice.description}</span>` : nothing
        }</span>
      </label>`,
    )}
    ${errorText(o.id, error)}
  </fieldset>`
}
