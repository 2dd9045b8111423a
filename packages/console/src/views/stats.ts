/**
 * Sector statistics: a period (the hub answers for the whole months it touches, and the page
 * says which), the figures exactly as the hub publishes them (every one rounded to a multiple
 * of 5, which the page says plainly), a chart of reports by month, tables by category,
 * platform and partner kind, the month × category × platform × partner-kind cells, and CSV/JSON
 * exports.
 */
import type { StatsReport, StatsShare } from '@safe-place/schemas'
import { STATS_MEDIAN_MIN_VALUES } from '@safe-place/schemas/data'
import { css, html, nothing } from 'lit'
import { withQuery } from '../api/client'
import { barChart } from '../charts/bar-chart'
import { categoryLabel, day, percent, platformLabel } from '../format'
import { codeKey } from '../i18n/index'
import { shared } from '../styles/shared'
import { ConsoleView } from './view'

export class StatsView extends ConsoleView {
  static override styles = [
    ...shared,
    css`
      .figures {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(14em, 1fr));
        gap: 0.8em;
      }
      .figure strong {
        display: block;
        font-size: 1.6em;
      }
      figure {
        margin: 1em 0;
        color: var(--_accent);
      }
      figcaption {
        color: var(--_fg);
      }
      .bar-chart {
        width: 100%;
        max-width: 720px;
        height: auto;
      }
      .bar-chart .grid {
        stroke: var(--_border);
        stroke-width: 0.5;
      }
      .bar-chart text {
        fill: var(--_fg);
        font-size: 12px;
      }
    `,
  ]

  static override properties = {
    stats: { state: true },
    from: { state: true },
    to: { state: true },
  }

  declare stats: StatsReport | undefined
  declare from: string
  declare to: string

  constructor() {
    super()
    const year = new Date().getUTCFullYear()
    this.stats = undefined
    this.from = `${year}-01-01`
    this.to = day(new Date())
  }

  override connectedCallback(): void {
    super.connectedCallback()
    void this.load()
  }

  private async load(): Promise<void> {
    const stats = await this.run(() =>
      this.api.get<StatsReport>('/v1/stats', { from: this.from, to: this.to }),
    )
    if (stats) this.stats = stats
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault()
    const data = new FormData(event.target as HTMLFormElement)
    this.from = String(data.get('from'))
    this.to = String(data.get('to'))
    void this.load()
  }

  private share(share: StatsShare) {
    return html`<strong>${percent(share.share) ?? '—'}</strong> <span class="muted">${share.count} / ${share.of}</span>`
  }

  /** The whole months the answer covers: `to` is the start of the month after the last. */
  private covered(s: StatsReport) {
    const last = day(new Date(Date.parse(s.to) - 86_400_000))
    return html`<p class="muted" data-covered>${this.t('statsCovered', { from: s.from.slice(0, 10), to: last })}</p>`
  }

  private table(caption: string, head: string[], rows: (string | number)[][]) {
    return html`<table>
      <caption>${caption}</caption>
      <thead>
        <tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr>
      </thead>
      <tbody>
        ${rows.map((r) => html`<tr>${r.map((c) => html`<td>${String(c)}</td>`)}</tr>`)}
      </tbody>
    </table>`
  }

