/**
 * One report: its summary; its content (the whole report for the operator, exactly what was
 * sent for a receiver), always rendered as text; its timeline; its deliveries with every
 * attempt and a replay button; and a form to set its status with a note for the reporter.
 */
import type {
  ConsoleDelivery,
  ConsolePreferences,
  ConsoleReceiver,
  ConsoleReportDetail,
  MediaDisplay,
  NormalisedReport,
  TimelineEvent,
} from '@safe-place/schemas'
import { html, nothing } from 'lit'
import { categoryLabel, dateTime, platformLabel } from '../format'
import { codeKey } from '../i18n/index'
import { dataTree } from './data-tree'
import { ConsoleView } from './view'

const RECEIVER_STATUSES = [
  'acknowledged',
  'in_review',
  'action_taken',
  'no_action',
  'referred_to_authorities',
] as const
const ACTIONS = [
  'content_removed',
  'content_restricted',
  'account_suspended',
  'account_terminated',
  'content_labelled',
  'other',
] as const

export class ReportDetailView extends ConsoleView {
  static override properties = {
    reference: {},
    detail: { state: true },
    chosenStatus: { state: true },
    receiverNames: { state: true },
    mediaDisplay: { state: true },
    revealed: { state: true },
    concealed: { state: true },
  }

  declare reference: string
  declare detail: ConsoleReportDetail | undefined
  declare chosenStatus: string
  declare receiverNames: Map<string, string>
  /** Unknown until the operator's preference arrives: no screenshot shows before. */
  declare mediaDisplay: MediaDisplay | undefined
  /** The one screenshot shown in clear, if any: forgotten when the page is left. */
  declare revealed: string | null
  /** With the `shown` preference: the screenshots hidden again on this visit. */
  declare concealed: ReadonlySet<string>

  constructor() {
    super()
    this.reference = ''
    this.detail = undefined
    this.chosenStatus = 'acknowledged'
    this.receiverNames = new Map()
    this.mediaDisplay = undefined
    this.revealed = null
    this.concealed = new Set()
  }

  override connectedCallback(): void {
    super.connectedCallback()
    void this.load()
    void this.api
      .get<{ items: ConsoleReceiver[] }>('/v1/console/receivers')
      .then((r) => {
        this.receiverNames = new Map(r.items.map((i) => [i.id, i.name[this.locale]]))
      })
      .catch(() => {})
    if (this.isOperator) {
      void this.api
        .get<ConsolePreferences>('/v1/console/preferences')
        .then((p) => {
          this.mediaDisplay = p.mediaDisplay
        })
        .catch(() => {
          // Without the preference, the strictest: nothing fetched until revealed.
          this.mediaDisplay = 'hidden'
        })
    }
  }

  override disconnectedCallback(): void {
    // Leaving the page hides every screenshot again.
    this.revealed = null
    this.concealed = new Set()
    super.disconnectedCallback()
  }

  private isClear(id: string): boolean {
    return this.mediaDisplay === 'shown' ? !this.concealed.has(id) : this.revealed === id
  }

  /** Reveals one screenshot (hiding any other), or hides it again. */
  private toggleScreenshot(id: string): void {
    if (this.mediaDisplay !== 'shown') {
      this.revealed = this.revealed === id ? null : id
      return
    }
    const next = new Set(this.concealed)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    this.concealed = next
  }

  /** Screenshots: protected by default, one revealed at a time (`sp-screenshot`). */
  private renderScreenshots(report: NormalisedReport) {
    const t = this.t
    const files = report.evidence.attachments ?? []
    const mode = this.mediaDisplay
    if (files.length === 0 || mode === undefined) return nothing
    return html`<section aria-labelledby="images-title">
      <h2 id="images-title">${t('imagesTitle')}</h2>
      <p class="muted">${t('imagesIntro')}</p>
      <div class="row">
        ${files.map(
          (f, i) => html`<sp-screenshot
            attachment-id=${f.id}
            n=${i + 1}
            width=${f.width}
            height=${f.height}
            mode=${mode}
            ?clear=${this.isClear(f.id)}
            .t=${t}
            @toggle=${(e: CustomEvent<string>) => this.toggleScreenshot(e.detail)}
          ></sp-screenshot>`,
        )}
      </div>
    </section>`
  }

  /** A receiver's name when this session may know it, else its id. */
  private receiver(id: string): string {
    return this.receiverNames.get(id) ?? id
  }

  private async load(notice = ''): Promise<void> {
    const detail = await this.run(
      () =>
        this.api.get<ConsoleReportDetail>(
          `/v1/console/reports/${encodeURIComponent(this.reference)}`,
        ),
      notice,
    )
    if (detail) this.detail = detail
  }

