/**
 * Sign-in: an operator or receiver API key, exchanged for a session cookie. The key field is a
 * password field the browser does not keep; the key is dropped from memory once sent.
 *
 * @fires signed-in - `CustomEvent<ConsoleSession>` once the hub opened a session.
 */
import type { ConsoleSession } from '@safe-place/schemas'
import { html } from 'lit'
import { ApiError } from '../api/client'
import { ConsoleView } from './view'

export class SignInView extends ConsoleView {
  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const form = event.target as HTMLFormElement
    const input = form.elements.namedItem('apiKey') as HTMLInputElement
    const key = input.value.trim()
    this.error = ''
    this.busy = true
    try {
      const session = await this.api.signIn(key)
      input.value = ''
      this.dispatchEvent(
        new CustomEvent<ConsoleSession>('signed-in', {
          detail: session,
          bubbles: true,
          composed: true,
        }),
      )
    } catch (error) {
      this.error =
        error instanceof ApiError && (error.status === 401 || error.status === 400)
          ? this.t('signInFailed')
          : this.t('errorGeneric', { message: String((error as Error).message) })
    } finally {
      this.busy = false
    }
  }

  override render() {
    const t = this.t
    return html`<h1>${t('signInTitle')}</h1>
      <p class="muted">${t('signInIntro')}</p>
      <form @submit=${this.submit}>
        <label
          >${t('apiKeyLabel')}
          <input
            name="apiKey"
            type="password"
            autocomplete="off"
            spellcheck="false"
            required
            minlength="10"
            maxlength="200"
        /></label>
        <p><button type="submit" ?disabled=${this.busy}>${t('signInButton')}</button></p>
      </form>
      ${this.messages()}`
  }
}
