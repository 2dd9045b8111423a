/**
 * Following a report: the reference and secret token typed, the hub's view of the report, and
 * its actions. Each action is one call through `#run`, which shows it busy, then the report as
 * the hub now sees it, or a plain error.
 */
import type { ReportStatusView } from '@safe-place/schemas'
import { RECEIPT_TOKEN_PATTERN, REFERENCE_PATTERN } from '@safe-place/schemas/data'
import { errorMessage } from '../hub/error-message'
import type { FollowState } from './panel-state'
import { Reactive } from './reactive'
import type { Session } from './session'

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

interface FollowData {
  reference: string
  token: string
  contestReason: string
  notifyEmail: string
  status: ReportStatusView | undefined
  confirming: string
  busy: boolean
  error: string
}

const nothingFollowed = (): FollowData => ({
  reference: '',
  token: '',
  contestReason: '',
  notifyEmail: '',
  status: undefined,
  confirming: '',
  busy: false,
  error: '',
})

export class FollowController extends Reactive<FollowData> implements FollowState, FollowData {
  readonly reference: string = ''
  readonly token: string = ''
  readonly contestReason: string = ''
  readonly notifyEmail: string = ''
  readonly status: ReportStatusView | undefined = undefined
  readonly confirming: string = ''
  readonly busy: boolean = false
  readonly error: string = ''
  readonly #session: Session

  constructor(session: Session) {
    super(session.host)
    this.#session = session
  }

  edit(patch: {
    reference?: string
    token?: string
    contestReason?: string
    notifyEmail?: string
  }): void {
    this.set(patch)
  }

  async lookUp(): Promise<void> {
    const s = this.#session
    const reference = this.reference.trim().toUpperCase()
    const token = this.token.trim()
    this.set({ reference, token })
    const errors: Record<string, string> = {}
    if (!REFERENCE_PATTERN.test(reference)) errors.reference = s.t.referenceError
    if (!RECEIPT_TOKEN_PATTERN.test(token)) errors.token = s.t.tokenError
    if (s.showErrors(errors)) return
    await this.#run(() => s.client.status(reference, token, s.locale))
  }

  confirm(action: string): void {
    this.set({ confirming: action })
    this.#session.host.focusAfterRender(`#${action}-no`)
  }

  cancel(): void {
    const action = this.confirming
    this.set({ confirming: '' })
    this.#session.host.focusAfterRender(`#${action}`)
  }

  withdraw(): Promise<void> {
    return this.#run(() => this.#session.client.withdraw(this.reference, this.token))
  }

  contest(): Promise<void> {
    const s = this.#session
    const reason = this.contestReason.trim()
    if (s.showErrors(reason && reason.length <= 1000 ? {} : { contestReason: s.t.contestError }))
      return Promise.resolve()
    return this.#run(() => s.client.contest(this.reference, this.token, reason, s.locale))
  }

  notify(on: boolean): Promise<void> {
    const s = this.#session
    const email = this.notifyEmail.trim()
    if (on && s.showErrors(EMAIL.test(email) ? {} : { notifyEmail: s.t.emailError }))
      return Promise.resolve()
    return this.#run(() => s.client.notify(this.reference, this.token, on ? email : null, s.locale))
  }

  /** Forgets the report followed (the dialog closed, or quick exit). */
  clear(): void {
    this.set(nothingFollowed())
  }

  async #run(call: () => Promise<ReportStatusView>): Promise<void> {
    const s = this.#session
    this.set({ busy: true, error: '' })
    try {
      // What she typed is not kept once the hub has it.
      this.set({ status: await call(), confirming: '', contestReason: '', notifyEmail: '' })
      s.host.focusAfterRender('h2')
    } catch (error) {
      const code = (error as { code?: string }).code
      const unknown = code === 'receipt_invalid' || code === 'not_found'
      this.set({ error: unknown ? s.t.followError : errorMessage(s.t, error) })
      s.host.focusAfterRender('.follow-error')
    }
    this.set({ busy: false })
  }
}
