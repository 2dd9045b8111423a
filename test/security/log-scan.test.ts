/**
 * "Secrets in logs" is what an operator must never suffer. A hub process at LOG_LEVEL=trace
 * goes through a whole life — a report with description, contact, handles and a screenshot;
 * a webhook that fails then succeeds; status read with the receipt; partner, receiver and
 * operator keys used; a receiver status update; a secret rotation and a test event; requests
 * that fail carrying personal data and forged credentials; a withdrawal; a key revocation — and
 * then every line it wrote (stdout and stderr) is searched for every known secret or personal
 * value, whole and in fragments.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createClient } from '@libsql/client'
import { createSafePlaceClient } from '@safe-place/sdk'
import { createSafePlaceAdmin } from '@safe-place/sdk/admin'
import { verifyWebhook, verifyWebhookMessage } from '@safe-place/sdk/webhooks'
import { afterAll, describe, expect, it } from 'vitest'
import { createOperatorKey, type HubProcess, startHubProcess } from '../support/hub-process'
import { tinyPng } from '../support/images'
import {
  eventually,
  type LoopbackReceiver,
  startLoopbackReceiver,
} from '../support/loopback-receiver'
import { DESCRIPTION, EMAIL, sampleReport, TARGET_HANDLE } from '../support/reports'
import { receiverInput, seedTenant } from '../support/seed'
import { tempDir } from '../support/temp-dir'

const ORIGIN = 'http://127.0.0.1:5998'
const ACCOUNT_HANDLE = '@zq_system_handle_57'
const NOTE = 'Compte zq_note_3381 suspendu, nous restons joignables'
/** Put in requests that fail, so error paths are searched too. */
const FAILED_DESCRIPTION = 'Description refusee zq_failed_7731 avec numero 0612345678'

/** Named values that must never appear in a log line. */
const secrets = new Map<string, string>()

/** The value, and slices of it long enough to be unmistakable, so a cut-off copy is found too. */
function needles(value: string): string[] {
  const out = new Set([value])
  // A receipt code (`7K3Q-9XWD-M2PA-0RTE`) is also typed without its dashes.
  if (/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/.test(value)) out.add(value.replaceAll('-', ''))
  // Random parts (after a `sk_live_`, `rt_` or `whsec_` prefix) in 16-character windows.
  const random = value.replace(/^(sk_live_|rt_|whsec_)/, '')
  if (random.length >= 24) {
    for (let i = 0; i + 16 <= random.length; i += 8) out.add(random.slice(i, i + 16))
  }
  return [...out]
}

function leaks(lines: readonly string[]): string[] {
  const found: string[] = []
  for (const [name, value] of secrets) {
    for (const needle of needles(value)) {
      const line = lines.find((l) => l.includes(needle))
      if (line) found.push(`${name} (${needle}) in: ${line.slice(0, 300)}`)
    }
  }
  return found
}

