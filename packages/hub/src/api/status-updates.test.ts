import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addReceiver, makeTestHub, type TestHub } from '../../test/support/test-hub'
import { createApiKey } from '../admin/api-keys'

let hub: TestHub
let receiverKey: string
beforeEach(async () => {
  hub = await makeTestHub()
  const receiver = await addReceiver(hub)
  receiverKey = (
    await hub.handle.write((tx) =>
      createApiKey(tx, { name: 'r', scope: 'receiver', receiverId: receiver.id }, new Date()),
    )
  ).secret
})
afterEach(() => hub.close())

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  hub.app.request('/v1/reports/SP-2222-2222/status', {
    method: 'POST',
    headers: {
      authorization: `Bearer ${receiverKey}`,
      'content-type': 'application/json',
      ...headers,
    },
    body,
  })

async function codeOf(res: Response) {
  return [res.status, ((await res.json()) as { error: { code: string } }).error.code]
}

describe('POST /v1/reports/{reference}/status', () => {
  it('bounds and checks the body like every other JSON body', async () => {
    // Found by the abuse suite: this route read bodies of any size and any encoding.
    const huge = JSON.stringify({ status: 'in_review', noteForReporter: 'x'.repeat(70_000) })
    expect(await codeOf(await post(huge))).toEqual([413, 'payload_too_large'])
    const bytes = new Uint8Array([...Buffer.from('{"status":"in_'), 0xff, 0x22, 0x7d])
    expect(await codeOf(await post(bytes))).toEqual([400, 'invalid_encoding'])
    expect(await codeOf(await post('{"status":'))).toEqual([400, 'malformed_json'])
    expect(
      await codeOf(await post('{"status":"in_review"}', { 'content-type': 'text/plain' })),
    ).toEqual([415, 'unsupported_media_type'])
    // A well-formed update reaches the handler (this reference does not exist).
    expect(await codeOf(await post('{"status":"in_review"}'))).toEqual([404, 'not_found'])
  })

  it('checks the key before reading any body', async () => {
    const res = await post('x'.repeat(70_000), { authorization: 'Bearer sk_live_nope' })
    expect(await codeOf(res)).toEqual([401, 'unauthorized'])
  })
})
