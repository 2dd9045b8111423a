/**
 * The signed-in operator's preferences, kept by the hub for this API key (nothing in the
 * browser): how screenshots show in the console.
 */
import type { ConsolePreferences, MediaDisplay } from '@safe-place/schemas'
import { html } from 'lit'
import { codeKey } from '../i18n/index'
import { ConsoleView } from './view'

const MODES: readonly MediaDisplay[] = ['blurred', 'hidden', 'shown']

export class PreferencesView extends ConsoleView {
  static override properties = { prefs: { state: true } }
  declare prefs: ConsolePreferences | undefined

  constructor() {
    super()
    this.prefs = undefined
  }

  override connectedCallback(): void {
    super.connectedCallback()
    void this.run(() => this.api.get<ConsolePreferences>('/v1/console/preferences')).then((p) => {
      if (p) this.prefs = p
    })
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const mediaDisplay = String(new FormData(event.target as HTMLFormElement).get('mediaDisplay'))
    const saved = await this.run(
      () => this.api.send<ConsolePreferences>('PUT', '/v1/console/preferences', { mediaDisplay }),
      this.t('prefsSaved'),
    )
    if (saved) this.prefs = saved
  }

  override render() {
    const t = this.t
    return html`<h1>${t('prefsTitle')}</h1>
      <p class="muted">${t('prefsIntro')}</p>
      ${this.messages()}
      ${
        this.prefs
          ? html`<form @submit=${this.save}>
              <fieldset>
                <legend>${t('prefsMediaLegend')}</legend>
                ${MODES.map(
                  (m) => html`<label class="inline"
                    ><input
                      type="radio"
                      name="mediaDisplay"
                      value=${m}
                      ?checked=${this.prefs?.mediaDisplay === m}
                    />
                    ${t(codeKey('media', m) ?? 'none')}</label
                  >`,
                )}
              </fieldset>
              <p><button type="submit" ?disabled=${this.busy}>${t('prefsSave')}</button></p>
            </form>`
          : html`<p>${t('loading')}</p>`
      }`
  }
}
