/**
 * "Ajouter des éléments": an incident added to the report — links, accounts, the person's
 * words, screenshots (re-encoded and hashed on the device, as in a first report; none where
 * the category never takes files) — behind a button, so the page stays short until she needs it.
 */
import { getCategory } from '@safe-place/schemas/data'
import { html, nothing } from 'lit'
import { fmt } from '../../i18n/launcher'
import { attachmentLimits } from '../../panel/limits'
import { errorText, textField } from '../fields'
import type { FollowSection } from './section'

export const addSection: FollowSection = {
  id: 'add',
  render(s, report) {
    const t = s.t
    const f = s.follow
    const a = f.addition
    if (report.status === 'withdrawn') return nothing
    if (!a) {
      return html`<button part="button" class="secondary wide" id="add"
        @click=${() => f.openAddition(true)}>${t.addTitle}</button>`
    }
    const { max } = attachmentLimits(s.config)
    const error = s.errors['add-files']
    // Intimate images and minors: never a file, as in a first report (docs/safety-rules.md).
    const noFiles = getCategory(report.category).safety.attachmentsForbidden
    return html`<form class="addition" novalidate aria-labelledby="add-title"
      @submit=${(event: Event) => {
        event.preventDefault()
        void f.sendAddition()
      }}>
      <h3 id="add-title">${t.addTitle}</h3>
      <p>${t.addIntro}</p>
      ${textField(s, {
        id: 'add-description',
        label: t.descriptionLabel,
        multiline: true,
        optional: true,
        maxlength: 5000,
        value: a.description,
        onInput: (description) => f.editAddition({ description }),
      })}
      ${textField(s, {
        id: 'add-urls',
        label: t.urlsLabel,
        hint: t.urlsHint,
        multiline: true,
        optional: true,
        value: a.urls,
        onInput: (urls) => f.editAddition({ urls }),
      })}
      ${textField(s, {
        id: 'add-accounts',
        label: t.accountsLabel,
        hint: t.accountsHint,
        multiline: true,
        optional: true,
        value: a.accounts,
        onInput: (accounts) => f.editAddition({ accounts }),
      })}
      ${
        noFiles
          ? nothing
          : html`<div class="field">
        <label for="add-files">${t.filesLabel} <span class="muted">${t.optional}</span></label>
        <p class="hint" id="add-files-hint">${fmt(t.filesHint, { max })}</p>
        <input part="field" id="add-files" type="file" accept="image/png,image/jpeg,image/webp" multiple
          aria-describedby=${error ? 'add-files-hint add-files-error' : 'add-files-hint'}
          aria-invalid=${error ? 'true' : nothing} ?disabled=${a.files.length >= max}
          @change=${(event: Event) => {
            const input = event.target as HTMLInputElement
            const files = [...(input.files ?? [])]
            input.value = ''
            void f.addFiles(files)
          }} />
        ${errorText('add-files', error)}
        <ul class="files">
          ${a.files.map(
            (file, index) => html`<li>
              <span>${fmt(t.fileItem, { n: index + 1, size: Math.ceil(file.blob.size / 1024) })}</span>
              <button part="button" type="button" class="secondary small-button"
                @click=${() => f.removeFile(index)}>${fmt(t.removeFile, { n: index + 1 })}</button>
            </li>`,
          )}
        </ul>
      </div>`
      }
      <div class="nav">
        <button part="button" type="button" class="secondary"
          @click=${() => f.openAddition(false)}>${t.addCancel}</button>
        <button part="button" type="submit" class="primary" ?disabled=${f.busy}>${t.addSend}</button>
      </div>
    </form>`
  },
}
