/**
 * The forensic erase test: a report with contact, an attachment, evidence texts and a status
 * note for the reporter, delivered to three receivers — one echoing the body back, one still in
 * flight when the report is erased — with an idempotency key, grouped into a case with another
 * report (its grouping fingerprints stored) and an internal note about it, an address for e-mail
 * notifications, a platform's decision with its explanation, the reporter's contest of it
 * (delivered as `report.contested`, echoed back), an addition with its own screenshot (and the
 * device's hashes of it), and a proof pack downloaded. After a withdrawal, and again after the
 * retention job, the database file is searched as a copy of it would be, key in hand: every
 * table of the schema, every plain column, every sealed value opened. None of the report's
 * personal values is anywhere — nor the fingerprints of its handle and link, nor the internal
 * note about it, nor its evidence chain's key — while the note about the other report of the
 * case stays.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import { Receipt, type ReportIntakeInput } from '@safe-place/schemas'
import { eq } from 'drizzle-orm'
import { unzipSync } from 'fflate'
import pino from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApiKey } from '../../src/admin/api-keys'
import { createCaseGrouper } from '../../src/cases/grouper'
import { caseKeyFingerprint, groupingValues } from '../../src/cases/keys'
import { CaseSettings } from '../../src/cases/settings'
import { Keyring } from '../../src/crypto/keyring'
import {
  attachments,
  caseNotes,
  cases,
  deliveryAttempts,
  idempotencyKeys,
  messages,
} from '../../src/db/schema'
import { createDeliveryEngine, type DeliveryEngine } from '../../src/delivery/engine'
import { runRetention } from '../../src/retention/run'
import { startReceiver, type TestServer } from '../delivery/support/receiver-server'
import { searchDatabase } from '../support/forensics'
import { jpegWithGps } from '../support/images'
import {
  addReceiver,
  makeTestHub,
  postReport,
  sampleReport,
  type TestHub,
} from '../support/test-hub'

const KEY = { id: 'fk1', key: randomBytes(32) }
const keys = new Map([[KEY.id, KEY.key]])

/** Everything of the report a copy of the database must not give away. */
const PERSONAL = {
  description: 'Il me harcèle depuis le compte zq_forensic_stalker_77 chaque nuit',
  email: 'forensic.victim.5519@example.org',
  contentUrl: 'https://www.instagram.com/p/forensicSecretPost42/',
  account: '@zq_forensic_stalker_77',
  targetHandle: '@forensic_creator_handle',
  evidenceText: 'capture: « je sais où tu habites » zq_evidence_line_31',
  note: 'Nous avons contacté forensic.victim.5519@example.org au sujet de zq_note_marker_64',
  internalNote: 'Note interne : rappelée au 06 55 19 00 64, elle change de numéro zq_internal_31',
  notifyEmail: 'zq.forensic.notify.8812@example.org',
  decisionExplanation: 'Harcèlement visant zq_decision_marker_57 par son prénom',
  contestReason: 'Il a recréé un compte, zq_contest_marker_23, et continue',
  addition: 'Ce matin encore, depuis zq_forensic_added_58, il a publié mon adresse',
  addedUrl: 'https://www.instagram.com/p/forensicAddedPost77/',
}

/** The note about the other report of the case: it is not this report's data, so it stays. */
const KEPT_NOTE = 'Le témoin a envoyé trois captures de plus zq_kept_note_12'

const retention = { attachmentsDays: 30, closedReportDays: 60, anyReportDays: 365 }

let hub: TestHub
let engine: DeliveryEngine
let echo: TestServer
let quiet: TestServer
let slow: TestServer
/** Answers of the slow receiver, held until the test lets them go. */
let held: ServerResponse[]
/** Once the late answer is let go, the slow receiver answers what comes next at once. */
let holding: boolean

