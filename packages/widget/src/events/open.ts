/** `safe-place:open`: the panel was opened. Carries nothing: a partner may count opens, no more. */
export class SafePlaceOpenEvent extends Event {
  constructor() {
    super('safe-place:open', { bubbles: true, composed: true })
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'safe-place:open': SafePlaceOpenEvent
  }
}
