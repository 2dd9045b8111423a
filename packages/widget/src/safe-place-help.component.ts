/**
 * `<safe-place-help>`: the help and report panel, as a class without side effects (registered
 * by `safe-place-help.ts`). This first-load part holds only the launcher, the dialog frame and
 * the quick exit; every view is in the panel chunk, fetched on first open.
 */

import { html, LitElement, nothing, type PropertyValues } from 'lit'
import { SafePlaceCloseEvent } from './events/close'
import { SafePlaceOpenEvent } from './events/open'
import { SafePlaceQuickExitEvent } from './events/quick-exit'
import type { Strings } from './i18n/fr'
import { fmt, type LauncherStrings, launcherEn, launcherFr } from './i18n/launcher'
import type { Locale } from './i18n/locale'
import type { PanelHandle, PanelHost } from './panel/host'
import { loadPanel } from './panel/load'
import { ShiftCounter } from './quick-exit/shift-counter'
import { shell } from './styles/shell'
import { tokens } from './styles/tokens'

/** Where the page goes on quick exit when neither the attribute nor the hub says otherwise. */
const DEFAULT_QUICK_EXIT_URL = 'https://www.google.com/search?q=meteo'

/**
 * The Safe Place help and report panel.
 *
 * @summary A floating "Need help?" button (or an inline panel) opening a modal dialog: urgent
 * numbers, help resources, a report wizard, receipts and follow-up, with a quick exit.
 *
 * @fires safe-place:open - The panel was opened. No detail.
 * @fires safe-place:close - The panel was closed; the draft stays in memory. No detail.
 * @fires safe-place:submitted - A report was accepted. `detail: { reference }`, nothing else.
 * @fires safe-place:error - A call failed. `detail: { code }` (hub error code or `network`).
 * @fires safe-place:quick-exit - The person used the quick exit; the page is being replaced.
 *
 * @slot launcher - Replaces the launcher's label (for example an icon and a word).
 *
 * @csspart launcher - The floating button that opens the panel.
 * @csspart panel - The `<dialog>` element (launcher mode).
 * @csspart panel-frame - The panel's frame (header, body), in both modes.
 * @csspart button - Every button and button-like link.
 * @csspart exit-button - The always-visible quick exit button.
 * @csspart close-button - The button that closes the dialog.
 * @csspart door - The three big choices on the home view.
 * @csspart field - Every input, select and textarea.
 *
 * @cssprop --sp-color-background - Panel background.
 * @cssprop --sp-color-text - Text colour.
 * @cssprop --sp-color-muted - Secondary text colour.
 * @cssprop --sp-color-surface - Background of cards and callouts.
 * @cssprop --sp-color-border - Borders of fields and cards.
 * @cssprop --sp-color-accent - Launcher, primary buttons, links to call (default from the hub config, else violet).
 * @cssprop --sp-color-on-accent - Text on the accent colour.
 * @cssprop --sp-color-exit - Quick exit button background.
 * @cssprop --sp-color-on-exit - Quick exit button text.
 * @cssprop --sp-color-danger - Errors and withdrawal.
 * @cssprop --sp-color-focus - Focus ring.
 * @cssprop --sp-font-family - Font stack (default: the system font).
 * @cssprop --sp-font-size - Base font size (default 16px).
 * @cssprop --sp-radius - Corner radius (default 12px).
 * @cssprop --sp-z-index - Launcher z-index (default 2147483000; the dialog is in the top layer).
 * @cssprop --sp-offset-x - Launcher distance from the side (default 16px).
 * @cssprop --sp-offset-y - Launcher distance from the bottom (default 16px).
 *
 * @example
 * <script type="module" src="https://hub.example/widget/safe-place-help.js"></script>
 * <safe-place-help site-key="sk_live_…"></safe-place-help>
 */
