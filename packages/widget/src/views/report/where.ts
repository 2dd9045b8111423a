/** Step 2: where it happens: the platform, links to the content, the accounts involved. */
import { platforms, reportLimits } from '@safe-place/schemas/data'
import { html, nothing } from 'lit'
import { fmt } from '../../i18n/launcher'
import { lines } from '../../panel/draft'
import { errorText, textField } from '../fields'
import type { Step } from './step'

function badUrl(text: string): boolean {
  try {
    const url = new URL(text)
    return url.protocol !== 'https:' && url.protocol !== 'http:'
  } catch {
    return true
  }
}

export const whereStep: Step = {
  id: 'where',
  title: (t) => t.whereTitle,
  render(s) {
    const report = s.report
    const d = report.draft
    const t = s.t
    const error = s.errors.platform
    return html`<div class="field">
        <label for="platform">${t.platformLabel}</label>
        <select part="field" id="platform" aria-invalid=${error ? 'true' : nothing}
          aria-describedby=${error ? 'platform-error' : nothing}
          @change=${(event: Event) =>
            report.edit({
              platform: (event.target as HTMLSelectElement).value as typeof d.platform,
            })}>
          <option value="" ?selected=${!d.platform}>${t.platformChoose}</option>
          ${platforms.map(
            (pl) =>
              html`<option value=${pl.code} ?selected=${d.platform === pl.code}>${
                pl.code === 'other' ? t.platformOtherOption : pl.name
              }</option>`,
          )}
        </select>
        ${errorText('platform', error)}
      </div>
      ${
        d.platform === 'other'
          ? textField(s, {
              id: 'platformOther',
              label: t.platformOtherLabel,
              value: d.platformOther,
              maxlength: 100,
              onInput: (platformOther) => report.edit({ platformOther }),
            })
          : nothing
      }
      ${textField(s, {
        id: 'urls',
        label: t.urlsLabel,
        hint: t.urlsHint,
        optional: true,
        multiline: true,
        value: d.urls,
        onInput: (urls) => report.edit({ urls }),
      })}
      ${textField(s, {
        id: 'accounts',
        label: t.accountsLabel,
        hint: t.accountsHint,
        optional: true,
        multiline: true,
        value: d.accounts,
        onInput: (accounts) => report.edit({ accounts }),
      })}`
  },
  validate(s) {
    const d = s.report.draft
    const t = s.t
    const errors: Record<string, string> = {}
    if (!d.platform) errors.platform = t.platformError
    if (d.platform === 'other' && !d.platformOther.trim())
      errors.platformOther = t.platformOtherError
    const wrong = lines(d.urls)
      .slice(0, reportLimits.contentUrlsMax + 1)
      .find(badUrl)
    if (wrong) errors.urls = fmt(t.urlsError, { url: wrong.slice(0, 80) })
    return errors
  },
}
