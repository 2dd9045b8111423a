/**
 * Step 6: who receives the report. One unticked box per receiver that takes this kind of
 * report, with its name and what it will do; nothing is shared without a tick. Then the
 * good-faith statement (DSA Article 16).
 */
import { html, nothing } from 'lit'
import { fmt } from '../../i18n/launcher'
import { relevantReceivers, sharingMode } from '../../panel/receivers'
import { checkbox } from '../fields'
import { noErrors, type Step } from './step'

export const sharingStep: Step = {
  id: 'sharing',
  title: (t) => t.sharingTitle,
  render(s) {
    const report = s.report
    const d = report.draft
    const t = s.t
    const lang = s.locale
    const mode = sharingMode(d)
    const receivers = relevantReceivers(s.config, d)
    const withConsent = receivers.filter((r) => r.consentRequired)
    const automatic = receivers.filter((r) => !r.consentRequired)
    let body: unknown
    if (mode === 'hotline') body = html`<p class="callout">${t.sharingHotline}</p>`
    else if (mode === 'under15') body = html`<p class="callout">${t.sharingUnder15}</p>`
    else if (!s.config && s.configFailed) body = html`<p class="callout">${t.sharingOffline}</p>`
    else if (!receivers.length) body = html`<p>${t.sharingNone}</p>`
    else
      body = html`${
        withConsent.length
          ? html`<fieldset class="field">
              <legend>${t.sharingIntro}</legend>
              ${withConsent.map((r) =>
                checkbox(
                  `consent-${r.id}`,
                  html`<strong>${r.name[lang]}</strong><span class="desc">${r.purpose[lang]}</span>`,
                  Boolean(d.consents[r.id]),
                  (on) => report.consent(r.id, on),
                ),
              )}
            </fieldset>`
          : nothing
      }
      ${automatic.map(
        (r) => html`<p>${fmt(t.sharingAuto, { name: r.name[lang], purpose: r.purpose[lang] })}</p>`,
      )}`
    return html`${body}
      <div class="field">
        ${checkbox('goodFaith', t.goodFaithLabel, d.goodFaith, (goodFaith) =>
          report.edit({ goodFaith }),
        )}
      </div>`
  },
  validate: noErrors,
}
