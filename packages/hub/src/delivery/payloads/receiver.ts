/** What a profile builder needs to know about the receiver it cuts a payload for. */
import type { ReceiverKind, ReceiverProfile } from '@safe-place/schemas'

export interface ProfileReceiver {
  id: string
  kind: ReceiverKind
  profile: ReceiverProfile
}
