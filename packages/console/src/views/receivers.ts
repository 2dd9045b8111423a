/**
 * Receivers and their health: success rate, median latency and last error over 7 days,
 * waiting and failed messages, disabled state and why; the operator can disable one (saying
 * why) or enable it again, rotate its secret (shown once) and send it a test message.
 */
import type { ConsoleReceiver } from '@safe-place/schemas'
import { html, nothing } from 'lit'
import { dateTime, percent } from '../format'
import { codeKey } from '../i18n/index'
import { ConsoleView } from './view'

export class ReceiversView extends ConsoleView {
  static override properties = {
    items: { state: true },
    secret: { state: true },
    disabling: { state: true },
  }

  declare items: ConsoleReceiver[]
  declare secret: { receiverId: string; secret: string; until: string } | undefined
  /** The receiver whose disable form is open. */
  declare disabling: string | undefined

  constructor() {
    super()
    this.items = []
    this.secret = undefined
    this.disabling = undefined
  }

  override connectedCallback(): void {
    super.connectedCallback()
    void this.load()
  }

  private async load(notice = ''): Promise<void> {
    const list = await this.run(
      () => this.api.get<{ items: ConsoleReceiver[] }>('/v1/console/receivers'),
      notice,
    )
    if (list) this.items = list.items
  }

  private path(r: ConsoleReceiver, action: string): string {
    return `/v1/console/receivers/${encodeURIComponent(r.id)}/${action}`
  }

  private async enable(r: ConsoleReceiver): Promise<void> {
    if (await this.run(() => this.api.send('POST', this.path(r, 'enable'))))
      await this.load(this.t('enabledDone'))
  }

  /** Opens (or closes) the form asking why, and moves focus into it (or back to its button). */
  private async toggleDisable(r: ConsoleReceiver, open: boolean): Promise<void> {
    this.disabling = open ? r.id : undefined
    await this.updateComplete
    const target = open
      ? this.renderRoot.querySelector<HTMLInputElement>(`#disable-${r.id} input[name="reason"]`)
      : this.renderRoot.querySelector<HTMLButtonElement>(`[data-receiver="${r.id}"] .disable`)
    target?.focus()
  }

  private async disable(event: SubmitEvent, r: ConsoleReceiver): Promise<void> {
    event.preventDefault()
    const reason = new FormData(event.target as HTMLFormElement).get('reason')
    const done = await this.run(() =>
      this.api.send('POST', this.path(r, 'disable'), { reason: String(reason ?? '') }),
    )
    if (!done) return
    this.disabling = undefined
    await this.load(this.t('disabledDone'))
  }

  private renderDisableForm(r: ConsoleReceiver) {
    const t = this.t
    return html`<form id="disable-${r.id}" class="row" @submit=${(e: SubmitEvent) => this.disable(e, r)}>
      <label>${t('disableReason')} <input name="reason" required maxlength="500" autocomplete="off" /></label>
      <button type="submit" ?disabled=${this.busy}>${t('disableConfirm')}</button>
      <button type="button" class="secondary" @click=${() => this.toggleDisable(r, false)}>
        ${t('cancel')}
      </button>
    </form>`
  }

  private async rotate(r: ConsoleReceiver): Promise<void> {
    const rotated = await this.run(() =>
      this.api.send<{ secret: string; previousSecretExpiresAt: string }>(
        'POST',
        this.path(r, 'rotate-secret'),
      ),
    )
    if (rotated) {
      this.secret = {
        receiverId: r.id,
        secret: rotated.secret,
        until: dateTime(this.locale, rotated.previousSecretExpiresAt),
      }
    }
  }

  private async test(r: ConsoleReceiver): Promise<void> {
    const queued = await this.run(() =>
      this.api.send<{ messageId: string }>('POST', this.path(r, 'test')),
    )
    if (queued) this.notice = this.t('testQueued', { id: queued.messageId })
  }

  private renderReceiver(r: ConsoleReceiver) {
    const t = this.t
    const h = r.health
    return html`<section class="card receiver" data-receiver=${r.id} aria-labelledby="r-${r.id}">
      <h2 id="r-${r.id}">${r.name[this.locale]}</h2>
      <p class="muted">${t(codeKey('kind', r.kind) ?? 'none')} · ${r.profile} · <span class="pre">${r.url}</span></p>
      <p>
        ${r.enabled ? html`<span class="badge">${t('receiverEnabled')}</span>` : html`<span class="badge urgent">${t('receiverDisabled', { reason: r.disabledReason ?? '—' })}</span>`}
      </p>
      <dl>
        <dt>${t('successRate')}</dt>
        <dd>${percent(h.successRate) ?? '—'} (${h.attempts})</dd>
        <dt>${t('medianLatency')}</dt>
        <dd>${h.medianLatencyMs === null ? '—' : `${Math.round(h.medianLatencyMs)} ms`}</dd>
        <dt>${t('lastError')}</dt>
        <dd class="pre">${h.lastError ? `${h.lastError} (${dateTime(this.locale, h.lastErrorAt)})` : '—'}</dd>
        <dt>${t('pendingFailed')}</dt>
        <dd>${h.pending} / ${h.failed}</dd>
      </dl>
      ${
        this.isOperator
          ? html`<div class="row">
              ${
                r.enabled
                  ? html`<button
                      class="secondary disable"
                      aria-expanded=${this.disabling === r.id ? 'true' : 'false'}
                      aria-controls=${this.disabling === r.id ? `disable-${r.id}` : nothing}
                      @click=${() => this.toggleDisable(r, this.disabling !== r.id)}
                    >
                      ${t('disable')}
                    </button>`
                  : html`<button @click=${() => this.enable(r)}>${t('enable')}</button>`
              }
              <button class="secondary" @click=${() => this.rotate(r)}>${t('rotateSecret')}</button>
              <button class="secondary" @click=${() => this.test(r)}>${t('sendTest')}</button>
            </div>`
          : nothing
      }
      ${this.isOperator && r.enabled && this.disabling === r.id ? this.renderDisableForm(r) : nothing}
      ${
        this.secret?.receiverId === r.id
          ? html`<p>${t('newSecret', { until: this.secret.until })} <code class="pre">${this.secret.secret}</code></p>`
          : nothing
      }
    </section>`
  }

  override render() {
    return html`<h1>${this.t('receiversTitle')}</h1>
      <p class="muted">${this.t('receiversIntro')}</p>
      ${this.messages()} ${this.items.map((r) => this.renderReceiver(r))}`
  }
}
