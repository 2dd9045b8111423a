/**
 * Step 4: evidence. Screenshots are re-encoded on the device (metadata stripped, downsized)
 * before they are kept in memory. For intimate images and minors no file is ever taken: a kind
 * explanation and the services that can act instead (docs/safety-rules.md).
 */
import type { HelpResource } from '@safe-place/schemas'
import { getCategory, helpResources, reportLimits } from '@safe-place/schemas/data'
import { html, nothing } from 'lit'
import { fmt } from '../../i18n/launcher'
import { attachmentLimits } from '../../panel/limits'
import type { PanelState } from '../../state/panel-state'
import { errorText, textField } from '../fields'
import { resourceList } from '../ui'
import type { Step } from './step'

const accepted = 'image/png,image/jpeg,image/webp'

function forbiddenHelp(s: PanelState) {
  const code = s.report.draft.category
  if (!code) return nothing
  const ids = getCategory(code).safety.resources
  const list = ids
    .map((id) => helpResources.find((r) => r.id === id))
    .filter((r): r is (typeof helpResources)[number] => Boolean(r)) as HelpResource[]
  return html`<div class="callout">
      <h3>${s.t.evidenceForbiddenTitle}</h3>
      <p>${s.t.evidenceForbidden}</p>
    </div>
    ${resourceList(s, list)}`
}

export const evidenceStep: Step = {
  id: 'evidence',
  title: (t) => t.evidenceTitle,
  render(s) {
    const report = s.report
    const d = report.draft
    const t = s.t
    const forbidden = d.category && getCategory(d.category).safety.attachmentsForbidden
    const text = textField(s, {
      id: 'evidenceText',
      label: t.evidenceTextLabel,
      optional: true,
      multiline: true,
      maxlength: reportLimits.evidenceTextMaxLength,
      value: d.evidenceText,
      onInput: (evidenceText) => report.edit({ evidenceText }),
    })
    if (forbidden) return html`${forbiddenHelp(s)} ${text}`
    const { max } = attachmentLimits(s.config)
    const error = s.errors.files
    return html`<p>${t.evidenceIntro}</p>
      <div class="field">
        <label for="files">${t.filesLabel} <span class="muted">${t.optional}</span></label>
        <p class="hint" id="files-hint">${fmt(t.filesHint, { max })}</p>
        <input part="field" id="files" type="file" accept=${accepted} multiple
          aria-describedby=${error ? 'files-hint files-error' : 'files-hint'}
          aria-invalid=${error ? 'true' : nothing}
          ?disabled=${d.files.length >= max}
          @change=${(event: Event) => {
            const input = event.target as HTMLInputElement
            const files = [...(input.files ?? [])]
            input.value = ''
            void report.addFiles(files)
          }} />
        ${errorText('files', error)}
        <ul class="files">
          ${d.files.map(
            (file, index) => html`<li>
              <span>${fmt(t.fileItem, { n: index + 1, size: Math.ceil(file.blob.size / 1024) })}</span>
              <button part="button" class="secondary small-button"
                @click=${() => report.removeFile(index)}>${fmt(t.removeFile, { n: index + 1 })}</button>
            </li>`,
          )}
        </ul>
      </div>
      ${text}`
  },
  validate: (s): Record<string, string> => (s.errors.files ? { files: s.errors.files } : {}),
}
