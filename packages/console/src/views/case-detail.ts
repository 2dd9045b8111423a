/**
 * One case, the page the support team works from: its summary (urgency, raid, due time, who
 * handles it); taking, handing over, releasing, closing; one status for all its reports; the
 * internal notes, kept visibly apart from any message for the reporter; its reports, with what
 * each shared and a way to split some off; merging another case in; and one timeline merging
 * the case's decisions, its reports' timelines, deliveries and notes. Keyboard first: every
 * action is a native control in reading order.
 */
import type {
  CaseDetail,
  CaseOperator,
  CaseTimelineEntry,
  ConsoleReceiver,
} from '@safe-place/schemas'
import { caseLimits, reportLimits } from '@safe-place/schemas/data'
import { css, html, nothing } from 'lit'
import { categoryLabel, dateTime } from '../format'
import { codeKey } from '../i18n/index'
import { shared } from '../styles/shared'
import { ConsoleView } from './view'

const BULK_STATUSES = ['acknowledged', 'in_review', 'no_action', 'referred_to_authorities'] as const
/** Timeline entries shown at first: the newest; the rest on request. */
const TIMELINE_FIRST = 100

export class CaseDetailView extends ConsoleView {
  static override styles = [
    ...shared,
    css`
      .internal {
        border-inline-start: 6px solid var(--_accent);
      }
      .internal .note-text {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        margin: 0.3em 0 0;
      }
      .source {
        font-size: 0.8em;
      }
      ol.timeline li {
        margin: 0.3em 0;
      }
    `,
  ]

  static override properties = {
    caseId: { attribute: 'case-id' },
    detail: { state: true },
    operators: { state: true },
    me: { state: true },
    receiverNames: { state: true },
    selected: { state: true },
    wholeTimeline: { state: true },
  }

  declare caseId: string
  declare detail: CaseDetail | undefined
  declare operators: CaseOperator[]
  declare me: string
  declare receiverNames: Map<string, string>
  declare selected: Set<string>
  declare wholeTimeline: boolean

  constructor() {
    super()
    this.caseId = ''
    this.detail = undefined
    this.operators = []
    this.me = ''
    this.receiverNames = new Map()
    this.selected = new Set()
    this.wholeTimeline = false
  }

  override connectedCallback(): void {
    super.connectedCallback()
    void this.load()
    void this.api
      .get<{ items: CaseOperator[]; me: string }>('/v1/console/operators')
      .then((r) => {
        this.operators = r.items
        this.me = r.me
      })
      .catch(() => {})
    void this.api
      .get<{ items: ConsoleReceiver[] }>('/v1/console/receivers')
      .then((r) => {
        this.receiverNames = new Map(r.items.map((i) => [i.id, i.name[this.locale]]))
      })
      .catch(() => {})
  }

  private get path(): string {
    return `/v1/console/cases/${encodeURIComponent(this.detail?.summary.id ?? this.caseId)}`
  }

  private async load(notice = ''): Promise<void> {
    const detail = await this.run(
      () => this.api.get<CaseDetail>(`/v1/console/cases/${encodeURIComponent(this.caseId)}`),
      notice,
    )
    if (detail) {
      this.detail = detail
      this.selected = new Set()
    }
  }

  /** Runs a change, then reloads the case with a notice said politely (`role="status"`). */
  private async act(path: string, body: unknown, notice: (answer: unknown) => string) {
    const answer = await this.run(() => this.api.send('POST', `${this.path}${path}`, body))
    if (answer !== undefined) await this.load(notice(answer))
    return answer
  }

  private assign(assignee: string | null, notice: string) {
    return this.act('/assignee', { assignee }, () => notice)
  }

  private onHand(event: SubmitEvent): void {
    event.preventDefault()
    const keyId = String(new FormData(event.target as HTMLFormElement).get('assignee') ?? '')
    const name = this.operators.find((o) => o.keyId === keyId)?.name ?? keyId
    if (keyId) void this.assign(keyId, this.t('handed', { name }))
  }

  private async onBulk(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const form = event.target as HTMLFormElement
    const data = new FormData(form)
    const note = String(data.get('note') ?? '').trim()
    const body = { status: String(data.get('status')), ...(note ? { noteForReporter: note } : {}) }
    const done = await this.act('/report-status', body, (a) => {
      const { updated, skipped } = a as { updated: number; skipped: number }
      return this.t('bulkDone', { updated, skipped })
    })
    if (done) form.reset()
  }

