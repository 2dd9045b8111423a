/**
 * A reporter asked to be told by e-mail; a receiver changes her report's status; the hub
 * process is SIGKILLed between the status and the mail — once in the middle of the SMTP
 * exchange (the server holds the mail unanswered), once while the SMTP server is down — and
 * restarted on the same files. Each time exactly one mail arrives (real `serve` processes, a
 * real SMTP server on 127.0.0.1), neutral: none of the report's values is in it.
 */
import { type Mailbox, startMailbox } from '@safe-place/demo'
import { createSafePlaceClient } from '@safe-place/sdk'
import { createSafePlaceAdmin } from '@safe-place/sdk/admin'
import { afterEach, describe, expect, it } from 'vitest'
import { createOperatorKey, type HubProcess, startHubProcess } from '../support/hub-process'
import { DESCRIPTION, EMAIL, sampleReport, TARGET_HANDLE } from '../support/reports'
import { receiverInput, seedTenant } from '../support/seed'
import { tempDir } from '../support/temp-dir'
import { sleep, waitUntil } from '../support/wait'
import { type RecordingReceiver, startRecordingReceiver } from '../support/webhook-receiver'

const NOTIFY = 'zq.crash.notify.4711@example.org'
const ORIGIN = 'http://127.0.0.1:5998'

const dir = tempDir('safe-place-mail-crash-')
let hub: HubProcess | undefined
let mailbox: Mailbox | undefined
let receiver: RecordingReceiver | undefined

afterEach(async () => {
  await hub?.kill('SIGKILL')
  await mailbox?.close()
  await receiver?.close()
  dir.remove()
})

function envFor(smtpUrl: string): Record<string, string> {
  return {
    SMTP_URL: smtpUrl,
    SMTP_TIMEOUT: '1s',
    MAIL_RETRY_SCHEDULE: '0,300ms,300ms,300ms,300ms,300ms,300ms,300ms',
    WEBHOOK_ALLOW_HTTP: '1',
    WEBHOOK_ALLOW_CIDRS: '127.0.0.1/32',
  }
}

/** A tenant, a federation receiver with its key, and a report that asks for e-mails. */
async function reportAskingForMails(h: HubProcess, operatorKey: string) {
  receiver = await startRecordingReceiver()
  const tenant = await seedTenant(h.url, operatorKey, { origin: ORIGIN })
  const federation = await tenant.admin.receivers.create(
    receiverInput(tenant.partnerId, 'federation', receiver.url, { secret: receiver.secret }),
  )
  const key = await tenant.admin.apiKeys.create({
    name: 'fédération',
    scope: 'receiver',
    receiverId: federation.id,
  })
  const client = createSafePlaceClient({ hubUrl: h.url, siteKey: tenant.siteKey })
  const receipt = await client.submitReport(
    sampleReport({ notifications: { email: NOTIFY } }, [federation.id]),
  )
  const asReceiver = createSafePlaceAdmin({ hubUrl: h.url, apiKey: key.secret })
  return { receipt, asReceiver }
}

function expectNeutral(raw: string, receipt: { reference: string; receiptToken: string }) {
  for (const value of [
    receipt.reference,
    receipt.receiptToken,
    DESCRIPTION,
    EMAIL,
    TARGET_HANDLE,
    'zq_system_handle_57',
    'instagram',
    'Instagram',
    'http',
  ]) {
    expect(raw, value).not.toContain(value)
  }
}

describe('one neutral mail per status change, across a SIGKILL', () => {
  it('killed mid-send (the SMTP server holds the mail): exactly one mail after the restart', async () => {
    mailbox = await startMailbox({ log: () => {} })
    mailbox.hold = true
    const operatorKey = await createOperatorKey(dir.path)
    hub = await startHubProcess({ dataDir: dir.path, env: envFor(mailbox.url) })
    const { receipt, asReceiver } = await reportAskingForMails(hub, operatorKey)
    await asReceiver.postStatus(receipt.reference, { status: 'in_review' })
    // The hub has sent the whole mail and waits for the server's answer: kill it now.
    await waitUntil('the mail held mid-send', () => (mailbox?.held ?? 0) >= 1, {
      timeoutMs: 10_000,
    })
    expect(await hub.kill('SIGKILL')).toBe('SIGKILL')
    expect(mailbox.mails).toHaveLength(0)

    mailbox.hold = false
    hub = await startHubProcess({ dataDir: dir.path, port: hub.port, env: envFor(mailbox.url) })
    // The dead process's lease expires (4 × 1 s), then the mail goes, once.
    await waitUntil('the mail after the restart', () => (mailbox?.mails.length ?? 0) >= 1, {
      timeoutMs: 20_000,
    })
    await sleep(2_500)
    expect(mailbox.mails).toHaveLength(1)
    const [mail] = mailbox.mails
    expect(mail?.to).toEqual([NOTIFY])
    expect(mail?.subject).toBe('Du nouveau sur votre signalement')
    expectNeutral(mail!.raw, receipt)
  })

  it('killed while the SMTP server is down: the mail waits durably, then goes once', async () => {
    // Find a free port for the mail server, and keep it closed for now.
    const probe = await startMailbox({ log: () => {} })
    const port = probe.port
    await probe.close()
    const operatorKey = await createOperatorKey(dir.path)
    const smtpUrl = `smtp://127.0.0.1:${port}`
    hub = await startHubProcess({ dataDir: dir.path, env: envFor(smtpUrl) })
    const { receipt, asReceiver } = await reportAskingForMails(hub, operatorKey)
    await asReceiver.postStatus(receipt.reference, {
      status: 'action_taken',
      actions: ['content_removed'],
    })
    // Refused connections are retried on the schedule and logged for operators, without content.
    await waitUntil('a failed attempt logged', () =>
      hub!.logs.some((l) => l.includes('"event":"mail.failed"')),
    )
    expect(hub.logs.join('\n')).not.toContain(NOTIFY)
    await hub.kill('SIGKILL')

    mailbox = await startMailbox({ port, log: () => {} })
    hub = await startHubProcess({ dataDir: dir.path, port: hub.port, env: envFor(smtpUrl) })
    await waitUntil('the mail after the restart', () => (mailbox?.mails.length ?? 0) >= 1, {
      timeoutMs: 20_000,
    })
    await sleep(2_000)
    expect(mailbox.mails).toHaveLength(1)
    expectNeutral(mailbox.mails[0]!.raw, receipt)
    expect(hub.logs.join('\n')).not.toContain(NOTIFY)
  })
})
