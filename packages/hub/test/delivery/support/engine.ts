/** Engines and messages for delivery tests. */
import type { WebhookEvent } from '@safe-place/schemas'
import { createDeliveryEngine, type DeliveryEngineOptions } from '../../../src/delivery/engine'
import { enqueueMessages } from '../../../src/delivery/outbox'
import { silentLogger, type TestDb } from './db'

/** The demo's policy: plain http to 127.0.0.1 only. */
const LOCAL_ONLY = { allowHttp: true, allowCidrs: ['127.0.0.1/32'] }

/** An engine as `serve` starts it, writing through the database's write gate. */
export function engineFor(t: TestDb, options: Partial<DeliveryEngineOptions> = {}) {
  return createDeliveryEngine({
    database: t,
    keyring: t.keyring,
    logger: silentLogger,
    ssrf: LOCAL_ONLY,
    random: () => 0.5,
    pollIntervalMs: 20,
    ...options,
  })
}

function testEvent(note = 'hello'): WebhookEvent {
  return {
    type: 'webhook.test',
    timestamp: new Date().toISOString(),
    data: { receiverId: 'rcv_test', message: note },
  }
}

export async function enqueue(
  t: TestDb,
  receiverId: string,
  count = 1,
  options: { urgent?: boolean; reportId?: string | null; now?: Date } = {},
): Promise<string[]> {
  return t.write((tx) =>
    enqueueMessages(
      tx,
      t.keyring,
      Array.from({ length: count }, (_, i) => ({
        receiverId,
        reportId: options.reportId ?? null,
        event: testEvent(`n${i}`),
        urgent: options.urgent ?? false,
      })),
      options.now ?? new Date(),
    ),
  )
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > until) throw new Error('Timed out waiting')
    await new Promise((r) => setTimeout(r, 10))
  }
}
