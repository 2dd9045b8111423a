/**
 * Replaying one message, as both the operator API and the console answer it: the replay's
 * outcome as a typed error, or the message's new summary. Access is checked by the caller.
 */
import { DeliveryMessage } from '@safe-place/schemas'
import { getMessageSummary } from '../delivery/messages-store'
import { replayMessage } from '../delivery/replay'
import { HubError } from '../http/hub-error'
import { errorResponses, jsonContent } from '../http/openapi-errors'
import type { HubRuntime } from '../runtime'

/** What a replay route answers, besides its own authentication errors. */
export const replayOneResponses = {
  200: jsonContent(DeliveryMessage, 'Queued again'),
  ...errorResponses('not_found', 'conflict', 'report_withdrawn'),
}

export async function replayOneMessage(hub: HubRuntime, id: string): Promise<DeliveryMessage> {
  // In this process's write turn, so the answer is the replayed state: the engine's writer
  // thread cannot claim the message between the replay and the read.
  const { result, message } = await hub.writeLock.run(async () => {
    const result = await replayMessage(hub.db, id, hub.now())
    const message = result === 'replayed' ? await getMessageSummary(hub.db, id) : null
    return { result, message }
  })
  if (result === 'not_found') throw new HubError('not_found')
  if (result === 'erased')
    throw new HubError('report_withdrawn', 'This message was erased: its report was withdrawn.')
  if (result === 'in_flight')
    throw new HubError('conflict', 'This message is being delivered right now.')
  if (!message) throw new HubError('not_found')
  hub.engine?.wake()
  return message
}
