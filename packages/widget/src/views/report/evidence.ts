/**
 * Step 4: evidence. Screenshots are re-encoded on the device (metadata stripped, downsized)
 * before they are kept in memory. For intimate images and minors no file is ever taken: a kind
 * explanation and the services that can act instead (docs/safety-rules.md).
 */
import type { HelpResource } from '@safe-place/schemas'
import { getCategory, helpResources, reportLimits } from '@safe-place/schemas/data'
import { html, nothing } from 'lit'
import { reencodeImage } from '../../evidence/reencode'
import { fmt } from '../../i18n/launcher'
import type { Panel } from '../../panel/panel'
import { errorText, textField } from '../fields'
import { resourceList } from '../ui'
import type { Step } from './step'

const accepted = 'image/png,image/jpeg,image/webp'

function limits(p: Panel) {
  return {
    max: Math.min(p.config?.limits.attachmentsMax ?? reportLimits.attachmentsMax, 5),
    bytes: p.config?.limits.attachmentMaxBytes ?? reportLimits.attachmentMaxBytes,
  }
}

async function addFiles(p: Panel, input: HTMLInputElement): Promise<void> {
  const files = [...(input.files ?? [])]
  input.value = ''
  const { max, bytes } = limits(p)
  delete p.errors.files
  for (const file of files) {
    if (p.draft.files.length >= max) {
      p.errors.files = fmt(p.t.filesTooMany, { max })
      break
    }
    try {
      const blob = await reencodeImage(file, bytes)
      p.draft.files = [...p.draft.files, { blob, name: `capture-${p.draft.files.length + 1}.jpg` }]
    } catch {
      p.errors.files = fmt(p.t.filesError, { name: file.name.slice(0, 60) })
    }
  }
  p.update()
}

export function forbiddenHelp(p: Panel) {
  const code = p.draft.category
  if (!code) return nothing
  const ids = getCategory(code).safety.resources
  const list = ids
    .map((id) => helpResources.find((r) => r.id === id))
    .filter((r): r is (typeof helpResources)[number] => Boolean(r)) as HelpResource[]
  return html`<div class="callout">
      <h3>${p.t.evidenceForbiddenTitle}</h3>
      <p>${p.t.evidenceForbidden}</p>
    </div>
    ${resourceList(p, list)}`
}

export const evidenceStep: Step = {
  id: 'evidence',
  title: (t) => t.evidenceTitle,
  render(p) {
    const d = p.draft
    const t = p.t
    const forbidden = d.category && getCategory(d.category).safety.attachmentsForbidden
    const text = textField(p, {
      id: 'evidenceText',
      label: t.evidenceTextLabel,
      optional: true,
      multiline: true,
      maxlength: reportLimits.evidenceTextMaxLength,
      value: d.evidenceText,
      onInput: (v) => {
        d.evidenceText = v
      },
    })
    if (forbidden) return html`${forbiddenHelp(p)} ${text}`
    const { max } = limits(p)
    const error = p.errors.files
    return html`<p>${t.evidenceIntro}</p>
      <div class="field">
        <label for="files">${t.filesLabel} <span class="muted">${t.optional}</span></label>
        <p class="hint" id="files-hint">${fmt(t.filesHint, { max })}</p>
        <input part="field" id="files" type="file" accept=${accepted} multiple
          aria-describedby=${error ? 'files-hint files-error' : 'files-hint'}
          aria-invalid=${error ? 'true' : nothing}
          ?disabled=${d.files.length >= max}
          @change=${(event: Event) => addFiles(p, event.target as HTMLInputElement)} />
        ${errorText('files', error)}
        <ul class="files">
          ${d.files.map(
            (file, index) => html`<li>
              <span>${fmt(t.fileItem, { n: index + 1, size: Math.ceil(file.blob.size / 1024) })}</span>
              <button part="button" class="secondary small-button"
                @click=${() => {
                  d.files = d.files.filter((_, i) => i !== index)
                  p.update()
                }}>${fmt(t.removeFile, { n: index + 1 })}</button>
            </li>`,
          )}
        </ul>
      </div>
      ${text}`
  },
  validate: (p): Record<string, string> => (p.errors.files ? { files: p.errors.files } : {}),
}
