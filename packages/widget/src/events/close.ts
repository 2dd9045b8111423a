/** `safe-place:close`: the panel was closed (Escape, the close button). The draft is kept in memory. */
export class SafePlaceCloseEvent extends Event {
  constructor() {
    super('safe-place:close', { bubbles: true, composed: true })
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'safe-place:close': SafePlaceCloseEvent
  }
}
