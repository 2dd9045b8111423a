/**
 * The inbox: reports with filters (category, status, urgency, receiver, platform, dates),
 * urgent ones first, and "show more" following the hub's cursor.
 */
import type { ConsoleReceiver, ReportListItem } from '@safe-place/schemas'
import { categories, platforms, reportStatuses } from '@safe-place/schemas/data'
import { html, nothing } from 'lit'
import { categoryLabel, dateTime, platformLabel } from '../format'
import { codeKey } from '../i18n/index'
import { ConsoleView } from './view'

interface Page {
  items: ReportListItem[]
  nextCursor: string | null
}

export class InboxView extends ConsoleView {
  static override properties = {
    items: { state: true },
    cursor: { state: true },
    receivers: { state: true },
    loaded: { state: true },
  }

  declare items: ReportListItem[]
  declare cursor: string | null
  declare receivers: ConsoleReceiver[]
  declare loaded: boolean
  private filters: Record<string, string> = {}

  constructor() {
    super()
    this.items = []
    this.cursor = null
    this.receivers = []
    this.loaded = false
  }

  override connectedCallback(): void {
    super.connectedCallback()
    void this.load(false)
    if (this.isOperator) {
      void this.api
        .get<{ items: ConsoleReceiver[] }>('/v1/console/receivers')
        .then((r) => {
          this.receivers = r.items
        })
        .catch(() => {})
    }
  }

  private async load(more: boolean): Promise<void> {
    const page = await this.run(() =>
      this.api.get<Page>('/v1/console/reports', {
        ...this.filters,
        ...(more && this.cursor ? { cursor: this.cursor } : {}),
      }),
    )
    if (!page) return
    this.items = more ? [...this.items, ...page.items] : page.items
    this.cursor = page.nextCursor
    this.loaded = true
  }

  private onFilter(event: SubmitEvent): void {
    event.preventDefault()
    const data = new FormData(event.target as HTMLFormElement)
    const filters: Record<string, string> = {}
    for (const [name, value] of data.entries()) {
      if (typeof value !== 'string' || !value) continue
      filters[name] =
        name === 'from'
          ? `${value}T00:00:00.000Z`
          : name === 'to'
            ? `${value}T23:59:59.999Z`
            : value
    }
    this.filters = filters
    void this.load(false)
  }

  private onReset(event: Event): void {
    ;(event.target as HTMLFormElement).reset()
    this.filters = {}
    void this.load(false)
  }

  private select(name: string, label: string, options: [string, string][]) {
    return html`<label
      >${label}
      <select name=${name}>
        <option value="">${this.t('filterAll')}</option>
        ${options.map(([value, text]) => html`<option value=${value}>${text}</option>`)}
      </select></label
    >`
  }

  override render() {
    const t = this.t
    return html`<h1>${t('inboxTitle')}</h1>
      <p class="muted">${t('inboxIntro')}</p>
      <form @submit=${this.onFilter} @reset=${this.onReset}>
        <fieldset>
          <legend>${t('filtersLegend')}</legend>
          ${this.select(
            'category',
            t('filterCategory'),
            categories.map((c) => [c.code, c.label[this.locale]]),
          )}
          ${this.select(
            'status',
            t('filterStatus'),
            reportStatuses.map((s) => [s, t(codeKey('status', s) ?? 'none')]),
          )}
          ${this.select('urgent', t('filterUrgency'), [
            ['true', t('urgentOnly')],
            ['false', t('notUrgent')],
          ])}
          ${
            this.isOperator
              ? this.select(
                  'receiverId',
                  t('filterReceiver'),
                  this.receivers.map((r) => [r.id, r.name[this.locale]]),
                )
              : nothing
          }
          ${this.select(
            'platform',
            t('filterPlatform'),
            platforms.map((p) => [p.code, p.name]),
          )}
          <label>${t('filterFrom')} <input type="date" name="from" /></label>
          <label>${t('filterTo')} <input type="date" name="to" /></label>
          <div class="row">
            <button type="submit">${t('applyFilters')}</button>
            <button type="reset" class="secondary">${t('resetFilters')}</button>
          </div>
        </fieldset>
      </form>
      ${this.messages()}
      ${
        this.loaded && this.items.length === 0
          ? html`<p>${t('noReports')}</p>`
          : html`<table>
              <caption class="visually-hidden">${t('inboxTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">${t('colReference')}</th>
                  <th scope="col">${t('colUrgent')}</th>
                  <th scope="col">${t('colCategory')}</th>
                  <th scope="col">${t('colPlatform')}</th>
                  <th scope="col">${t('colStatus')}</th>
                  <th scope="col">${t('colSubmitted')}</th>
                </tr>
              </thead>
              <tbody>
                ${this.items.map(
                  (r) => html`<tr data-reference=${r.reference}>
                    <td><a href="#/reports/${encodeURIComponent(r.reference)}">${r.reference}</a></td>
                    <td>
                      ${r.urgent ? html`<span class="badge urgent">${t('urgentBadge')}</span>` : nothing}
                      ${r.raid ? html`<span class="badge">${t('raidBadge')}</span>` : nothing}
                    </td>
                    <td>${categoryLabel(this.locale, r.category)}</td>
                    <td>${platformLabel(r.platform)}</td>
                    <td>${t(codeKey('status', r.status) ?? 'none')}</td>
                    <td>${dateTime(this.locale, r.submittedAt)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>`
      }
      ${
        this.cursor
          ? html`<p><button class="secondary" @click=${() => this.load(true)}>${t('loadMore')}</button></p>`
          : nothing
      }`
  }
}