export class SafePlaceHelp extends LitElement implements PanelHost {
  static override properties = {
    siteKey: { attribute: 'site-key' },
    hub: {},
    locale: {},
    mode: { reflect: true },
    position: {},
    theme: { reflect: true },
    quickExitUrl: { attribute: 'quick-exit-url' },
    country: {},
    strings: { attribute: false },
    _open: { state: true },
    _panel: { state: true },
    _failed: { state: true },
    _shift: { state: true },
  }

  static override styles = [tokens, shell]

  /** The public site key given by the hub operator (sent as `safe-place-site-key`). */
  declare siteKey: string
  /** The hub's base URL. Default: the origin the script was loaded from (`/widget/…` on the hub). */
  declare hub: string | undefined
  /** `fr` (default) or `en`; without it, the document's `lang` when supported. */
  declare locale: string | undefined
  /** `launcher` (a floating button opening a dialog, default) or `inline` (the panel in the page). */
  declare mode: 'launcher' | 'inline'
  /** Launcher side: `end` (default, bottom right in left-to-right pages) or `start`. */
  declare position: 'end' | 'start'
  /** `light` (default), `dark`, or `auto` (follows the device). */
  declare theme: 'light' | 'dark' | 'auto' | undefined
  /** The neutral page the quick exit goes to (replacing this one in the history). */
  declare quickExitUrl: string | undefined
  /** ISO country code used to pick help resources (e.g. `FR`); default: every country. */
  declare country: string | undefined
  /** Overrides for any string of the catalogues (`src/i18n/fr.ts` lists the keys). */
  declare strings: Partial<Strings> | undefined

  declare _open: boolean
  declare _panel: PanelHandle | undefined
  declare _failed: boolean
  declare _shift: string