  private async onNote(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const form = event.target as HTMLFormElement
    const data = new FormData(form)
    const text = String(data.get('text') ?? '').trim()
    const about = String(data.get('about') ?? '')
    if (!text) return
    const done = await this.act('/notes', { text, ...(about ? { about } : {}) }, () =>
      this.t('noteAdded'),
    )
    if (done) form.reset()
  }

  private async onMerge(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const form = event.target as HTMLFormElement
    const ref = String(new FormData(form).get('from') ?? '').trim()
    if (!ref) return
    const done = await this.act('/merge', { from: [ref] }, () => this.t('mergeDone'))
    if (done) form.reset()
  }

  private async onSplit(): Promise<void> {
    const reports = [...this.selected]
    if (reports.length === 0) return
    await this.act('/split', { reports }, (a) =>
      this.t('splitDone', { reference: (a as { reference: string }).reference }),
    )
  }

  private toggle(reference: string, on: boolean): void {
    const next = new Set(this.selected)
    if (on) next.add(reference)
    else next.delete(reference)
    this.selected = next
  }

  private receiver(id: string | undefined): string {
    return id ? (this.receiverNames.get(id) ?? id) : ''
  }

  private describe(e: CaseTimelineEntry): string {
    const t = this.t
    const parts: string[] = []
    if (e.source === 'case') {
      const key = codeKey('caseEvent', e.kind)
      const status = e.status ? t(codeKey('status', e.status) ?? 'none') : ''
      parts.push(
        key
          ? t(key, {
              other: e.otherCase?.reference ?? '',
              count: e.count ?? 0,
              name: e.assignee ?? '',
              status,
            })
          : e.kind,
      )
      if (e.kind === 'joined' && e.matched?.length) {
        const what = e.matched.map((m) => t(codeKey('match', m) ?? 'none')).join(', ')
        parts.push(t('sharedWhat', { what }))
      }
      if (e.kind === 'joined' && e.otherCase) {
        parts.push(t('alsoMatches', { other: e.otherCase.reference }))
      }
    } else if (e.source === 'report') {
      parts.push(t(codeKey('event', e.kind) ?? 'none'))
      if (e.status) parts.push(t(codeKey('status', e.status) ?? 'none'))
      if (e.routing) {
        parts.push(
          t(e.routing.decision === 'send' ? 'decision_send' : 'decision_skip', {
            receiver: this.receiver(e.routing.receiverId),
            reason: e.routing.reason,
          }),
        )
      }
    } else if (e.source === 'delivery') {
      parts.push(
        t('deliveryLine', {
          event: e.reason ?? '',
          receiver: this.receiver(e.receiverId),
          state: t(codeKey('state', e.kind) ?? 'none'),
        }),
      )
    }
    if (e.actor && e.source !== 'internal_note') {
      const actor =
        e.actor === 'operator'
          ? t('actorOperator')
          : e.source === 'report'
            ? this.receiver(e.actor)
            : e.actor
      parts.push(t('byActor', { actor }))
    }
    return parts.join(' · ')
  }

  private renderEntry(e: CaseTimelineEntry) {
    const t = this.t
    return html`<li class=${e.source === 'internal_note' ? 'card internal' : ''}>
      <time datetime=${e.at}>${dateTime(this.locale, e.at)}</time> —
      <span class="badge source">${t(codeKey('source', e.source) ?? 'none')}</span>
      ${e.reference ? html`<a href="#/reports/${encodeURIComponent(e.reference)}">${e.reference}</a>` : nothing}
      ${e.source === 'internal_note' ? html`${e.actor ?? ''}<p class="note-text">${e.note ?? ''}</p>` : this.describe(e)}
      ${e.source === 'report' && e.note ? html`<div class="pre note">${e.note}</div>` : nothing}
    </li>`
  }

  private renderSummary(d: CaseDetail) {
    const t = this.t
    const s = d.summary
    return html`<section aria-labelledby="case-summary-title">
      <h2 id="case-summary-title">${t('summaryTitle')}</h2>
      <dl>
        <dt>${t('fieldCaseStatus')}</dt>
        <dd data-field="case-status">${t(codeKey('caseStatus', s.status) ?? 'none')}</dd>
        <dt>${t('colUrgent')}</dt>
        <dd>
          ${s.urgent ? html`<span class="badge urgent">${t('urgentBadge')}</span>` : s.raid ? nothing : t('no')}
          ${s.raid ? html`<span class="badge" data-field="raid">${t('raidBadge')}</span> ${t('fieldRaidSince', { at: dateTime(this.locale, s.raidDetectedAt) })}` : nothing}
        </dd>
        <dt>${t('colCategory')}</dt>
        <dd>${categoryLabel(this.locale, s.category)}</dd>
        <dt>${t('colReportsCount')}</dt>
        <dd data-field="reports">${s.reports}</dd>
        <dt>${t('fieldFirstReport')}</dt>
        <dd>${dateTime(this.locale, s.firstReportAt)}</dd>
        <dt>${t('fieldLastReport')}</dt>
        <dd>${dateTime(this.locale, s.lastReportAt)}</dd>
        <dt>${t('colDue')}</dt>
        <dd>
          ${s.dueAt ? dateTime(this.locale, s.dueAt) : t('none')}
          ${s.overdue ? html`<span class="badge urgent">${t('overdueBadge')}</span>` : nothing}
        </dd>
        <dt>${t('colAssignee')}</dt>
        <dd data-field="assignee">${s.assignee?.name ?? t('none')}</dd>
      </dl>
    </section>`
  }

