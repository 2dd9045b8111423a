/** Who an API key speaks for: set on the context by `requireApiKey` as `principal`. */
import type { ApiKeyScope } from '@safe-place/schemas'

export interface ApiKeyPrincipal {
  keyId: string
  scope: ApiKeyScope
  /** Set for partner keys (and receiver keys, through their receiver's partner when known). */
  partnerId: string | null
  /** Set for receiver keys. */
  receiverId: string | null
}
