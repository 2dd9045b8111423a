/**
 * The panel's state for one opened element, in memory only: the screen on show, the errors of
 * its form, and one slice per screen. The element drops it on quick exit, so nothing typed
 * survives. Views see it as `PanelState`; its parts see it as `Session`.
 */
import type { WidgetConfig } from '@safe-place/schemas'
import { HubClient } from '../hub/client'
import { en } from '../i18n/en'
import { fr, type Strings } from '../i18n/fr'
import type { Locale } from '../i18n/locale'
import type { PanelHost } from '../panel/host'
import { FollowController } from './follow'
import { HubConfig } from './hub-config'
import type { Errors, StepRules, View } from './panel-state'
import { Reactive } from './reactive'
import { ReceiptController } from './receipt'
import { ReportController } from './report'
import { ResourcesController } from './resources'
import type { Session } from './session'

interface StoreData {
  view: View
  errors: Errors
}

export class PanelStore extends Reactive<StoreData> implements Session, StoreData {
  readonly view: View = 'home'
  readonly errors: Errors = {}
  readonly host: PanelHost
  readonly client: HubClient
  readonly hub: HubConfig
  readonly report: ReportController
  readonly receipt: ReceiptController
  readonly follow: FollowController
  readonly resources: ResourcesController

  /** `steps` are the report wizard's rules, in order. */
  constructor(host: PanelHost, steps: readonly StepRules[]) {
    super(host)
    this.host = host
    this.client = new HubClient(host.hubUrl, host.siteKey)
    this.hub = new HubConfig(host, this.client, () => {
      if (this.view === 'report') this.hub.prepareChallenge()
    })
    this.receipt = new ReceiptController(this)
    this.report = new ReportController(this, this.receipt, steps)
    this.follow = new FollowController(this)
    this.resources = new ResourcesController(this)
    void this.hub.load()
  }

  get t(): Strings {
    const base = this.host.language === 'en' ? en : fr
    return this.host.strings ? { ...base, ...this.host.strings } : base
  }

  get locale(): Locale {
    return this.host.language
  }

  get country(): string | undefined {
    return this.host.country
  }

  get config(): WidgetConfig | undefined {
    return this.hub.config
  }

  get configFailed(): boolean {
    return this.hub.failed
  }

  go(view: View): void {
    this.set({ view, errors: {} })
    if (view === 'report') this.report.start()
    this.host.focusAfterRender('h2')
  }

  setErrors(errors: Errors): void {
    this.set({ errors })
  }

  showErrors(errors: Errors): boolean {
    this.set({ errors })
    const first = Object.keys(errors)[0]
    if (first) this.host.focusAfterRender(`#${first}`)
    return first !== undefined
  }

  /** The dialog closed: a receipt or a followed report is not left on screen for the next person. */
  closed(): void {
    if (this.view === 'receipt' || this.view === 'follow') {
      this.receipt.clear()
      this.follow.clear()
      this.set({ view: 'home' })
    }
  }

  /** Drops everything typed or received, at once. */
  wipe(): void {
    this.report.wipe()
    this.receipt.clear()
    this.follow.clear()
    this.set({ view: 'home', errors: {} })
  }
}
