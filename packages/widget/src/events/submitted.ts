/**
 * `safe-place:submitted`: a report was accepted by the hub. Carries the public reference only,
 * never the receipt token nor anything the person wrote.
 */
export interface SafePlaceSubmittedDetail {
  reference: string
}

export class SafePlaceSubmittedEvent extends CustomEvent<SafePlaceSubmittedDetail> {
  constructor(reference: string) {
    super('safe-place:submitted', { bubbles: true, composed: true, detail: { reference } })
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'safe-place:submitted': SafePlaceSubmittedEvent
  }
}