beforeEach(async () => {
  hub = await makeTestHub({ keyring: new Keyring(KEY), mailer: { wake: () => undefined } })
  held = []
  holding = true
  // Answers 200 with the body it got: the attempt log then holds the whole payload, sealed.
  echo = await startReceiver((req, _i, res) => res.writeHead(200).end(req.body))
  quiet = await startReceiver()
  slow = await startReceiver((req, _i, res) => {
    const body = req.body
    // What waited behind the held delivery (its report's order) comes once it is let go.
    if (!holding) return res.writeHead(200).end(body)
    held.push(res)
    res.on('finish', () => undefined)
    ;(res as ServerResponse & { echo?: string }).echo = body
  })
  engine = createDeliveryEngine({
    database: hub.handle,
    keyring: hub.keyring,
    logger: pino({ level: 'silent' }),
    ssrf: { allowHttp: true, allowCidrs: ['127.0.0.1/32'] },
    pollIntervalMs: 20,
    random: () => 0.5,
  })
})
afterEach(async () => {
  // From now on the slow receiver answers at once: a request arriving while the engine stops
  // would otherwise be held until its timeout.
  slow.respond = (_req, _i, res) => res.writeHead(200).end('late')
  for (const res of held) if (!res.writableEnded) res.writeHead(200).end('late')
  await engine.stop()
  await Promise.all([echo.close(), quiet.close(), slow.close()])
  await hub.close()
})

const until = async (check: () => Promise<boolean> | boolean, what: string) => {
  const deadline = Date.now() + 15_000
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

/** Sends the report to three receivers; resolves once one is still waiting on the slow one. */
async function sendAndDeliver() {
  const federation = await addReceiver(hub, { url: echo.url, kind: 'federation', profile: 'full' })
  const flagger = await addReceiver(hub, {
    url: quiet.url,
    kind: 'trusted_flagger',
    profile: 'notice',
  })
  const vendor = await addReceiver(hub, {
    url: slow.url,
    kind: 'moderation_vendor',
    profile: 'content',
  })
  const grantedAt = new Date().toISOString()
  const report: ReportIntakeInput = sampleReport({
    category: 'harassment',
    what: { description: PERSONAL.description, ongoing: true },
    where: {
      platform: 'instagram',
      contentUrls: [PERSONAL.contentUrl],
      accounts: [{ handle: PERSONAL.account }],
    },
    who: { role: 'target', targetIsWomanOrGirl: true, targetHandle: PERSONAL.targetHandle },
    evidence: { urls: [], texts: [PERSONAL.evidenceText] },
    contact: { channel: 'email', value: PERSONAL.email },
    notifications: { email: PERSONAL.notifyEmail },
    consents: [federation, flagger, vendor].map((r) => ({
      receiverId: r.id,
      textVersion: '1',
      grantedAt,
    })),
  })
  const form = new FormData()
  form.append('report', JSON.stringify(report))
  form.append('attachments', new Blob([new Uint8Array(await jpegWithGps())]), 'capture.jpg')
  const res = await postReport(hub, null, {
    raw: form,
    headers: { 'idempotency-key': '7f1c0e2a-3b4d-4e5f-8a9b-0c1d2e3f4a5b' },
  })
  expect(res.status).toBe(201)
  const receipt = Receipt.parse(await res.json())

  engine.start()
  await until(() => echo.received.length === 1 && quiet.received.length === 1, 'two deliveries')
  await until(() => slow.received.length === 1, 'the third delivery in flight')
  await until(
    async () => (await hub.handle.db.select().from(deliveryAttempts)).length >= 2,
    'two attempts recorded',
  )

  // The trusted flagger answers, with a note for the reporter quoting her.
  const flaggerKey = await hub.handle.write((tx) =>
    createApiKey(tx, { name: 'pdc', scope: 'receiver', receiverId: flagger.id }, new Date()),
  )
  const status = await hub.app.request(`/v1/reports/${receipt.reference}/status`, {
    method: 'POST',
    headers: { authorization: `Bearer ${flaggerKey.secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ status: 'in_review', noteForReporter: PERSONAL.note }),
  })
  expect(status.status).toBe(200)
  // Then decides, with a statement of reasons naming someone; she contests it.
  const decided = await hub.app.request(`/v1/reports/${receipt.reference}/status`, {
    method: 'POST',
    headers: { authorization: `Bearer ${flaggerKey.secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      status: 'action_taken',
      decision: {
        decision_visibility: ['DECISION_VISIBILITY_CONTENT_LABELLED'],
        decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
        incompatible_content_ground: 'Harassment policy',
        incompatible_content_explanation: PERSONAL.decisionExplanation,
        automated_detection: 'No',
        automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
        territorial_scope: ['FR'],
        application_date: '2026-03-03',
      },
    }),
  })
  expect(decided.status).toBe(200)
  const contested = await hub.app.request(`/v1/reports/${receipt.reference}/contest`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${receipt.receiptToken}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ reason: PERSONAL.contestReason }),
  })
  expect(contested.status).toBe(200)
  await until(
    async () =>
      echo.received.some((r) => r.body.includes('report.contested')) &&
      (await hub.handle.db.select().from(deliveryAttempts)).some(
        (a) => a.messageId !== null && a.responseBody !== null,
      ),
    'the contest echoed back by the federation',
  )

  // She adds an incident with a screenshot, then downloads her pack.
  const screenshot = await jpegWithGps()
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')
  const original = Buffer.concat([screenshot, Buffer.from('as taken on the phone')])
  const addition = new FormData()
  addition.append(
    'report',
    JSON.stringify({
      what: { description: PERSONAL.addition },
      where: { contentUrls: [PERSONAL.addedUrl] },
      evidence: { files: [{ originalSha256: sha(original), sentSha256: sha(screenshot) }] },
    }),
  )
  addition.append('attachments', new Blob([new Uint8Array(screenshot)]), 'capture-2.jpg')
  const added = await hub.app.request(`/v1/reports/${receipt.reference}/additions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${receipt.receiptToken}` },
    body: addition,
  })
  expect(added.status).toBe(201)
  const pack = await hub.app.request(`/v1/reports/${receipt.reference}/evidence-pack`, {
    headers: { authorization: `Bearer ${receipt.receiptToken}` },
  })
  expect(pack.status).toBe(200)
  const manifest = JSON.parse(
    Buffer.from(unzipSync(new Uint8Array(await pack.arrayBuffer()))['manifest.json']!).toString(),
  ) as { chain: { key: string } }
  const files = await hub.handle.db.select().from(attachments)
  const fingerprints = await groupWithAWitness(receipt.reference)
  return {
    receipt,
    receiptToken: receipt.receiptToken,
    fileHashes: files.map((f) => f.sha256),
    // The device's and the received hashes of the files: plain hex, erased with the report.
    deviceHashes: [sha(original), sha(screenshot)],
    chainKey: manifest.chain.key,
    fingerprints,
  }
}

