/**
 * The report wizard's state: the draft (in memory only), the step on screen, and sending with
 * one idempotency key for every retry, so a report is never received twice.
 */
import type { Receipt } from '@safe-place/schemas'
import { SafePlaceErrorEvent } from '../events/error'
import { SafePlaceSubmittedEvent } from '../events/submitted'
import { prepareFile } from '../evidence/prepare'
import { errorMessage } from '../hub/error-message'
import { HubError } from '../hub/errors'
import { fmt } from '../i18n/launcher'
import { type Draft, emptyDraft } from '../panel/draft'
import { toIntake } from '../panel/intake'
import { attachmentLimits } from '../panel/limits'
import { newIdempotencyKey } from './idempotency-key'
import type { DraftEdit, ReportState, StepRules } from './panel-state'
import { Reactive } from './reactive'
import type { ReceiptController } from './receipt'
import type { Session } from './session'

interface ReportData {
  draft: Draft
  step: number
  sending: boolean
  sendError: string
}

export class ReportController extends Reactive<ReportData> implements ReportState, ReportData {
  readonly draft: Draft = emptyDraft()
  readonly step: number = 0
  readonly sending: boolean = false
  readonly sendError: string = ''
  readonly #session: Session
  readonly #receipt: ReceiptController
  readonly #steps: readonly StepRules[]

  constructor(session: Session, receipt: ReceiptController, steps: readonly StepRules[]) {
    super(session.host)
    this.#session = session
    this.#receipt = receipt
    this.#steps = steps
  }

  edit(patch: DraftEdit): void {
    this.#draft(patch)
  }

  consent(receiverId: string, given: boolean): void {
    const { [receiverId]: _, ...others } = this.draft.consents
    this.#draft({
      consents: given ? { ...others, [receiverId]: new Date().toISOString() } : others,
    })
  }

  async addFiles(files: readonly File[]): Promise<void> {
    const s = this.#session
    const { max, bytes } = attachmentLimits(s.config)
    const { files: _, ...others } = s.errors
    s.setErrors(others)
    let error: string | undefined
    for (const file of files) {
      if (this.draft.files.length >= max) {
        error = fmt(s.t.filesTooMany, { max })
        break
      }
      try {
        const name = `capture-${this.draft.files.length + 1}.jpg`
        this.#draft({ files: [...this.draft.files, await prepareFile(file, bytes, name)] })
      } catch {
        error = fmt(s.t.filesError, { name: file.name.slice(0, 60) })
      }
    }
    if (error) s.setErrors({ ...s.errors, files: error })
  }

  removeFile(index: number): void {
    this.#draft({ files: this.draft.files.filter((_, i) => i !== index) })
  }

  goStep(step: number): void {
    this.set({ step })
    this.#session.setErrors({})
    this.#session.host.focusAfterRender('h2')
  }

  next(): void {
    const rules = this.#steps[this.step]
    if (!rules || this.#session.showErrors(rules.validate(this.#session))) return
    this.goStep(this.step + 1)
  }

  async send(): Promise<void> {
    if (this.sending) return
    const s = this.#session
    this.#draft({ idempotencyKey: this.draft.idempotencyKey || newIdempotencyKey() })
    this.set({ sending: true, sendError: '' })
    try {
      const receipt = await this.#submit(true)
      this.#receipt.show(receipt, this.draft.category)
      s.host.emit(new SafePlaceSubmittedEvent(receipt.reference))
      this.set({ draft: emptyDraft(), sending: false })
      s.go('receipt')
    } catch (error) {
      const code = error instanceof HubError ? error.code : 'internal_error'
      this.set({ sendError: errorMessage(s.t, error), sending: false })
      s.host.emit(new SafePlaceErrorEvent(code))
      s.host.focusAfterRender('.send-error')
    }
  }

  /** A new report starts at its first step, the challenge being solved meanwhile. */
  start(): void {
    this.set({ step: 0 })
    this.#session.hub.prepareChallenge()
  }

  /** Drops everything typed. */
  wipe(): void {
    this.set({ draft: emptyDraft(), sendError: '' })
  }

  #draft(patch: Partial<Draft>): void {
    this.set({ draft: { ...this.draft, ...patch } })
  }

  async #submit(retryChallenge: boolean): Promise<Receipt> {
    const s = this.#session
    const config = s.hub.config ?? (await s.hub.load())
    if (!config) throw new HubError('network', '')
    const pow = await s.hub.proof(config)
    const report = toIntake(this.draft, { locale: s.locale, country: s.country, config })
    try {
      return await s.client.submit(report, this.draft.files, this.draft.idempotencyKey, pow)
    } catch (error) {
      const code = error instanceof HubError ? error.code : ''
      if (retryChallenge && (code === 'challenge_failed' || code === 'challenge_required')) {
        s.hub.dropProof()
        return this.#submit(false)
      }
      throw error
    }
  }
}