describe('logs of a full run at trace level', () => {
  const dir = tempDir()
  let hub: HubProcess | undefined
  let receiver: LoopbackReceiver | undefined
  afterAll(async () => {
    await hub?.kill('SIGKILL')
    await receiver?.close()
    dir.remove()
  })

  it('hold no secret, token, contact or description', async () => {
    const operatorKey = await createOperatorKey(dir.path)
    secrets.set('operator key', operatorKey)
    // The first answer fails and echoes the payload, so the failure path is logged too.
    receiver = await startLoopbackReceiver((request, index) =>
      index === 0 ? { status: 500, body: `refused: ${request.body}` } : { status: 204 },
    )
    hub = await startHubProcess({
      dataDir: dir.path,
      env: {
        LOG_LEVEL: 'trace',
        WEBHOOK_ALLOW_HTTP: '1',
        WEBHOOK_ALLOW_CIDRS: '127.0.0.1/32',
        WEBHOOK_RETRY_SCHEDULE: '0,300ms,300ms,300ms',
      },
    })
    const keyFile = readFileSync(join(dir.path, 'hub.key'), 'utf8').trim()
    const encryptionKey = keyFile.split(':')[1]!
    secrets.set('encryption key (base64)', encryptionKey)
    secrets.set('encryption key (hex)', Buffer.from(encryptionKey, 'base64').toString('hex'))
    secrets.set(
      'encryption key (base64url)',
      Buffer.from(encryptionKey, 'base64').toString('base64url'),
    )

    const tenant = await seedTenant(hub.url, operatorKey, { origin: ORIGIN })
    const { admin } = tenant
    const created = await admin.receivers.create(
      receiverInput(tenant.partnerId, 'federation', `${receiver.url}/hooks`),
    )
    secrets.set('webhook secret', created.secret)
    const partnerKey = await admin.apiKeys.create({
      name: 'partner',
      scope: 'partner',
      partnerId: tenant.partnerId,
    })
    secrets.set('partner key', partnerKey.secret)
    const receiverKey = await admin.apiKeys.create({
      name: 'receiver',
      scope: 'receiver',
      receiverId: created.id,
    })
    secrets.set('receiver key', receiverKey.secret)

    // A report with everything personal, and a screenshot.
    const client = createSafePlaceClient({ hubUrl: hub.url, siteKey: tenant.siteKey })
    const idempotencyKey = 'zq-idem-5f0c2d9a-log-scan'
    const report = sampleReport({}, [created.id])
    const receipt = await client.submitReport(report, {
      attachments: [new Blob([new Uint8Array(tinyPng)], { type: 'image/png' })],
      idempotencyKey,
    })
    secrets.set('receipt token', receipt.receiptToken)
    // The same request again (idempotent replay) takes another path.
    const again = await client.submitReport(report, {
      attachments: [new Blob([new Uint8Array(tinyPng)], { type: 'image/png' })],
      idempotencyKey,
    })
    expect(again.reference).toBe(receipt.reference)

    // Delivered after one failure, verifiable, and carrying the personal data (full profile).
    const [failed, delivered] = await receiver.waitFor(2)
    expect(failed!.body).toContain(EMAIL)
    const event = verifyWebhook(delivered!.body, delivered!.headers, created.secret)
    expect(event.type).toBe('report.created')
    expect(delivered!.body).toContain(DESCRIPTION)

    // The reporter reads the status; partner and operator read the report; the receiver answers.
    expect((await client.getStatus(receipt.reference, receipt.receiptToken)).reference).toBe(
      receipt.reference,
    )
    const partnerAdmin = createAdmin(hub.url, partnerKey.secret)
    expect((await partnerAdmin.reports.list()).items).toHaveLength(1)
    await partnerAdmin.reports.get(receipt.reference)
    const detail = await admin.reports.get(receipt.reference)
    expect(JSON.stringify(detail)).toContain(EMAIL)
    const receiverAdmin = createAdmin(hub.url, receiverKey.secret)
    await receiverAdmin.postStatus(receipt.reference, {
      status: 'action_taken',
      actions: ['content_removed'],
      noteForReporter: NOTE,
    })
    await admin.messages.list()

    // Rotation: the next delivery carries two signatures, each secret verifies it.
    const rotated = await admin.receivers.rotateSecret(created.id)
    secrets.set('rotated webhook secret', rotated.secret)
    const before = receiver.requests.length
    await admin.receivers.test(created.id)
    const afterTest = await receiver.waitFor(before + 1)
    const test = afterTest.find((r) => r.body.includes('"webhook.test"'))!
    expect(verifyWebhookMessage(test.body, test.headers, rotated.secret).event.type).toBe(
      'webhook.test',
    )
    expect(verifyWebhook(test.body, test.headers, created.secret).type).toBe('webhook.test')

    // Failures that carry personal data and forged credentials.
    const forgedToken = `rt_${'Zq'.repeat(21)}x`
    secrets.set('forged receipt token', forgedToken)
    const forgedKey = `sk_live_${'Qz'.repeat(21)}y`
    secrets.set('forged API key', forgedKey)
    const refused = [
      await fetch(`${hub.url}/v1/reports/${receipt.reference}/status`, {
        headers: { authorization: `Bearer ${forgedToken}` },
      }),
      await fetch(`${hub.url}/v1/admin/reports`, {
        headers: { authorization: `Bearer ${forgedKey}` },
      }),
      await fetch(`${hub.url}/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'safe-place-site-key': tenant.siteKey },
        body: `{"what":{"description":"${FAILED_DESCRIPTION}"`,
      }),
      await fetch(`${hub.url}/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'safe-place-site-key': tenant.siteKey },
        body: JSON.stringify(
          sampleReport({
            what: { description: FAILED_DESCRIPTION },
            contact: { channel: 'carrier-pigeon', value: EMAIL } as never,
          }),
        ),
      }),
      await fetch(`${hub.url}/v1/admin/receivers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${operatorKey}` },
        body: JSON.stringify(
          receiverInput(tenant.partnerId, 'federation', `https://10.0.0.1/${FAILED_DESCRIPTION}`),
        ),
      }),
    ]
    expect(refused.map((r) => r.status)).toEqual([401, 401, 400, 400, 422])

    // Withdrawal: the receiver hears report.withdrawn; then a key is revoked.
    const withdrawn = await client.withdraw(receipt.reference, receipt.receiptToken)
    expect(withdrawn.status).toBe('withdrawn')
    await eventually(
      async () =>
        receiver!.requests.some((r) => r.body.includes('"report.withdrawn"')) ? true : undefined,
      20_000,
      'report.withdrawn delivery',
    )
    await admin.apiKeys.revoke(partnerKey.id)

    // The console: a sign-in exchanges the operator key (in the body) for a session cookie.
    const signIn = await fetch(`${hub.url}/v1/console/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: hub.url },
      body: JSON.stringify({ apiKey: operatorKey }),
    })
    expect(signIn.status).toBe(200)
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!
    secrets.set('console session', cookie.split('=')[1]!)
    secrets.set('console CSRF token', ((await signIn.json()) as { csrfToken: string }).csrfToken)
    const inbox = await fetch(`${hub.url}/v1/console/reports`, { headers: { cookie } })
    expect(inbox.status).toBe(200)
    const signOut = await fetch(`${hub.url}/v1/console/session`, {
      method: 'DELETE',
      headers: { cookie, origin: hub.url, 'x-csrf-token': secrets.get('console CSRF token')! },
    })
    expect(signOut.status).toBe(204)

    expect(await hub.kill('SIGTERM')).toBe(0)

    // The database, too: after the withdrawal no readable column holds the personal values —
    // not even the receiver's first answer, which echoed the whole payload.
    const db = createClient({ url: `file:${join(dir.path, 'hub.db')}` })
    try {
      const answers = await db.execute('SELECT response_body FROM delivery_attempts')
      expect(answers.rows.length).toBeGreaterThan(0)
      for (const value of [EMAIL, DESCRIPTION, TARGET_HANDLE, 'zq_system_handle_57']) {
        for (const table of ['reports', 'delivery_attempts', 'messages', 'timeline_events']) {
          const rows = await db.execute(`SELECT * FROM ${table}`)
          expect(JSON.stringify(rows.rows), `${value} in ${table}`).not.toContain(value)
        }
      }
    } finally {
      db.close()
    }

    // The scan can fail: the run logged at trace level, requests and deliveries included…
    const lines = hub.logs
    expect(lines.some((l) => l.includes('"route":"/v1/reports"'))).toBe(true)
    expect(lines.some((l) => l.includes('"event":"delivery.attempt"'))).toBe(true)
    expect(lines.some((l) => l.includes('"status":500'))).toBe(true)
    // …the scanner finds a planted value (a receipt code, as typed without its dashes)…
    expect(leaks([`{"msg":"oops ${receipt.receiptToken.replaceAll('-', '')}"}`])).not.toEqual([])
    // …and the personal values are all known to it.
    secrets.set('description', DESCRIPTION)
    secrets.set('failed description', FAILED_DESCRIPTION)
    secrets.set('email', EMAIL)
    secrets.set('target handle', TARGET_HANDLE)
    secrets.set('account handle', ACCOUNT_HANDLE)
    secrets.set('note for the reporter', NOTE)
    secrets.set('handle fragment', 'zq_system_handle_57')
    secrets.set('email fragment', 'victime.systeme')
    secrets.set('idempotency key', idempotencyKey)

    expect(leaks(lines)).toEqual([])
  })
})

function createAdmin(hubUrl: string, apiKey: string) {
  return createSafePlaceAdmin({ hubUrl, apiKey })
}
