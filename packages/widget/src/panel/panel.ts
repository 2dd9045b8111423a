/**
 * The panel: the lazily loaded chunk that holds every view, both catalogues and the bundled
 * resources. One `Panel` per opened element keeps the state of the session in memory; the
 * element drops it on quick exit, so nothing typed survives.
 */
import type { Receipt, ReportStatusView, WidgetConfig } from '@safe-place/schemas'
import type { CSSResult, nothing, TemplateResult } from 'lit'
import { SafePlaceErrorEvent } from '../events/error'
import { SafePlaceSubmittedEvent } from '../events/submitted'
import { HubClient } from '../hub/client'
import { HubError } from '../hub/errors'
import { solveChallenge } from '../hub/pow'
import { en } from '../i18n/en'
import { fr, type Strings } from '../i18n/fr'
import { frameStyles } from '../styles/frame'
import { panelStyles } from '../styles/panel'
import { followView } from '../views/follow'
import { homeView } from '../views/home'
import { receiptView } from '../views/receipt'
import { reportView } from '../views/report/report'
import { steps } from '../views/report/steps'
import { resourcesView } from '../views/resources'
import { urgentView } from '../views/urgent'
import { type Draft, emptyDraft } from './draft'
import type { PanelHandle, PanelHost } from './host'
import { toIntake } from './intake'

export type View = 'home' | 'urgent' | 'resources' | 'report' | 'receipt' | 'follow'

export interface FollowState {
  reference: string
  token: string
  status?: ReportStatusView | undefined
  confirming: boolean
  busy: boolean
  error: string
}

/** 128 random bits as hex; `getRandomValues` works even where `randomUUID` does not (http pages). */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return `sp_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`
}

const emptyFollow = (): FollowState => ({
  reference: '',
  token: '',
  confirming: false,
  busy: false,
  error: '',
})

export class Panel implements PanelHandle {
  static readonly styles: readonly CSSResult[] = [frameStyles, panelStyles]
  view: View = 'home'
  step = 0
  draft: Draft = emptyDraft()
  errors: Record<string, string> = {}
  config: WidgetConfig | undefined
  configFailed = false
  receipt: Receipt | undefined
  receiptCategory: Draft['category'] = ''
  copied = false
  sending = false
  sendError = ''
  follow: FollowState = emptyFollow()
  readonly client: HubClient
  #pow: Promise<string> | undefined
  #config: Promise<WidgetConfig | undefined> | undefined

  constructor(readonly host: PanelHost) {
    this.client = new HubClient(host.hubUrl, host.siteKey)
    void this.loadConfig()
  }

  get t(): Strings {
    const base = this.host.language === 'en' ? en : fr
    return this.host.strings ? { ...base, ...this.host.strings } : base
  }

  /** Fetches the widget config once; a failure leaves the panel usable and is retried on send. */
  loadConfig(): Promise<WidgetConfig | undefined> {
    this.#config ??= this.client.widgetConfig().then(
      (config) => {
        this.config = config
        this.configFailed = false
        if (this.view === 'report') this.prepareChallenge()
        this.host.applyConfig({
          accent: config.theme.accent,
          mode: config.theme.mode,
          quickExitUrl: config.quickExitUrl,
        })
        this.update()
        return config
      },
      () => {
        this.configFailed = true
        this.#config = undefined
        this.update()
        return undefined
      },
    )
    return this.#config
  }

  /** Starts solving the challenge in the background (when the site key requires it). */
  prepareChallenge(): void {
    if (this.config?.challenge.required && !this.#pow) {
      this.#pow = this.client.challenge().then(solveChallenge)
      this.#pow.catch(() => {
        this.#pow = undefined
      })
    }
  }

  update(): void {
    this.host.requestUpdate()
  }

  go(view: View): void {
    this.view = view
    this.errors = {}
    if (view === 'report') {
      this.step = 0
      this.prepareChallenge()
    }
    this.update()
    this.host.focusAfterRender('h2')
  }

  goStep(step: number): void {
    this.step = step
    this.errors = {}
    this.update()
    this.host.focusAfterRender('h2')
  }

  /** Validates the current step; on errors, announces them and focuses the first bad field. */
  next(): void {
    const step = steps[this.step]
    if (!step) return
    this.errors = step.validate(this)
    const first = Object.keys(this.errors)[0]
    if (first) {
      this.update()
      this.host.focusAfterRender(`#${first}`)
      return
    }
    this.goStep(this.step + 1)
  }

  async send(): Promise<void> {
    if (this.sending) return
    this.draft.idempotencyKey ||= newIdempotencyKey()
    this.sending = true
    this.sendError = ''
    this.update()
    try {
      this.receipt = await this.#submit(true)
      this.receiptCategory = this.draft.category
      this.host.emit(new SafePlaceSubmittedEvent(this.receipt.reference))
      this.draft = emptyDraft()
      this.sending = false
      this.go('receipt')
    } catch (error) {
      const code = error instanceof HubError ? error.code : 'internal_error'
      this.sendError = this.errorMessage(error)
      this.sending = false
      this.host.emit(new SafePlaceErrorEvent(code))
      this.update()
      this.host.focusAfterRender('.send-error')
    }
  }

  async #submit(retryChallenge: boolean): Promise<Receipt> {
    const config = this.config ?? (await this.loadConfig())
    if (!config) throw new HubError('network', '')
    let pow: string | undefined
    if (config.challenge.required) {
      this.prepareChallenge()
      pow = await this.#pow
    }
    const report = toIntake(this.draft, {
      locale: this.host.language,
      country: this.host.country,
      config,
    })
    try {
      return await this.client.submit(report, this.draft.files, this.draft.idempotencyKey, pow)
    } catch (error) {
      const code = error instanceof HubError ? error.code : ''
      if (retryChallenge && (code === 'challenge_failed' || code === 'challenge_required')) {
        this.#pow = undefined
        return this.#submit(false)
      }
      throw error
    }
  }

  errorMessage(error: unknown): string {
    const t = this.t
    if (!(error instanceof HubError) || error.code === 'network') return t.errorNetwork
    if (error.code === 'rate_limited') return t.errorRateLimited
    if (error.status >= 400 && error.status < 500 && error.message) {
      return t.errorRefused.replace('{message}', error.message)
    }
    return t.errorGeneric
  }

  /** Called when the dialog closes: a receipt is not left on screen for the next person. */
  closed(): void {
    if (this.view === 'receipt' || this.view === 'follow') {
      this.receipt = undefined
      this.follow = emptyFollow()
      this.view = 'home'
    }
  }

  /** Drops everything typed or received, at once. */
  wipe(): void {
    this.draft = emptyDraft()
    this.receipt = undefined
    this.follow = emptyFollow()
    this.errors = {}
    this.sendError = ''
    this.view = 'home'
  }

  render(): TemplateResult | typeof nothing {
    switch (this.view) {
      case 'home':
        return homeView(this)
      case 'urgent':
        return urgentView(this)
      case 'resources':
        return resourcesView(this)
      case 'report':
        return reportView(this)
      case 'receipt':
        return receiptView(this)
      case 'follow':
        return followView(this)
    }
  }
}

export function createPanel(host: PanelHost): Panel {
  return new Panel(host)
}
