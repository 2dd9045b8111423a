/**
 * Partners and their site keys (operator): add a partner, add a site key bound to allowed
 * origins, change a key's origins, revoke a key.
 */
import type { Partner, SiteKey } from '@safe-place/schemas'
import { html, nothing } from 'lit'
import { dateTime } from '../format'
import { codeKey } from '../i18n/index'
import { ConsoleView } from './view'

const PARTNER_KINDS = [
  'brand',
  'agency',
  'platform',
  'federation',
  'trusted_flagger',
  'moderation_vendor',
] as const

const origins = (text: string) =>
  text
    .split(/\s+/)
    .map((o) => o.trim())
    .filter(Boolean)

export class PartnersView extends ConsoleView {
  static override properties = {
    partners: { state: true },
    siteKeys: { state: true },
  }

  declare partners: Partner[]
  declare siteKeys: SiteKey[]

  constructor() {
    super()
    this.partners = []
    this.siteKeys = []
  }

  override connectedCallback(): void {
    super.connectedCallback()
    void this.load()
  }

  private async load(notice = ''): Promise<void> {
    const lists = await this.run(
      () =>
        Promise.all([
          this.api.get<{ items: Partner[] }>('/v1/console/partners'),
          this.api.get<{ items: SiteKey[] }>('/v1/console/site-keys'),
        ]),
      notice,
    )
    if (lists) {
      this.partners = lists[0].items
      this.siteKeys = lists[1].items
    }
  }

  private async createPartner(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const form = event.target as HTMLFormElement
    const data = new FormData(form)
    const body = { name: String(data.get('name')), kind: String(data.get('kind')) }
    if (await this.run(() => this.api.send('POST', '/v1/console/partners', body))) {
      form.reset()
      await this.load(this.t('saved'))
    }
  }

  private async createSiteKey(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const form = event.target as HTMLFormElement
    const data = new FormData(form)
    const label = String(data.get('label') ?? '').trim()
    const body = {
      partnerId: String(data.get('partnerId')),
      allowedOrigins: origins(String(data.get('origins') ?? '')),
      ...(label ? { label } : {}),
    }
    if (await this.run(() => this.api.send('POST', '/v1/console/site-keys', body))) {
      form.reset()
      await this.load(this.t('saved'))
    }
  }

  private async saveOrigins(key: SiteKey, event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const data = new FormData(event.target as HTMLFormElement)
    const body = { allowedOrigins: origins(String(data.get('origins') ?? '')) }
    const path = `/v1/console/site-keys/${encodeURIComponent(key.id)}`
    if (await this.run(() => this.api.send('PATCH', path, body))) await this.load(this.t('saved'))
  }

  private async revoke(key: SiteKey): Promise<void> {
    const path = `/v1/console/site-keys/${encodeURIComponent(key.id)}`
    if (await this.run(() => this.api.send('DELETE', path))) await this.load(this.t('saved'))
  }

  private renderKey(key: SiteKey) {
    const t = this.t
    const id = `origins-${key.id}`
    return html`<li class="card site-key" data-site-key=${key.id}>
      <p><code>${key.key}</code> ${key.label ? html`· ${key.label}` : nothing}</p>
      ${
        key.revokedAt
          ? html`<p class="muted">${t('revokedOn', { at: dateTime(this.locale, key.revokedAt) })}</p>
              <p>${key.allowedOrigins.join(', ')}</p>`
          : html`<form @submit=${(e: SubmitEvent) => this.saveOrigins(key, e)}>
              <label for=${id}>${t('siteKeyOrigins')}</label>
              <textarea id=${id} name="origins" rows="2">${key.allowedOrigins.join('\n')}</textarea>
              <div class="row">
                <button type="submit" class="secondary">${t('saveOrigins')}</button>
                <button type="button" class="secondary" @click=${() => this.revoke(key)}>
                  ${t('revoke')}
                </button>
              </div>
            </form>`
      }
    </li>`
  }

  override render() {
    const t = this.t
    return html`<h1>${t('partnersTitle')}</h1>
      ${this.messages()}
      <h2>${t('partnerCreateTitle')}</h2>
      <form @submit=${this.createPartner}>
        <fieldset>
          <legend>${t('partnerCreateTitle')}</legend>
          <label>${t('partnerName')} <input name="name" required maxlength="200" /></label>
          <label
            >${t('partnerKind')}
            <select name="kind">
              ${PARTNER_KINDS.map((k) => html`<option value=${k}>${t(codeKey('kind', k) ?? 'none')}</option>`)}
            </select></label
          >
          <button type="submit">${t('partnerCreate')}</button>
        </fieldset>
      </form>
      <h2>${t('siteKeyCreateTitle')}</h2>
      <form @submit=${this.createSiteKey}>
        <fieldset>
          <legend>${t('siteKeyCreateTitle')}</legend>
          <label
            >${t('siteKeyPartner')}
            <select name="partnerId" required>
              ${this.partners.map((p) => html`<option value=${p.id}>${p.name}</option>`)}
            </select></label
          >
          <label>${t('siteKeyLabel')} <input name="label" maxlength="200" /></label>
          <label>${t('siteKeyOrigins')} <textarea name="origins" rows="2" required></textarea></label>
          <button type="submit" ?disabled=${this.partners.length === 0}>${t('siteKeyCreate')}</button>
        </fieldset>
      </form>
      ${this.partners.map((p) => {
        const keys = this.siteKeys.filter((k) => k.partnerId === p.id)
        return html`<section aria-labelledby="p-${p.id}">
          <h2 id="p-${p.id}">${t('siteKeysOf', { name: p.name })}</h2>
          <p class="muted">${t(codeKey('kind', p.kind) ?? 'none')}</p>
          ${keys.length ? html`<ul>${keys.map((k) => this.renderKey(k))}</ul>` : html`<p>${t('noSiteKeys')}</p>`}
        </section>`
      })}`
  }
}