  private renderAssign(d: CaseDetail) {
    const t = this.t
    const s = d.summary
    const mine = s.assignee?.keyId === this.me
    const others = this.operators.filter((o) => o.keyId !== s.assignee?.keyId)
    return html`<section aria-labelledby="assign-title">
      <h2 id="assign-title">${t('assignTitle')}</h2>
      <div class="row">
        ${mine ? nothing : html`<button ?disabled=${this.busy} @click=${() => this.assign('me', t('taken', { reference: s.reference }))}>${t('takeButton')}</button>`}
        ${s.assignee ? html`<button class="secondary" ?disabled=${this.busy} @click=${() => this.assign(null, t('released'))}>${t('releaseButton')}</button>` : nothing}
        <button
          class="secondary"
          ?disabled=${this.busy}
          @click=${() =>
            this.act('/status', { status: s.status === 'open' ? 'closed' : 'open' }, () =>
              s.status === 'open' ? t('caseClosed') : t('caseReopened'),
            )}
        >
          ${s.status === 'open' ? t('closeCase') : t('reopenCase')}
        </button>
      </div>
      ${
        others.length
          ? html`<form class="row" @submit=${this.onHand}>
              <label
                >${t('handTo')}
                <select name="assignee">
                  ${others.map((o) => html`<option value=${o.keyId}>${o.name}</option>`)}
                </select></label
              >
              <button type="submit" class="secondary" ?disabled=${this.busy}>${t('handButton')}</button>
            </form>`
          : nothing
      }
    </section>`
  }

  private renderBulk() {
    const t = this.t
    return html`<section aria-labelledby="bulk-title">
      <h2 id="bulk-title">${t('bulkTitle')}</h2>
      <p class="muted">${t('bulkIntro')}</p>
      <form @submit=${this.onBulk}>
        <label
          >${t('statusLabel')}
          <select name="status">
            ${BULK_STATUSES.map((s) => html`<option value=${s}>${t(codeKey('status', s) ?? 'none')}</option>`)}
          </select></label
        >
        <label
          >${t('bulkNote')}
          <textarea name="note" rows="2" maxlength=${reportLimits.noteMaxLength}></textarea
        ></label>
        <p><button type="submit" ?disabled=${this.busy}>${t('bulkSubmit')}</button></p>
      </form>
    </section>`
  }

  private renderNotes(d: CaseDetail) {
    const t = this.t
    return html`<section class="card internal" aria-labelledby="notes-title">
      <h2 id="notes-title">${t('notesTitle')}</h2>
      <p class="muted">${t('notesIntro')}</p>
      ${
        d.notes.length
          ? html`<ul class="notes">
              ${d.notes.map(
                (n) => html`<li data-note=${n.id}>
                  <time datetime=${n.at}>${dateTime(this.locale, n.at)}</time> —
                  ${t('noteBy', { author: n.author, reference: n.about })}
                  <p class="note-text">${n.text}</p>
                </li>`,
              )}
            </ul>`
          : html`<p>${t('noNotes')}</p>`
      }
      <form @submit=${this.onNote}>
        <label
          >${t('noteText')}
          <textarea name="text" rows="3" required maxlength=${caseLimits.noteMaxLength}></textarea
        ></label>
        <label
          >${t('noteAbout')}
          <select name="about">
            <option value="">${t('noteAboutDefault')}</option>
            ${d.reports.filter((r) => !r.erasedAt).map((r) => html`<option value=${r.reference}>${r.reference}</option>`)}
          </select></label
        >
        <p><button type="submit" ?disabled=${this.busy}>${t('noteSubmit')}</button></p>
      </form>
    </section>`
  }

