/** Step 7: contact, optional: anonymous is the default and is fine. */
import { html, nothing } from 'lit'
import { checkbox, radioGroup, textField } from '../fields'
import type { Step } from './step'

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const PHONE = /^\+?[0-9 ().-]{6,24}$/

export const contactStep: Step = {
  id: 'contact',
  title: (t) => t.contactTitle,
  render(s) {
    const report = s.report
    const d = report.draft
    const t = s.t
    const email = d.channel === 'email'
    return html`<p>${t.contactIntro}</p>
      ${radioGroup(s, {
        id: 'channel',
        legend: t.channelLabel,
        name: 'channel',
        value: d.channel,
        choices: [
          { value: '', label: t.channelNone },
          { value: 'email', label: t.channelEmail },
          { value: 'phone', label: t.channelPhoneOption },
        ],
        onChange: (v) => report.edit({ channel: v as typeof d.channel }),
      })}
      ${
        d.channel
          ? html`${textField(s, {
              id: 'contactValue',
              label: email ? t.emailLabel : t.phoneLabel,
              type: email ? 'email' : 'tel',
              autocomplete: email ? 'email' : 'tel',
              maxlength: email ? 254 : 24,
              value: d.contactValue,
              onInput: (contactValue) => report.edit({ contactValue }),
            })}
            ${textField(s, {
              id: 'contactName',
              label: t.nameLabel,
              optional: true,
              autocomplete: 'nickname',
              maxlength: 200,
              value: d.contactName,
              onInput: (contactName) => report.edit({ contactName }),
            })}`
          : nothing
      }
      ${
        s.config?.notifications?.email
          ? html`<div class="field">
              ${checkbox('notify', t.notifyOptIn, d.notify, (notify) =>
                report.edit({
                  notify,
                  // Her contact address, if she gave one, is the likely one: she can change it.
                  ...(notify && !d.notifyEmail && email ? { notifyEmail: d.contactValue } : {}),
                }),
              )}
              <p class="hint">${t.notifyHint}</p>
              ${
                d.notify
                  ? textField(s, {
                      id: 'notifyEmail',
                      label: t.notifyEmailLabel,
                      type: 'email',
                      autocomplete: 'email',
                      maxlength: 254,
                      value: d.notifyEmail,
                      onInput: (notifyEmail) => report.edit({ notifyEmail }),
                    })
                  : nothing
              }
            </div>`
          : nothing
      }
      <div class="sr" aria-hidden="true">
        <label for="homepage">Homepage</label>
        <input id="homepage" tabindex="-1" autocomplete="off" .value=${d.homepage}
          @input=${(event: Event) =>
            report.edit({ homepage: (event.target as HTMLInputElement).value })} />
      </div>`
  },
  validate(s): Record<string, string> {
    const d = s.report.draft
    const value = d.contactValue.trim()
    if (d.channel === 'email' && !EMAIL.test(value)) return { contactValue: s.t.emailError }
    if (d.channel === 'phone' && !PHONE.test(value)) return { contactValue: s.t.phoneError }
    if (d.notify && !EMAIL.test(d.notifyEmail.trim())) return { notifyEmail: s.t.emailError }
    return {}
  },
}