/**
 * A witness reports the same stalker's profile (another spelling of the same account): both
 * reports become one case. The support team writes one internal note about each report.
 * Resolves with the grouping fingerprints of the values only the first report holds.
 */
async function groupWithAWitness(reference: string): Promise<string[]> {
  const witness = await postReport(
    hub,
    sampleReport({
      what: { description: 'Je suis tombée sur ce compte qui la harcèle', ongoing: true },
      where: {
        platform: 'instagram',
        contentUrls: [],
        accounts: [{ url: 'https://www.instagram.com/ZQ_FORENSIC_STALKER_77/' }],
      },
      who: { role: 'witness' },
      contact: undefined,
    }),
  )
  expect(witness.status).toBe(201)
  const witnessRef = Receipt.parse(await witness.json()).reference
  const grouper = createCaseGrouper({
    database: hub.handle,
    keyring: hub.keyring,
    settings: CaseSettings.parse({}),
    logger: pino({ level: 'silent' }),
  })
  expect(await grouper.runOnce()).toBe(2)
  const [grouped] = await hub.handle.db.select().from(cases)
  expect(grouped?.reportCount).toBe(2)
  for (const [about, text] of [
    [reference, PERSONAL.internalNote],
    [witnessRef, KEPT_NOTE],
  ]) {
    const res = await hub.app.request(`/v1/admin/cases/${grouped!.id}/notes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${hub.operatorKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text, about }),
    })
    expect(res.status).toBe(200)
  }
  const own = groupingValues(
    {
      who: { targetHandle: PERSONAL.targetHandle },
      where: { contentUrls: [PERSONAL.contentUrl], accounts: [] },
    },
    'instagram',
  )
  expect(own.map((v) => v.match)).toEqual(['target_handle', 'content_url'])
  return own.map((v) => caseKeyFingerprint(hub.keyring, hub.partnerId, v))
}

/** The internal notes left, opened. */
async function notesLeft(): Promise<string[]> {
  const rows = await hub.handle.db.select().from(caseNotes)
  return rows.map((r) => hub.keyring.open(r.textSealed, `case-note:${r.id}`))
}

/** The slow receiver answers now, echoing what it got: the late attempt is recorded. */
async function releaseLateAnswer() {
  const before = (await hub.handle.db.select().from(deliveryAttempts)).length
  holding = false
  for (const res of held) {
    res.writeHead(200).end((res as ServerResponse & { echo?: string }).echo)
  }
  await until(
    async () => (await hub.handle.db.select().from(deliveryAttempts)).length > before,
    'the late attempt to be recorded',
  )
}

async function findings(searched: {
  receiptToken: string
  fileHashes: string[]
  deviceHashes: string[]
  chainKey: string
  fingerprints: string[]
}) {
  return searchDatabase(hub.client, keys, {
    strings: [
      ...Object.values(PERSONAL),
      searched.receiptToken,
      searched.chainKey,
      ...searched.deviceHashes,
      ...searched.fingerprints,
    ],
    fileHashes: searched.fileHashes,
  })
}

describe('the forensic erase test', () => {
  it('finds the personal data before, and nothing of it after a withdrawal', async () => {
    const sent = await sendAndDeliver()
    const { receipt } = sent
    // The search works: before the erasure it finds every value, plain-text nowhere but the
    // keyed fingerprints (which give nothing away without the key) and the files' hashes (kept
    // plain until the erasure, like every hash of a file).
    const before = await findings(sent)
    const plainAllowed = [...sent.fingerprints, ...sent.deviceHashes]
    expect(before.filter((f) => f.as === 'plain' && !plainAllowed.includes(f.value))).toEqual([])
    for (const hash of sent.deviceHashes) expect(before.some((f) => f.value === hash)).toBe(true)
    expect(before.some((f) => f.value === sent.chainKey && f.table === 'evidence_chains')).toBe(
      true,
    )
    expect(before.some((f) => f.table === 'report_additions')).toBe(true)
    expect(before.some((f) => f.table === 'evidence_events')).toBe(true)
    for (const value of [...Object.values(PERSONAL), ...sent.fingerprints]) {
      expect(before.some((f) => f.value === value)).toBe(true)
    }
    expect(before.some((f) => f.value === 'a stored file')).toBe(true)
    expect(before.some((f) => f.table === 'delivery_attempts')).toBe(true)
    expect(before.some((f) => f.table === 'idempotency_keys')).toBe(true)
    expect(before.some((f) => f.table === 'case_keys')).toBe(true)
    expect(before.some((f) => f.table === 'case_notes')).toBe(true)

    const withdrawn = await hub.app.request(`/v1/reports/${receipt.reference}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${receipt.receiptToken}` },
    })
    expect(withdrawn.status).toBe(200)
    await releaseLateAnswer()
    // Receivers that got it are told to erase theirs.
    const toldToErase = (server: TestServer) =>
      server.received.some((r) => r.body.includes('"report.withdrawn"'))
    await until(() => toldToErase(echo) && toldToErase(quiet), 'withdrawals')

    expect(await findings(sent)).toEqual([])
    expect(await hub.handle.db.select().from(idempotencyKeys)).toEqual([])
    // The note about the other report of the case is that report's, and stays with it.
    expect(await notesLeft()).toEqual([KEPT_NOTE])
    // No pack can be made of it any more.
    const pack = await hub.app.request(`/v1/reports/${receipt.reference}/evidence-pack`, {
      headers: { authorization: `Bearer ${receipt.receiptToken}` },
    })
    expect(pack.status).toBe(410)
  })

  it('finds nothing of it after the retention job either', async () => {
    const sent = await sendAndDeliver()
    const future = new Date(Date.now() + (retention.anyReportDays + 1) * 86_400_000)
    const done = await runRetention(hub.handle, retention, future)
    // The witness's report too: both are past the retention period.
    expect(done.reports).toBe(2)
    await releaseLateAnswer()

    expect(await findings(sent)).toEqual([])
    expect(await notesLeft()).toEqual([])
    // Nothing of it can be resent, and its receivers' console views hold nothing either.
    const payloads = await hub.handle.db
      .select({ payload: messages.payloadSealed })
      .from(messages)
      .where(eq(messages.eventType, 'report.created'))
    expect(payloads.map((p) => p.payload)).toEqual([null, null, null])
    const pack = await hub.app.request(`/v1/reports/${sent.receipt.reference}/evidence-pack`, {
      headers: { authorization: `Bearer ${sent.receipt.receiptToken}` },
    })
    expect(pack.status).toBe(410)
  })
})