  private renderReports(d: CaseDetail, live: boolean) {
    const t = this.t
    return html`<section aria-labelledby="reports-title">
      <h2 id="reports-title">${t('caseReportsTitle', { n: d.reportsTotal })}</h2>
      ${
        d.reportsTotal > d.reports.length
          ? html`<p class="muted">${t('reportsTruncated', { shown: d.reports.length, total: d.reportsTotal })}</p>`
          : nothing
      }
      <table>
        <caption class="visually-hidden">${t('caseReportsTitle', { n: d.reportsTotal })}</caption>
        <thead>
          <tr>
            ${live ? html`<th scope="col">${t('colSelect')}</th>` : nothing}
            <th scope="col">${t('colReference')}</th>
            <th scope="col">${t('colCategory')}</th>
            <th scope="col">${t('colStatus')}</th>
            <th scope="col">${t('colMatched')}</th>
            <th scope="col">${t('colSubmitted')}</th>
          </tr>
        </thead>
        <tbody>
          ${d.reports.map(
            (r) => html`<tr data-reference=${r.reference}>
              ${
                live
                  ? html`<td>
                      <input
                        type="checkbox"
                        aria-label=${t('selectReport', { reference: r.reference })}
                        .checked=${this.selected.has(r.reference)}
                        @change=${(e: Event) => this.toggle(r.reference, (e.target as HTMLInputElement).checked)}
                      />
                    </td>`
                  : nothing
              }
              <td><a href="#/reports/${encodeURIComponent(r.reference)}">${r.reference}</a></td>
              <td>${categoryLabel(this.locale, r.category)}</td>
              <td data-field="status">${t(codeKey('status', r.status) ?? 'none')}</td>
              <td>${r.matched.length ? r.matched.map((m) => t(codeKey('match', m) ?? 'none')).join(', ') : t('matchFirst')}</td>
              <td>${dateTime(this.locale, r.submittedAt)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${
        live
          ? html`<p>
              <button class="secondary" ?disabled=${this.busy || this.selected.size === 0} @click=${this.onSplit}>
                ${t('splitButton')}
              </button>
            </p>`
          : nothing
      }
    </section>`
  }

  private renderMerge(d: CaseDetail) {
    const t = this.t
    return html`<section aria-labelledby="merge-title">
      <h2 id="merge-title">${t('mergeTitle')}</h2>
      ${
        d.related.length
          ? html`<p>
              ${t('relatedIntro')}
              ${d.related.map((r) => html` <a href="#/cases/${encodeURIComponent(r.reference)}">${r.reference}</a>`)}
            </p>`
          : nothing
      }
      <form class="row" @submit=${this.onMerge}>
        <label>${t('mergeLabel')} <input name="from" required maxlength="60" autocomplete="off" /></label>
        <button type="submit" class="secondary" ?disabled=${this.busy}>${t('mergeButton')}</button>
      </form>
    </section>`
  }

  private renderTimeline(d: CaseDetail) {
    const t = this.t
    const hidden = this.wholeTimeline ? 0 : Math.max(0, d.timeline.length - TIMELINE_FIRST)
    return html`<section aria-labelledby="case-timeline-title">
      <h2 id="case-timeline-title">${t('caseTimelineTitle')}</h2>
      ${
        hidden
          ? html`<p>
              <button class="secondary" @click=${() => {
                this.wholeTimeline = true
              }}>
                ${t('timelineEarlier', { n: hidden })}
              </button>
            </p>`
          : nothing
      }
      <ol class="timeline" start=${hidden + 1}>
        ${d.timeline.slice(hidden).map((e) => this.renderEntry(e))}
      </ol>
    </section>`
  }

  override render() {
    const t = this.t
    const d = this.detail
    const reference = d?.summary.reference ?? this.caseId
    const live = d !== undefined && d.summary.status !== 'merged'
    return html`<p><a href="#/desk">${t('backToDesk')}</a></p>
      <h1>${t('caseTitle', { reference })}</h1>
      ${this.messages()}
      ${
        d
          ? html`${this.renderSummary(d)}
              ${
                d.summary.mergedInto
                  ? html`<p>
                      <a href="#/cases/${encodeURIComponent(d.summary.mergedInto.reference)}"
                        >${t('mergedIntoNotice', { reference: d.summary.mergedInto.reference })}</a
                      >
                    </p>`
                  : nothing
              }
              ${live ? html`${this.renderAssign(d)} ${this.renderBulk()} ${this.renderNotes(d)}` : nothing}
              ${this.renderReports(d, live)} ${live ? this.renderMerge(d) : nothing}
              ${this.renderTimeline(d)}`
          : html`<p>${t('loading')}</p>`
      }`
  }
}
