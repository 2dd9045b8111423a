/**
 * The desk: open cases, urgent first then by due time, one row per situation however many
 * reports it holds; overdue ones marked; filters (status, who handles it, raids, overdue); take
 * a case in one keystroke; "show more" follows the hub's cursor.
 */
import type { CaseSummary } from '@safe-place/schemas'
import { html, nothing } from 'lit'
import { categoryLabel, dateTime } from '../format'
import { codeKey } from '../i18n/index'
import { ConsoleView } from './view'

interface Page {
  items: CaseSummary[]
  nextCursor: string | null
}

export class DeskView extends ConsoleView {
  static override properties = {
    items: { state: true },
    cursor: { state: true },
    loaded: { state: true },
  }

  declare items: CaseSummary[]
  declare cursor: string | null
  declare loaded: boolean
  private filters: Record<string, string> = {}

  constructor() {
    super()
    this.items = []
    this.cursor = null
    this.loaded = false
  }

  override connectedCallback(): void {
    super.connectedCallback()
    void this.load(false)
  }

  private async load(more: boolean, notice = ''): Promise<void> {
    const page = await this.run(
      () =>
        this.api.get<Page>('/v1/console/cases', {
          ...this.filters,
          ...(more && this.cursor ? { cursor: this.cursor } : {}),
        }),
      notice,
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
      if (typeof value === 'string' && value) filters[name] = value
    }
    this.filters = filters
    void this.load(false)
  }

  private async take(c: CaseSummary): Promise<void> {
    const done = await this.run(() =>
      this.api.send('POST', `/v1/console/cases/${encodeURIComponent(c.id)}/assignee`, {
        assignee: 'me',
      }),
    )
    if (done) await this.load(false, this.t('taken', { reference: c.reference }))
  }

  private row(c: CaseSummary) {
    const t = this.t
    return html`<tr data-case=${c.reference}>
      <td><a href="#/cases/${encodeURIComponent(c.reference)}">${c.reference}</a></td>
      <td>
        ${c.urgent ? html`<span class="badge urgent">${t('urgentBadge')}</span>` : nothing}
        ${c.raid ? html`<span class="badge">${t('raidBadge')}</span>` : nothing}
      </td>
      <td>${categoryLabel(this.locale, c.category)}</td>
      <td>${c.reports}</td>
      <td>
        ${c.dueAt ? html`<time datetime=${c.dueAt}>${dateTime(this.locale, c.dueAt)}</time>` : t('none')}
        ${c.overdue ? html`<span class="badge urgent">${t('overdueBadge')}</span>` : nothing}
      </td>
      <td>${c.assignee?.name ?? t('none')}</td>
      <td>
        ${
          c.status === 'open' && !c.assignee
            ? html`<button
                class="secondary"
                ?disabled=${this.busy}
                aria-label=${t('takeCase', { reference: c.reference })}
                @click=${() => this.take(c)}
              >
                ${t('take')}
              </button>`
            : nothing
        }
      </td>
    </tr>`
  }

  override render() {
    const t = this.t
    return html`<h1>${t('deskTitle')}</h1>
      <p class="muted">${t('deskIntro')}</p>
      <form @submit=${this.onFilter}>
        <fieldset>
          <legend>${t('filtersLegend')}</legend>
          <label
            >${t('filterCaseStatus')}
            <select name="status">
              ${(['open', 'closed', 'merged'] as const).map(
                // Marked, not left to order: options rendered before a static one do not
                // take the selection from it.
                (s) => html`<option value=${s} ?selected=${s === 'open'}>
                  ${t(codeKey('caseStatus', s) ?? 'none')}
                </option>`,
              )}
              <option value="all">${t('caseStatusAll')}</option>
            </select></label
          >
          <label
            >${t('filterAssignee')}
            <select name="assignee">
              <option value="">${t('filterAll')}</option>
              <option value="me">${t('assigneeMe')}</option>
              <option value="none">${t('assigneeNone')}</option>
            </select></label
          >
          <label class="inline"><input type="checkbox" name="raid" value="true" /> ${t('filterRaidOnly')}</label>
          <label class="inline"
            ><input type="checkbox" name="overdue" value="true" /> ${t('filterOverdueOnly')}</label
          >
          <div class="row"><button type="submit">${t('applyFilters')}</button></div>
        </fieldset>
      </form>
      ${this.messages()}
      ${
        this.loaded && this.items.length === 0
          ? html`<p>${t('noCases')}</p>`
          : html`<table>
              <caption class="visually-hidden">${t('deskTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">${t('colCase')}</th>
                  <th scope="col">${t('colUrgent')}</th>
                  <th scope="col">${t('colCategory')}</th>
                  <th scope="col">${t('colReportsCount')}</th>
                  <th scope="col">${t('colDue')}</th>
                  <th scope="col">${t('colAssignee')}</th>
                  <th scope="col">${t('colActions')}</th>
                </tr>
              </thead>
              <tbody>
                ${this.items.map((c) => this.row(c))}
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
