/**
 * Replaying one message, as both the operator API and the console answer it: the replay's
 * outcome as a typed error, or the message's new summary. Access is checked by the caller.
 */
import { DeliveryMessage } from '@safe-place/schemas'
import { getMessageSummary } from '../delivery/messages-store'
import { replayMessage } from '../delivery/transitions'
import { errorResponses, jsonContent } from '../http/openapi-errors'
import { HubError } from '../hub-error'
import type { HubRuntime } from '../runtime'

/** What a replay route answers, besides its own authentication errors. */
export const replayOneResponses = {
  200: jsonContent(DeliveryMessage, 'Queued again'),
  ...errorResponses('not_found', 'conflict', 'report_erased'),
}

export async function replayOneMessage(hub: HubRuntime, id: string): Promise<DeliveryMessage> {
  // In one write unit, so the answer is the replayed state: no worker can claim the message
  // between the replay and the read.
  const { result, message } = await hub.write(async (tx) => {
    const result = await replayMessage(tx, id, hub.now())
    const message = result === 'replayed' ? await getMessageSummary(tx, id) : null
    return { result, message }
  })
  if (result === 'not_found') throw new HubError('not_found')
  if (result === 'erased') {
    throw new HubError(
      'report_erased',
      "This message's report was erased (withdrawn or past retention): nothing can be resent.",
    )
  }
  if (result === 'in_flight')
    throw new HubError('conflict', 'This message is being delivered right now.')
  if (!message) throw new HubError('not_found')
  hub.engine?.wake()
  return message
}
