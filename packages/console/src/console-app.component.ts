/**
 * `<safe-place-console>`: the console's shell. It restores the session (cookie) on load, shows
 * sign-in when there is none, and otherwise a header (navigation for the role, language,
 * sign-out) and the view of the current hash route.
 */
import type { ConsoleSession } from '@safe-place/schemas'
import { css, html, LitElement, nothing } from 'lit'
import { keyed } from 'lit/directives/keyed.js'
import { ConsoleApi } from './api/client'
import {
  type ConsoleLocale,
  initialLocale,
  type MessageKey,
  rememberLocale,
  type Translate,
  translator,
} from './i18n/index'
import { allowed, parseRoute, type Route } from './router'
import { shared } from './styles/shared'

const NAV: { route: Route['name']; key: MessageKey; operatorOnly?: boolean }[] = [
  { route: 'desk', key: 'navDesk', operatorOnly: true },
  { route: 'inbox', key: 'navInbox' },
  { route: 'deliveries', key: 'navDeliveries' },
  { route: 'receivers', key: 'navReceivers' },
  { route: 'partners', key: 'navPartners', operatorOnly: true },
  { route: 'stats', key: 'navStats', operatorOnly: true },
  { route: 'preferences', key: 'navPreferences', operatorOnly: true },
]

export class SafePlaceConsole extends LitElement {
  static override styles = [
    ...shared,
    css`
      :host {
        min-height: 100vh;
        background: var(--_bg);
      }
      header {
        display: flex;
        flex-wrap: wrap;
        gap: 1em;
        align-items: center;
        justify-content: space-between;
        padding: 0.6em 1.2em;
        background: var(--_surface);
        border-bottom: 1px solid var(--_border);
      }
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3em 1em;
        list-style: none;
        margin: 0;
        padding: 0;
      }
      nav a[aria-current='page'] {
        font-weight: 700;
        color: var(--_fg);
      }
      main {
        padding: 0.5em 1.2em 3em;
        max-width: 72em;
      }
      .brand {
        font-weight: 700;
      }
      .skip {
        position: absolute;
        left: -999px;
      }
      .skip:focus {
        left: 1em;
        top: 1em;
        background: var(--_bg);
        padding: 0.4em;
        z-index: 1;
      }
    `,
  ]

  static override properties = {
    session: { state: true },
    route: { state: true },
    locale: { state: true },
    ready: { state: true },
    ended: { state: true },
  }

  declare session: ConsoleSession | null
  declare route: Route
  declare locale: ConsoleLocale
  declare ready: boolean
  declare ended: boolean
  private readonly api = new ConsoleApi()
  private readonly onHash = () => {
    this.route = parseRoute(location.hash)
  }

  constructor() {
    super()
    this.session = null
    this.route = parseRoute(globalThis.location?.hash ?? '')
    this.locale = initialLocale()
    this.ready = false
    this.ended = false
    this.api.onSignedOut = () => {
      this.session = null
      this.ended = true
    }
  }

  private get t(): Translate {
    return translator(this.locale)
  }

  override connectedCallback(): void {
    super.connectedCallback()
    addEventListener('hashchange', this.onHash)
    this.applyLocale()
    void this.api
      .session()
      .then((session) => {
        this.session = session
      })
      .catch(() => {})
      .finally(() => {
        this.ready = true
      })
  }

  override disconnectedCallback(): void {
    removeEventListener('hashchange', this.onHash)
    super.disconnectedCallback()
  }

  private applyLocale(): void {
    document.documentElement.lang = this.locale
    document.title = this.t('appTitle')
  }

  private switchLocale(): void {
    this.locale = this.locale === 'fr' ? 'en' : 'fr'
    rememberLocale(this.locale)
    this.applyLocale()
  }

  private async signOut(): Promise<void> {
    await this.api.signOut().catch(() => {})
    this.session = null
    this.ended = false
  }

