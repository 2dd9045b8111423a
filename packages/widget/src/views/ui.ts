/** Small shared pieces of the views: headings that take focus, back buttons, resource cards. */
import type { HelpResource } from '@safe-place/schemas'
import { html, nothing, type TemplateResult } from 'lit'
import { fmt } from '../i18n/launcher'
import type { Panel, View } from '../panel/panel'

/** Each view starts with an h2 that receives focus, so a screen reader announces where we are. */
export function heading(text: string): TemplateResult {
  return html`<h2 tabindex="-1">${text}</h2>`
}

export function backButton(p: Panel, to: View = 'home'): TemplateResult {
  return html`<button part="button" class="link" @click=${() => p.go(to)}>
    <span aria-hidden="true">←</span> ${to === 'home' ? p.t.home : p.t.back}
  </button>`
}

function channelLink(p: Panel, channel: HelpResource['channels'][number]): TemplateResult {
  const t = p.t
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

export function resourceCard(p: Panel, resource: HelpResource): TemplateResult {
  const lang = p.host.language
  const tags = [resource.free ? p.t.free : '', resource.anonymous ? p.t.anonymous : '']
    .concat(resource.hours[lang])
    .filter(Boolean)
  return html`<li class="resource">
    <h3>${resource.name[lang]}</h3>
    <p>${resource.purpose[lang]}</p>
    <p class="muted small">${tags.join(' · ')}</p>
    <div class="channels">${resource.channels.map((c) => channelLink(p, c))}</div>
  </li>`
}

export function resourceList(p: Panel, resources: readonly HelpResource[]): TemplateResult {
  return html`<ul class="resources">${resources.map((r) => resourceCard(p, r))}</ul>`
}