  #counter = new ShiftCounter(
    (count) => {
      this._shift = count ? fmt(this.t.shiftCount, { n: count, left: 3 - count }) : ''
    },
    () => this.quickExit(),
  )
  #focusTarget = ''
  #configExitUrl: string | undefined

  constructor() {
    super()
    this.siteKey = ''
    this.mode = 'launcher'
    this.position = 'end'
    this._open = false
    this._failed = false
    this._shift = ''
  }

  /** The language in use. */
  get language(): Locale {
    const asked = (this.locale ?? document.documentElement.lang ?? '').slice(0, 2).toLowerCase()
    return asked === 'en' ? 'en' : 'fr'
  }

  /** Resolved hub base URL, ending with a slash. */
  get hubUrl(): string {
    const base = this.hub ?? new URL(/* @vite-ignore */ '..', import.meta.url).href
    return base.endsWith('/') ? base : `${base}/`
  }

  /** @internal */
  get t(): LauncherStrings {
    return { ...(this.language === 'en' ? launcherEn : launcherFr), ...this.strings }
  }

  override connectedCallback(): void {
    super.connectedCallback()
    document.addEventListener('keydown', this.#counter.handle, true)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    document.removeEventListener('keydown', this.#counter.handle, true)
  }

  protected override firstUpdated(): void {
    if (this.mode === 'inline') void this.#ensurePanel()
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed)
    if (this.#focusTarget) {
      const target = this.renderRoot.querySelector<HTMLElement>(`.body ${this.#focusTarget}`)
      this.#focusTarget = ''
      target?.focus()
    }
  }

  /** Opens the panel (launcher mode) and loads it on first use. */
  async show(): Promise<void> {
    if (this.mode === 'inline' || this._open) return
    const dialog = this.renderRoot.querySelector('dialog')
    if (!dialog) return
    this._open = true
    dialog.showModal()
    this.dispatchEvent(new SafePlaceOpenEvent())
    await this.#ensurePanel()
    this.focusAfterRender('h2')
  }

  /** Closes the dialog; what was typed stays in memory for when it is opened again. */
  close(): void {
    this.renderRoot.querySelector('dialog')?.close()
  }

  /**
   * Leaves at once: wipes the panel and every draft, hides everything, fires
   * `safe-place:quick-exit`, and replaces the page with the neutral URL (Back cannot return).
   */
  quickExit(): void {
    this.toggleAttribute('exited', true)
    this.renderRoot.querySelector('dialog')?.close()
    this._panel?.wipe()
    this._panel = undefined
    this._open = false
    this._shift = ''
    // Render now, not on the next microtask: nothing typed may stay in the DOM for a moment.
    this.performUpdate()
    this.dispatchEvent(new SafePlaceQuickExitEvent())
    location.replace(this.quickExitUrl || this.#configExitUrl || DEFAULT_QUICK_EXIT_URL)
  }

  /** @internal Lets the panel fire the element's events. */
  emit(event: Event): void {
    this.dispatchEvent(event)
  }

  /**
   * @internal The hub's widget config: its accent sits below any `--sp-color-accent` the partner
   * sets; its theme and quick-exit URL apply only when the attributes are absent.
   */
  applyConfig(config: {
    accent?: string | undefined
    mode: string
    quickExitUrl?: string | undefined
  }): void {
    if (config.accent) this.style.setProperty('--_sp-config-accent', config.accent)
    this.theme ??= config.mode as 'light'
    this.#configExitUrl = config.quickExitUrl
  }

  /** @internal */
  focusAfterRender(selector: string): void {
    this.#focusTarget = selector
    this.requestUpdate()
  }

  async #ensurePanel(): Promise<void> {
    if (this._panel) return
    try {
      const { createPanel, Panel } = await loadPanel()
      const root = this.shadowRoot
      const sheets = Panel.styles.map((style) => style.styleSheet)
      if (root && !root.adoptedStyleSheets.includes(sheets[0] as CSSStyleSheet)) {
        root.adoptedStyleSheets = [
          ...root.adoptedStyleSheets,
          ...sheets.filter((sheet): sheet is CSSStyleSheet => Boolean(sheet)),
        ]
      }
      this._panel ??= createPanel(this)
      this._failed = false
    } catch {
      this._failed = true
    }
  }

  #prefetch = () => {
    loadPanel().catch(() => undefined)
  }

  #onClose = () => {
    if (!this._open) return
    this._open = false
    this._panel?.closed()
    this.dispatchEvent(new SafePlaceCloseEvent())
    this.renderRoot.querySelector<HTMLElement>('.launcher')?.focus()
  }

  #body() {
    const t = this.t
    if (this._panel) return this._panel.render()
    if (this._failed) {
      return html`<p role="alert">${t.loadFailed}</p>
        <p><a part="button" href="tel:17">17</a> · <a part="button" href="tel:112">112</a> ·
        <a part="button" href="sms:114">SMS 114</a></p>`
    }
    return html`<p role="status">${t.loading}</p>`
  }

  #frame(inline: boolean) {
    const t = this.t
    return html`<div class="frame" part="panel-frame">
      <header>
        <h1 id="sp-title">${t.panelTitle}</h1>
        <button part="button exit-button" class="exit" @click=${() => this.quickExit()}>
          ${t.quickExit}
        </button>
        ${
          inline
            ? nothing
            : html`<button part="button close-button" class="close" aria-label=${t.close}
                @click=${() => this.close()}>✕</button>`
        }
      </header>
      <p class="hint-exit">${t.quickExitHint}</p>
      <div class="body">${this.#body()}</div>
      <div class="sr" role="status">${this._open || inline ? this._shift : ''}</div>
    </div>`
  }

  protected override render() {
    const lang = this.language
    if (this.mode === 'inline') {
      return html`<div class="root inline" lang=${lang}>${this.#frame(true)}</div>`
    }
    return html`<div class="root" lang=${lang}>
      <button part="button launcher" class="launcher ${this.position === 'start' ? 'start' : ''}"
        aria-haspopup="dialog" @click=${() => this.show()}
        @pointerenter=${this.#prefetch} @focus=${this.#prefetch}
        ><slot name="launcher">${this.t.launcher}</slot></button>
      <dialog part="panel" aria-labelledby="sp-title" @close=${this.#onClose}>
        ${this._open ? this.#frame(false) : nothing}
      </dialog>
      <div class="sr" role="status">${this._open ? '' : this._shift}</div>
    </div>`
  }
}
