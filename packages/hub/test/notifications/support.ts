/** A test hub with a mail worker sending to a capturing SMTP server on 127.0.0.1. */
import pino from 'pino'
import { createApiKey } from '../../src/admin/api-keys'
import { AlertSettings } from '../../src/alerts/config'
import { systemClock } from '../../src/delivery/clock'
import { MailWorker } from '../../src/notifications/mail-worker'
import { smtpTransport } from '../../src/notifications/transport'
import { type SmtpCapture, startSmtpCapture } from '../support/smtp-capture'
import { addReceiver, makeTestHub, type TestHub } from '../support/test-hub'

export interface MailHub {
  hub: TestHub
  smtp: SmtpCapture
  worker: MailWorker
  close(): Promise<void>
}

export async function makeMailHub(
  options: { retryMs?: number[]; alerts?: Partial<AlertSettings> } = {},
): Promise<MailHub> {
  const smtp = await startSmtpCapture()
  let worker: MailWorker | undefined
  const hub = await makeTestHub({ mailer: { wake: () => worker?.wake() } })
  worker = new MailWorker({
    database: hub.handle,
    keyring: hub.keyring,
    logger: pino({ level: 'silent' }),
    transport: smtpTransport(smtp.url, 'Safe Place <no-reply@hub.test>', 2_000),
    clock: systemClock,
    retry: { scheduleMs: options.retryMs ?? [0, 30, 30, 30], jitter: 0 },
    alerts: AlertSettings.parse(options.alerts ?? {}),
    owner: 'test-mailer',
    leaseMs: 10_000,
    pollIntervalMs: 20,
    batchSize: 16,
  })
  return {
    hub,
    smtp,
    worker,
    async close() {
      await worker?.stop()
      await smtp.close()
      await hub.close()
    },
  }
}

/** A federation receiver (loopback, never called here) and its receiver API key. */
export async function federationWithKey(hub: TestHub, kind: 'federation' = 'federation') {
  const receiver = await addReceiver(hub, { kind, profile: 'full' })
  const key = await hub.handle.write((tx) =>
    createApiKey(tx, { name: 'fed', scope: 'receiver', receiverId: receiver.id }, new Date()),
  )
  return { receiver, key: key.secret }
}

export function postStatus(hub: TestHub, key: string, reference: string, body: unknown) {
  return hub.app.request(`/v1/reports/${reference}/status`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

export function asReporter(
  hub: TestHub,
  receipt: { reference: string; receiptToken: string },
  method: string,
  path: string,
  body?: unknown,
) {
  return hub.app.request(`/v1/reports/${receipt.reference}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${receipt.receiptToken}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  })
}
