/**
 * `safe-place:error`: something failed (hub unreachable, report refused). Carries a stable code
 * only (an `ErrorCode` of the hub, or `network`), never report content.
 */
export interface SafePlaceErrorDetail {
  code: string
}

export class SafePlaceErrorEvent extends CustomEvent<SafePlaceErrorDetail> {
  constructor(code: string) {
    super('safe-place:error', { bubbles: true, composed: true, detail: { code } })
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'safe-place:error': SafePlaceErrorEvent
  }
}
