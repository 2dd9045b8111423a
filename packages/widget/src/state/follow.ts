/**
 * Following a report: the reference and secret code typed, the hub's view of the report, and
 * its actions — withdrawing it, adding an incident to it, downloading its proof pack. Each
 * action is one call through `#run`, which shows it busy, then the report as the hub now sees
 * it, or a plain error. What is typed lives in memory only; the pack is handed to the browser
 * as a download from an object URL revoked straight after, never kept in any storage.
 */
import type { ReportStatusView } from '@safe-place/schemas'
import { normaliseReceiptCode, REFERENCE_PATTERN } from '@safe-place/schemas/data'
import { digestsOf, prepareFile } from '../evidence/prepare'
import { errorMessage } from '../hub/error-message'
import { fmt } from '../i18n/launcher'
import { lines } from '../panel/draft'
import { attachmentLimits } from '../panel/limits'
import { newIdempotencyKey } from './idempotency-key'
import type { AdditionDraft, FollowState } from './panel-state'
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
  addition: AdditionDraft | undefined
  notice: string
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
  addition: undefined,
  notice: '',
})

const isUrl = (text: string) => /^https?:\/\/\S+$/i.test(text)

export class FollowController extends Reactive<FollowData> implements FollowState, FollowData {
  readonly reference: string = ''
  readonly token: string = ''
  readonly contestReason: string = ''
  readonly notifyEmail: string = ''
  readonly status: ReportStatusView | undefined = undefined
  readonly confirming: string = ''
  readonly busy: boolean = false
  readonly error: string = ''
  readonly addition: AdditionDraft | undefined = undefined
  readonly notice: string = ''
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

  async open(reference: string, token: string, then: 'add' | 'pack'): Promise<void> {
    const s = this.#session
    this.set({ ...nothingFollowed(), reference, token })
    s.go('follow')
    if (!(await this.#run(() => s.client.status(reference, token, s.locale), `#${then}`))) return
    if (then === 'add') this.openAddition(true)
    else await this.downloadPack()
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

  async withdraw(): Promise<void> {
    await this.#run(() => this.#session.client.withdraw(this.reference, this.token))
  }

  openAddition(open: boolean): void {
    this.#session.setErrors({})
    this.set({
      addition: open
        ? {
            description: '',
            urls: '',
            accounts: '',
            files: [],
            idempotencyKey: newIdempotencyKey(),
          }
        : undefined,
      notice: '',
    })
    this.#session.host.focusAfterRender(open ? '#add-description' : '#add')
  }

  /** What she changes is another addition: it gets a key of its own. */
  editAddition(patch: Partial<Omit<AdditionDraft, 'files' | 'idempotencyKey'>>): void {
    if (this.addition) {
      this.set({ addition: { ...this.addition, ...patch, idempotencyKey: newIdempotencyKey() } })
    }
  }

  async addFiles(files: readonly File[]): Promise<void> {
    const s = this.#session
    const { max, bytes } = attachmentLimits(s.config)
    let error = ''
    for (const file of files) {
      const current = this.addition
      if (!current) return
      if (current.files.length >= max) {
        error = fmt(s.t.filesTooMany, { max })
        break
      }
      try {
        const name = `capture-${current.files.length + 1}.jpg`
        const prepared = await prepareFile(file, bytes, name)
        this.set({
          addition: {
            ...current,
            files: [...current.files, prepared],
            idempotencyKey: newIdempotencyKey(),
          },
        })
      } catch {
        error = fmt(s.t.filesError, { name: file.name.slice(0, 60) })
      }
    }
    s.setErrors(error ? { 'add-files': error } : {})
  }

  removeFile(index: number): void {
    const a = this.addition
    if (!a) return
    const files = a.files.filter((_, i) => i !== index)
    this.set({ addition: { ...a, files, idempotencyKey: newIdempotencyKey() } })
  }

  async sendAddition(): Promise<void> {
    const s = this.#session
    const a = this.addition
    if (!a || this.busy) return
    const urls = lines(a.urls)
    const accounts = lines(a.accounts)
    const wrong = urls.find((url) => !isUrl(url))
    const errors: Record<string, string> = {}
    if (wrong) errors['add-urls'] = fmt(s.t.urlsError, { url: wrong.slice(0, 80) })
    if (!a.description.trim() && !urls.length && !accounts.length && !a.files.length) {
      errors['add-description'] = s.t.whatError
    }
    if (s.showErrors(errors)) return
    const addition = {
      what: a.description.trim() ? { description: a.description.trim() } : {},
      where: {
        contentUrls: urls,
        accounts: accounts.map((x) => (isUrl(x) ? { url: x } : { handle: x })),
      },
      evidence: { urls: [], texts: [], ...digestsOf(a.files) },
    }
    const sent = await this.#run(
      () => s.client.add(this.reference, this.token, addition, a.files, a.idempotencyKey, s.locale),
      '.notice',
    )
    if (!sent) return
    this.set({ addition: undefined, notice: s.t.added })
    s.host.focusAfterRender('.notice')
  }

  async downloadPack(): Promise<void> {
    const s = this.#session
    let blob: Blob | undefined
    const done = await this.#run(async () => {
      blob = await s.client.pack(this.reference, this.token, s.locale)
      return this.status as ReportStatusView
    }, '.notice')
    if (!done || !blob) return
    const url = URL.createObjectURL(blob)
    const link = document.createElement('a')
    link.href = url
    link.download = `safe-place-${this.reference}.zip`
    link.click()
    // The browser has taken the file: the blob is let go, nothing of it is kept here.
    setTimeout(() => URL.revokeObjectURL(url), 1000)
    this.set({ notice: s.t.packDone })
    s.host.focusAfterRender('.notice')
  }

  async contest(): Promise<void> {
    const s = this.#session
    const reason = this.contestReason.trim()
    if (s.showErrors(reason && reason.length <= 1000 ? {} : { contestReason: s.t.contestError }))
      return
    await this.#run(() => s.client.contest(this.reference, this.token, reason, s.locale))
  }

  async notify(on: boolean): Promise<void> {
    const s = this.#session
    const email = this.notifyEmail.trim()
    if (on && s.showErrors(EMAIL.test(email) ? {} : { notifyEmail: s.t.emailError })) return
    await this.#run(() => s.client.notify(this.reference, this.token, on ? email : null, s.locale))
  }

  /** Forgets the report followed (the dialog closed, or quick exit). */
  clear(): void {
    this.set(nothingFollowed())
  }

  async #run(call: () => Promise<ReportStatusView>, focus = 'h2'): Promise<boolean> {
    const s = this.#session
    this.set({ busy: true, error: '', notice: '' })
    let ok = false
    try {
      // What she typed is not kept once the hub has it.
      this.set({ status: await call(), confirming: '', contestReason: '', notifyEmail: '' })
      s.host.focusAfterRender(focus)
      ok = true
    } catch (error) {
      const code = (error as { code?: string }).code
      const unknown = code === 'receipt_invalid' || code === 'not_found'
      this.set({ error: unknown ? s.t.followError : errorMessage(s.t, error) })
      s.host.focusAfterRender('.follow-error')
    }
    this.set({ busy: false })
    return ok
  }
}