  private async replay(message: ConsoleDelivery): Promise<void> {
    const done = await this.run(() =>
      this.api.send('POST', `/v1/console/messages/${encodeURIComponent(message.id)}/replay`),
    )
    if (done) await this.load(this.t('replayed'))
  }

  private async setStatus(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const form = event.target as HTMLFormElement
    const data = new FormData(form)
    const status = String(data.get('status'))
    const note = String(data.get('note') ?? '').trim()
    const actions = data.getAll('actions').map(String)
    const body = {
      status,
      ...(status === 'action_taken' ? { actions } : {}),
      ...(note ? { noteForReporter: note } : {}),
    }
    const done = await this.run(() =>
      this.api.send(
        'POST',
        `/v1/console/reports/${encodeURIComponent(this.reference)}/status`,
        body,
      ),
    )
    if (done) {
      form.reset()
      this.chosenStatus = 'acknowledged'
      await this.load(this.t('statusSaved'))
    }
  }

  private renderReport(report: NormalisedReport) {
    const t = this.t
    const list = (items: string[]) =>
      items.length ? html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>` : t('none')
    return html`<dl>
      <dt>${t('fieldDescription')}</dt>
      <dd class="pre" data-field="description">${report.what.description ?? t('none')}</dd>
      <dt>${t('fieldContentUrls')}</dt>
      <dd>${list(report.where.contentUrls ?? [])}</dd>
      <dt>${t('fieldAccounts')}</dt>
      <dd>${list((report.where.accounts ?? []).map((a) => [a.handle, a.url].filter(Boolean).join(' · ')))}</dd>
      <dt>${t('fieldTargetHandle')}</dt>
      <dd>${report.who.targetHandle ?? t('none')}</dd>
      <dt>${t('fieldEvidence')}</dt>
      <dd>${list([...(report.evidence.urls ?? []), ...(report.evidence.texts ?? [])])}</dd>
      <dt>${t('fieldContact')}</dt>
      <dd>
        ${report.contact ? [report.contact.channel, report.contact.value, report.contact.name].filter(Boolean).join(' · ') : t('none')}
      </dd>
      <dt>${t('fieldRole')}</dt>
      <dd>${t(codeKey('role', report.who.role) ?? 'none')}</dd>
      <dt>${t('fieldOngoing')}</dt>
      <dd>${report.what.ongoing ? t('yes') : t('no')}</dd>
      <dt>${t('fieldPartner')}</dt>
      <dd>${report.context.partnerId}</dd>
      <dt>${t('fieldSource')}</dt>
      <dd>${report.context.source} · ${report.context.locale}${report.context.country ? ` · ${report.context.country}` : ''}</dd>
    </dl>`
  }

  private renderEvent(e: TimelineEvent) {
    const t = this.t
    const parts = [t(codeKey('event', e.kind) ?? 'none')]
    if (e.status) parts.push(t(codeKey('status', e.status) ?? 'none'))
    if (e.routing) {
      parts.push(
        t(e.routing.decision === 'send' ? 'decision_send' : 'decision_skip', {
          receiver: this.receiver(e.routing.receiverId),
          reason: e.routing.reason,
        }),
      )
    }
    if (e.actor) parts.push(e.actor === 'operator' ? t('actorOperator') : this.receiver(e.actor))
    return html`<li>
      <time datetime=${e.at}>${dateTime(this.locale, e.at)}</time> — ${parts.join(' · ')}
      ${e.note ? html`<div class="pre note">${e.note}</div>` : nothing}
      ${e.decision ? this.renderDecision(e.decision) : nothing}
    </li>`
  }

  /** The decision as the reporter reads it, then every field as the platform gave it. */
  private renderDecision(decision: NonNullable<TimelineEvent['decision']>) {
    const t = this.t
    return html`<div class="decision" data-decision>
      <p><strong>${t('decisionTitle')}</strong> — ${t('decisionWords')}</p>
      <p class="pre">${decision.summary[this.locale]}</p>
      <details>
        <summary>${t('decisionFields')}</summary>
        ${dataTree(decision.fields)}
      </details>
    </div>`
  }

  private renderDelivery(d: ConsoleDelivery) {
    const t = this.t
    const replayable = d.state === 'failed' || d.state === 'dead'
    return html`<div class="card delivery" data-message=${d.id}>
      <div class="row">
        <strong>${d.eventType}</strong>
        <span>${this.receiver(d.receiverId)}</span>
        <span class="badge">${t(codeKey('state', d.state) ?? 'none')}</span>
        ${
          replayable
            ? html`<button
                class="secondary"
                ?disabled=${this.busy}
                @click=${() => this.replay(d)}
                aria-label="${t('replay')} ${d.id}"
              >
                ${t('replay')}
              </button>`
            : nothing
        }
      </div>
      ${d.lastError ? html`<p class="pre">${d.lastError}</p>` : nothing}
      <h3>${t('attemptsTitle')}</h3>
      ${
        d.attempts.length
          ? html`<ol>
              ${d.attempts.map(
                (a) => html`<li>
                  ${t('attemptLine', {
                    at: dateTime(this.locale, a.attemptedAt),
                    status: a.responseStatus ?? a.error ?? '—',
                    duration: a.durationMs,
                  })}
                </li>`,
              )}
            </ol>`
          : html`<p class="muted">${t('noAttempts')}</p>`
      }
    </div>`
  }

  private renderStatusForm() {
    const t = this.t
    return html`<section aria-labelledby="status-title">
      <h2 id="status-title">${t('statusTitle')}</h2>
      <form @submit=${this.setStatus}>
        <label
          >${t('statusLabel')}
          <select
            name="status"
            @change=${(e: Event) => {
              this.chosenStatus = (e.target as HTMLSelectElement).value
            }}
          >
            ${RECEIVER_STATUSES.map(
              (s) => html`<option value=${s} ?selected=${s === this.chosenStatus}>
                ${t(codeKey('status', s) ?? 'none')}
              </option>`,
            )}
          </select></label
        >
        ${
          this.chosenStatus === 'action_taken'
            ? html`<fieldset>
                <legend>${t('actionsLegend')}</legend>
                ${ACTIONS.map(
                  (a) => html`<label class="inline"
                    ><input type="checkbox" name="actions" value=${a} />
                    ${t(codeKey('action', a) ?? 'none')}</label
                  >`,
                )}
              </fieldset>`
            : nothing
        }
        <label>${t('noteLabel')} <textarea name="note" rows="3" maxlength="1000"></textarea></label>
        <p><button type="submit" ?disabled=${this.busy}>${t('statusSubmit')}</button></p>
      </form>
    </section>`
  }

  override render() {
    const t = this.t
    const d = this.detail
    return html`<p><a href="#/inbox">${t('backToInbox')}</a></p>
      <h1>${t('detailTitle', { reference: this.reference })}</h1>
      ${this.messages()}
      ${
        d
          ? html`<section aria-labelledby="summary-title">
                <h2 id="summary-title">${t('summaryTitle')}</h2>
                <dl>
                  <dt>${t('colCategory')}</dt>
                  <dd>${categoryLabel(this.locale, d.summary.category)}</dd>
                  <dt>${t('colPlatform')}</dt>
                  <dd>${platformLabel(d.summary.platform)}</dd>
                  <dt>${t('colStatus')}</dt>
                  <dd data-field="status">${t(codeKey('status', d.summary.status) ?? 'none')}</dd>
                  <dt>${t('colUrgent')}</dt>
                  <dd>${d.summary.urgent ? t('urgentBadge') : t('no')}${d.summary.raid ? ` · ${t('raidBadge')}` : ''}</dd>
                  <dt>${t('colSubmitted')}</dt>
                  <dd>${dateTime(this.locale, d.summary.submittedAt)}</dd>
                  ${
                    d.case
                      ? html`<dt>${t('fieldCase')}</dt>
                          <dd><a href="#/cases/${encodeURIComponent(d.case.reference)}">${d.case.reference}</a></dd>`
                      : nothing
                  }
                </dl>
              </section>
              <section aria-labelledby="content-title">
                <h2 id="content-title">${d.received ? t('receivedTitle') : t('contentTitle')}</h2>
                ${
                  d.report
                    ? html`${this.renderReport(d.report)} ${this.renderScreenshots(d.report)}`
                    : d.received
                      ? html`<div class="received">${dataTree(d.received)}</div>`
                      : html`<p class="muted">
                          ${d.summary.erasedAt ? t('contentErased') : t('contentHidden')}
                        </p>`
                }
              </section>
              <section aria-labelledby="timeline-title">
                <h2 id="timeline-title">${t('timelineTitle')}</h2>
                <ol class="timeline">${d.timeline.map((e) => this.renderEvent(e))}</ol>
              </section>
              <section aria-labelledby="deliveries-title">
                <h2 id="deliveries-title">${t('deliveriesTitle')}</h2>
                ${
                  d.deliveries.length
                    ? d.deliveries.map((m) => this.renderDelivery(m))
                    : html`<p>${t('noDeliveries')}</p>`
                }
              </section>
              ${d.summary.status === 'withdrawn' ? nothing : this.renderStatusForm()}`
          : html`<p>${t('loading')}</p>`
      }`
  }
}
