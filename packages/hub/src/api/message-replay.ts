/**
 * Replaying one message, as both the operator API and the console answer it: the replay's
 * outcome as a typed error, or the message's new summary. Access is checked by the caller.
 */
import type { DeliveryMessage } from '@safe-place/schemas'
import { getMessageSummary } from '../delivery/messages-store'
import { replayMessage } from '../delivery/replay'
import { HubError } from '../http/hub-error'
import type { HubRuntime } from '../runtime'

export async function replayOneMessage(hub: HubRuntime, id: string): Promise<DeliveryMessage> {
  const result = await replayMessage(hub.db, id, hub.now())
  if (result === 'not_found') throw new HubError('not_found')
  if (result === 'erased')
    throw new HubError('report_withdrawn', 'This message was erased: its report was withdrawn.')
  if (result === 'in_flight')
    throw new HubError('conflict', 'This message is being delivered right now.')
  hub.engine?.wake()
  const message = await getMessageSummary(hub.db, id)
  if (!message) throw new HubError('not_found')
  return message
}
