/**
 * Failed deliveries: the messages whose delivery failed (retrying) or was given up, each with
 * a replay button, and a form to replay every failure of a receiver in a time range.
 */
import type { ConsoleReceiver, DeliveryMessage } from '@safe-place/schemas'
import { html, nothing } from 'lit'
import { dateTime } from '../format'
import { codeKey } from '../i18n/index'
import { ConsoleView } from './view'

interface Page {
  items: DeliveryMessage[]
  nextCursor: string | null
}

export class DeliveriesView extends ConsoleView {
  static override properties = {
    items: { state: true },
    receivers: { state: true },
    state: { state: true },
  }

  declare items: DeliveryMessage[]
  declare receivers: ConsoleReceiver[]
  declare state: 'failed' | 'dead'

  constructor() {
    super()
    this.items = []
    this.receivers = []
    this.state = 'failed'
  }

  override connectedCallback(): void {
    super.connectedCallback()
    void this.load()
    void this.api
      .get<{ items: ConsoleReceiver[] }>('/v1/console/receivers')
      .then((r) => {
        this.receivers = r.items
      })
      .catch(() => {})
  }

  private receiverName(id: string): string {
    return this.receivers.find((r) => r.id === id)?.name[this.locale] ?? id
  }

  private async load(notice = ''): Promise<void> {
    const page = await this.run(
      () => this.api.get<Page>('/v1/console/messages', { state: this.state, limit: '100' }),
      notice,
    )
    if (page) this.items = page.items
  }

  private async replay(id: string): Promise<void> {
    const done = await this.run(() =>
      this.api.send('POST', `/v1/console/messages/${encodeURIComponent(id)}/replay`),
    )
    if (done) await this.load(this.t('replayed'))
  }

  private async replayRange(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const data = new FormData(event.target as HTMLFormElement)
    const receiverId = String(data.get('receiverId'))
    const from = new Date(String(data.get('from'))).toISOString()
    // The field has minutes only: `to` includes the whole of its minute.
    const to = new Date(new Date(String(data.get('to'))).getTime() + 59_999).toISOString()
    const result = await this.run(() =>
      this.api.send<{ replayed: number }>(
        'POST',
        `/v1/console/receivers/${encodeURIComponent(receiverId)}/replay`,
        { from, to },
      ),
    )
    if (result) await this.load(this.t('rangeDone', { count: result.replayed }))
  }

  override render() {
    const t = this.t
    const now = new Date()
    const local = (d: Date) =>
      new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
    return html`<h1>${t('deliveriesTitlePage')}</h1>
      <p class="muted">${t('deliveriesIntro')}</p>
      <label class="inline"
        >${t('stateFilter')}
        <select
          @change=${(e: Event) => {
            this.state = (e.target as HTMLSelectElement).value as 'failed' | 'dead'
            void this.load()
          }}
        >
          <option value="failed">${t('state_failed')}</option>
          <option value="dead">${t('state_dead')}</option>
        </select></label
      >
      ${this.messages()}
      ${
        this.items.length === 0
          ? html`<p>${t('noFailed')}</p>`
          : html`<table>
              <caption class="visually-hidden">${t('deliveriesTitlePage')}</caption>
              <thead>
                <tr>
                  <th scope="col">${t('colMessage')}</th>
                  <th scope="col">${t('colReceiver')}</th>
                  <th scope="col">${t('colReference')}</th>
                  <th scope="col">${t('colState')}</th>
                  <th scope="col">${t('colAttempts')}</th>
                  <th scope="col">${t('colLastError')}</th>
                  <th scope="col">${t('colActions')}</th>
                </tr>
              </thead>
              <tbody>
                ${this.items.map(
                  (m) => html`<tr data-message=${m.id}>
                    <td>${m.eventType}<br /><span class="muted">${dateTime(this.locale, m.createdAt)}</span></td>
                    <td>${this.receiverName(m.receiverId)}</td>
                    <td>
                      ${m.reference ? html`<a href="#/reports/${encodeURIComponent(m.reference)}">${m.reference}</a>` : '—'}
                    </td>
                    <td>${t(codeKey('state', m.state) ?? 'none')}</td>
                    <td>${m.attempts}</td>
                    <td class="pre">${m.lastError ?? '—'}</td>
                    <td>
                      <button
                        class="secondary"
                        ?disabled=${this.busy}
                        aria-label="${t('replay')} ${m.id}"
                        @click=${() => this.replay(m.id)}
                      >
                        ${t('replay')}
                      </button>
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>`
      }
      <h2>${t('rangeTitle')}</h2>
      <form @submit=${this.replayRange}>
        <fieldset>
          <legend>${t('rangeTitle')}</legend>
          <label
            >${t('colReceiver')}
            <select name="receiverId" required>
              ${this.receivers.map((r) => html`<option value=${r.id}>${r.name[this.locale]}</option>`)}
            </select></label
          >
          <label
            >${t('rangeFrom')}
            <input
              type="datetime-local"
              name="from"
              required
              .value=${local(new Date(now.getTime() - 7 * 86_400_000))}
          /></label>
          <label>${t('rangeTo')} <input type="datetime-local" name="to" required .value=${local(now)} /></label>
          <button type="submit" ?disabled=${this.busy || this.receivers.length === 0}>
            ${t('rangeSubmit')}
          </button>
        </fieldset>
      </form>
      ${nothing}`
  }
}
