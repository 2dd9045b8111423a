/** The receipt's state: shown once after a send, copied on request, dropped when done. */
import type { Receipt } from '@safe-place/schemas'
import type { Draft } from '../panel/draft'
import type { ReceiptState } from './panel-state'
import { Reactive } from './reactive'
import type { Session } from './session'

interface ReceiptData {
  current: Receipt | undefined
  category: Draft['category']
  copied: boolean
}

export class ReceiptController extends Reactive<ReceiptData> implements ReceiptState, ReceiptData {
  readonly current: Receipt | undefined = undefined
  readonly category: Draft['category'] = ''
  readonly copied: boolean = false
  readonly #session: Session

  constructor(session: Session) {
    super(session.host)
    this.#session = session
  }

  show(receipt: Receipt, category: Draft['category']): void {
    this.set({ current: receipt, category })
  }

  async copy(): Promise<void> {
    const receipt = this.current
    if (!receipt) return
    const t = this.#session.t
    const text = `${t.referenceLabel}: ${receipt.reference}\n${t.tokenLabel}: ${receipt.receiptToken}`
    try {
      await navigator.clipboard.writeText(text)
      this.set({ copied: true })
    } catch {
      this.set({ copied: false })
    }
  }

  done(): void {
    this.set({ current: undefined, copied: false })
    this.#session.go('home')
  }

  /** Not left on screen for the next person. */
  clear(): void {
    this.set({ current: undefined })
  }
}