  private renderStats(s: StatsReport) {
    const t = this.t
    const kind = (k: string) => t(codeKey('kind', k) ?? 'none')
    return html`<div class="figures">
        <div class="card figure" data-figure="reports">
          ${t('totalReports')} <strong>${s.totals.reports}</strong>
        </div>
        <div class="card figure" data-figure="withdrawn">
          ${t('totalWithdrawn')} <strong>${s.totals.withdrawn}</strong>
        </div>
        <div class="card figure" data-figure="urgent">${t('urgentShare')} ${this.share(s.urgent)}</div>
        <div class="card figure" data-figure="raid">${t('raidShare')} ${this.share(s.coordinatedAttack)}</div>
        <div class="card figure" data-figure="cases">${t('totalCases')} <strong>${s.cases.total}</strong></div>
        <div class="card figure" data-figure="raid-cases">${t('raidCases')} ${this.share(s.cases.raids)}</div>
        <div class="card figure" data-figure="first-action">
          ${t('medianFirstAction')}
          <strong>${s.firstAction.medianHours === null ? '—' : t('hours', { n: s.firstAction.medianHours })}</strong>
          <span class="muted">${t('actedReports', { n: s.firstAction.reports })}${
            s.firstAction.medianHours === null
              ? ` · ${t('medianNotPublished', { min: STATS_MEDIAN_MIN_VALUES })}`
              : ''
          }</span>
        </div>
      </div>
      <figure>
        <figcaption>${t('chartByMonth')}. ${t('chartRoundedNote')}</figcaption>
        ${barChart(
          s.byMonth.map((m) => ({ label: m.month, value: m.reports })),
          { title: t('chartByMonth') },
        )}
      </figure>
      ${this.table(
        t('chartByMonth'),
        [t('colMonth'), t('colReports'), t('colWithdrawn')],
        s.byMonth.map((m) => [m.month, m.reports, m.withdrawn]),
      )}
      ${this.table(
        t('byCategory'),
        [t('colCategory'), t('colReports')],
        s.byCategory.map((c) => [categoryLabel(this.locale, c.category), c.reports]),
      )}
      ${this.table(
        t('byPlatform'),
        [t('colPlatform'), t('colReports')],
        s.byPlatform.map((p) => [platformLabel(p.platform), p.reports]),
      )}
      ${this.table(
        t('byPartnerKind'),
        [t('colPartnerKind'), t('colReports')],
        s.byPartnerKind.map((p) => [kind(p.partnerKind), p.reports]),
      )}
      ${this.table(
        t('deliveryRates'),
        [t('colReceiverKind'), t('colMessages'), t('colSucceeded'), t('colRate')],
        s.delivery.map((d) => [
          kind(d.receiverKind),
          d.messages,
          d.succeeded,
          percent(d.successRate) ?? '—',
        ]),
      )}
      ${this.table(
        t('casesByMonth'),
        [t('colMonth'), t('colCases'), t('colRaids')],
        s.cases.byMonth.map((m) => [m.month, m.cases, m.raids]),
      )}
      ${this.table(
        t('caseSizes'),
        [t('colSize'), t('colCases')],
        s.cases.bySize.map((b) => [b.size, b.cases]),
      )}
      ${this.table(
        t('cellsTitle'),
        [t('colMonth'), t('colCategory'), t('colPlatform'), t('colPartnerKind'), t('colReports')],
        s.cells.map((c) => [
          c.month,
          categoryLabel(this.locale, c.category),
          platformLabel(c.platform),
          kind(c.partnerKind),
          c.reports,
        ]),
      )}`
  }

  override render() {
    const t = this.t
    const query = { from: this.from, to: this.to }
    return html`<h1>${t('statsTitle')}</h1>
      <p class="muted">${t('statsIntro')}</p>
      <form @submit=${this.onSubmit}>
        <fieldset>
          <legend class="visually-hidden">${t('statsTitle')}</legend>
          <label>${t('statsFrom')} <input type="date" name="from" required .value=${this.from} /></label>
          <label>${t('statsTo')} <input type="date" name="to" required .value=${this.to} /></label>
          <button type="submit">${t('statsShow')}</button>
          <a href=${withQuery('/v1/stats', { ...query, format: 'csv' })} download>${t('exportCsv')}</a>
          <a href=${withQuery('/v1/stats', { ...query, format: 'json' })} download>${t('exportJson')}</a>
        </fieldset>
      </form>
      ${this.messages()}
      ${
        this.stats
          ? html`${this.covered(this.stats)}${
              this.stats.byMonth.length === 0 && this.stats.delivery.length === 0
                ? html`<p>${t('noData')}</p>`
                : this.renderStats(this.stats)
            }`
          : nothing
      }`
  }
}
