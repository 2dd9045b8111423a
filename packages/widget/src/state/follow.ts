/**
 * Following a report: the reference and secret token typed, the hub's view of the report, and
 * its actions. Each action is one call through `#run`, which shows it busy, then the report as
 * the hub now sees it, or a plain error.
 */
import type { ReportStatusView } from '@safe-place/schemas'
import { normaliseReceiptCode, REFERENCE_PATTERN } from '@safe-place/schemas/data'
import { errorMessage } from '../hub/error-message'
import type { FollowState } from './panel-state'
import { Reactive } from './reactive'
import type { Session } from './session'

interface FollowData {
  reference: string
  token: string
  status: ReportStatusView | undefined
  confirming: string
  busy: boolean
  error: string
}

const nothingFollowed = (): FollowData => ({
  reference: '',
  token: '',
  status: undefined,
  confirming: '',
  busy: false,
  error: '',
})

export class FollowController extends Reactive<FollowData> implements FollowState, FollowData {
  readonly reference: string = ''
  readonly token: string = ''
  readonly status: ReportStatusView | undefined = undefined
  readonly confirming: string = ''
  readonly busy: boolean = false
  readonly error: string = ''
  readonly #session: Session

  constructor(session: Session) {
    super(session.host)
    this.#session = session
  }

  edit(patch: { reference?: string; token?: string }): void {
    this.set(patch)
  }

  async lookUp(): Promise<void> {
    const s = this.#session
    const reference = this.reference.trim().toUpperCase()
    // A code typed in lower case, without dashes or with O for 0 is read as the same code.
    const code = normaliseReceiptCode(this.token)
    const token = code ?? this.token.trim()
    this.set({ reference, token })
    const errors: Record<string, string> = {}
    if (!REFERENCE_PATTERN.test(reference)) errors.reference = s.t.referenceError
    if (!code) errors.token = s.t.tokenError
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

  /** Forgets the report followed (the dialog closed, or quick exit). */
  clear(): void {
    this.set(nothingFollowed())
  }

  async #run(call: () => Promise<ReportStatusView>): Promise<void> {
    const s = this.#session
    this.set({ busy: true, error: '' })
    try {
      this.set({ status: await call(), confirming: '' })
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
