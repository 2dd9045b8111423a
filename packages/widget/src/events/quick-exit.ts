/**
 * `safe-place:quick-exit`: the person left in a hurry. Fired after the panel and drafts are wiped
 * and just before the page is replaced: a partner may wipe its own state here, synchronously.
 */
export class SafePlaceQuickExitEvent extends Event {
  constructor() {
    super('safe-place:quick-exit', { bubbles: true, composed: true })
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'safe-place:quick-exit': SafePlaceQuickExitEvent
  }
}
