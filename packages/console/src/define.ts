/** Registers the console's elements (each class lives apart from its registration). */
import { SafePlaceConsole } from './console-app.component'
import { CaseDetailView } from './views/case-detail'
import { DeliveriesView } from './views/deliveries'
import { DeskView } from './views/desk'
import { InboxView } from './views/inbox'
import { PartnersView } from './views/partners'
import { PreferencesView } from './views/preferences'
import { ReceiversView } from './views/receivers'
import { ReportDetailView } from './views/report-detail'
import { ScreenshotView } from './views/screenshot'
import { SignInView } from './views/sign-in'
import { StatsView } from './views/stats'

const elements = {
  'safe-place-console': SafePlaceConsole,
  'sp-sign-in': SignInView,
  'sp-inbox': InboxView,
  'sp-report-detail': ReportDetailView,
  'sp-deliveries': DeliveriesView,
  'sp-receivers': ReceiversView,
  'sp-partners': PartnersView,
  'sp-stats': StatsView,
  'sp-desk': DeskView,
  'sp-case-detail': CaseDetailView,
  'sp-preferences': PreferencesView,
  'sp-screenshot': ScreenshotView,
} as const

for (const [name, element] of Object.entries(elements)) {
  if (!customElements.get(name)) customElements.define(name, element)
}

declare global {
  interface HTMLElementTagNameMap {
    'safe-place-console': SafePlaceConsole
    'sp-sign-in': SignInView
    'sp-inbox': InboxView
    'sp-report-detail': ReportDetailView
    'sp-deliveries': DeliveriesView
    'sp-receivers': ReceiversView
    'sp-partners': PartnersView
    'sp-stats': StatsView
    'sp-desk': DeskView
    'sp-case-detail': CaseDetailView
    'sp-preferences': PreferencesView
    'sp-screenshot': ScreenshotView
  }
}
