/**
 * What every console view shares: the API client, the translator, the session, and one way to
 * run a request and show its error (`role="alert"`) or its outcome (`role="status"`).
 */
import type { ConsoleSession } from '@safe-place/schemas'
import { html, LitElement, nothing, type PropertyDeclarations } from 'lit'
import type { ConsoleApi } from '../api/client'
import type { ConsoleLocale, Translate } from '../i18n/index'
import { shared } from '../styles/shared'

export class ConsoleView extends LitElement {
  static override styles = shared
  static override properties: PropertyDeclarations = {
    api: { attribute: false },
    t: { attribute: false },
    locale: {},
    session: { attribute: false },
    error: { state: true },
    notice: { state: true },
    busy: { state: true },
  }

  declare api: ConsoleApi
  declare t: Translate
  declare locale: ConsoleLocale
  declare session: ConsoleSession
  declare error: string
  declare notice: string
  declare busy: boolean

  constructor() {
    super()
    this.error = ''
    this.notice = ''
    this.busy = false
  }

  get isOperator(): boolean {
    return this.session?.role === 'operator'
  }

  /** Runs a request; its error is shown in the view, never thrown. */
  protected async run<T>(fn: () => Promise<T>, notice = ''): Promise<T | undefined> {
    this.error = ''
    this.notice = ''
    this.busy = true
    try {
      const result = await fn()
      this.notice = notice
      return result
    } catch (error) {
      this.error = this.t('errorGeneric', {
        message: error instanceof Error ? error.message : String(error),
      })
      return undefined
    } finally {
      this.busy = false
    }
  }

  protected messages() {
    return html`${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      <p role="status" class="status">${this.notice}</p>`
  }
}
