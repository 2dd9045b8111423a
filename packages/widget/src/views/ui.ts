/** Small shared pieces of the views: headings that take focus, back buttons, resource cards. */
import type { HelpResource } from '@safe-place/schemas'
import { html, nothing, type TemplateResult } from 'lit'
import { fmt } from '../i18n/launcher'
import type { View, ViewState } from '../state/panel-state'

/** Each view starts with an h2 that receives focus, so a screen reader announces where we are. */
export function heading(text: string): TemplateResult {
  return html`<h2 tabindex="-1">${text}</h2>`
}

export function backButton(s: ViewState, to: View = 'home'): TemplateResult {
  return html`<button part="button" class="link" @click=${() => s.go(to)}>
    <span aria-hidden="true">←</span> ${to === 'home' ? s.t.home : s.t.back}
  </button>`
}

function channelLink(s: ViewState, channel: HelpResource['channels'][number]): TemplateResult {
  const t = s.t
  const label =
    channel.kind === 'phone'
      ? fmt(t.channelPhone, { label: channel.label })
      : channel.kind === 'sms'
        ? fmt(t.channelSms, { label: channel.label })
        : fmt(t.channelWeb, { label: channel.label })
  const external = channel.href.startsWith('https:')
  return html`<a part="button" class="channel ${channel.kind}" href=${channel.href}
    target=${external ? '_blank' : nothing} rel=${external ? 'noopener noreferrer' : nothing}
    >${label}</a>`
}

function resourceCard(s: ViewState, resource: HelpResource): TemplateResult {
  const lang = s.locale
  const tags = [resource.free ? s.t.free : '', resource.anonymous ? s.t.anonymous : '']
    .concat(resource.hours[lang])
    .filter(Boolean)
  return html`<li class="resource">
    <h3>${resource.name[lang]}</h3>
    <p>${resource.purpose[lang]}</p>
    <p class="muted small">${tags.join(' · ')}</p>
    <div class="channels">${resource.channels.map((c) => channelLink(s, c))}</div>
  </li>`
}

export function resourceList(s: ViewState, resources: readonly HelpResource[]): TemplateResult {
  return html`<ul class="resources">${resources.map((r) => resourceCard(s, r))}</ul>`
}