  private view(session: ConsoleSession) {
    const common = { api: this.api, t: this.t, locale: this.locale, session }
    const route = allowed(this.route, session.role) ? this.route : ({ name: 'inbox' } as Route)
    // A new route (or another report) gets a fresh view, which loads its own data.
    const key =
      route.name === 'report'
        ? `report:${route.reference}`
        : route.name === 'case'
          ? `case:${route.id}`
          : route.name
    return keyed(key, this.routeView(route, session, common))
  }

  private routeView(
    route: Route,
    session: ConsoleSession,
    common: { api: ConsoleApi; t: Translate; locale: ConsoleLocale },
  ) {
    switch (route.name) {
      case 'inbox':
        return html`<sp-inbox .api=${common.api} .t=${common.t} locale=${common.locale} .session=${session}></sp-inbox>`
      case 'report':
        return html`<sp-report-detail
          .api=${common.api}
          .t=${common.t}
          locale=${common.locale}
          .session=${session}
          reference=${route.reference}
        ></sp-report-detail>`
      case 'desk':
        return html`<sp-desk .api=${common.api} .t=${common.t} locale=${common.locale} .session=${session}></sp-desk>`
      case 'case':
        return html`<sp-case-detail
          .api=${common.api}
          .t=${common.t}
          locale=${common.locale}
          .session=${session}
          case-id=${route.id}
        ></sp-case-detail>`
      case 'preferences':
        return html`<sp-preferences .api=${common.api} .t=${common.t} locale=${common.locale} .session=${session}></sp-preferences>`
      case 'deliveries':
        return html`<sp-deliveries .api=${common.api} .t=${common.t} locale=${common.locale} .session=${session}></sp-deliveries>`
      case 'receivers':
        return html`<sp-receivers .api=${common.api} .t=${common.t} locale=${common.locale} .session=${session}></sp-receivers>`
      case 'partners':
        return html`<sp-partners .api=${common.api} .t=${common.t} locale=${common.locale} .session=${session}></sp-partners>`
      case 'stats':
        return html`<sp-stats .api=${common.api} .t=${common.t} locale=${common.locale} .session=${session}></sp-stats>`
    }
  }

  override render() {
    const t = this.t
    const session = this.session
    const current =
      this.route.name === 'report' ? 'inbox' : this.route.name === 'case' ? 'desk' : this.route.name
    return html`<a class="skip" href="#main" @click=${(e: Event) => {
      e.preventDefault()
      this.renderRoot.querySelector('main')?.focus()
    }}>${t('skipToContent')}</a>
      <header>
        <span class="brand">Safe Place</span>
        ${
          session
            ? html`<nav aria-label=${t('navLabel')}>
                <ul>
                  ${NAV.filter((n) => !n.operatorOnly || session.role === 'operator').map(
                    (n) => html`<li>
                      <a href="#/${n.route}" aria-current=${current === n.route ? 'page' : 'false'}>${t(n.key)}</a>
                    </li>`,
                  )}
                </ul>
              </nav>`
            : nothing
        }
        <div class="row">
          ${
            session
              ? html`<span class="muted"
                  >${t('signedInAs', {
                    name: session.keyName,
                    role: session.role === 'operator' ? t('roleOperator') : t('roleReceiver'),
                  })}</span
                >`
              : nothing
          }
          <button class="secondary" lang=${this.locale === 'fr' ? 'en' : 'fr'} aria-label=${t('switchLanguageLabel')} @click=${this.switchLocale}>
            ${t('switchLanguage')}
          </button>
          ${session ? html`<button class="secondary" @click=${this.signOut}>${t('signOut')}</button>` : nothing}
        </div>
      </header>
      <main id="main" tabindex="-1">
        ${
          !this.ready
            ? html`<p>${t('loading')}</p>`
            : session
              ? this.view(session)
              : html`${this.ended ? html`<p role="alert">${t('errorSession')}</p>` : nothing}
                  <sp-sign-in
                    .api=${this.api}
                    .t=${t}
                    locale=${this.locale}
                    @signed-in=${(e: CustomEvent<ConsoleSession>) => {
                      this.session = e.detail
                      this.ended = false
                    }}
                  ></sp-sign-in>`
        }
      </main>`
  }
}
