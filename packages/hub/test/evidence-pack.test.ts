/**
 * The proof pack, round trip: a report with screenshots, two additions and a receiver's
 * status; the person downloads her pack; `safe-place-hub evidence verify` passes against the
 * hub's published keys; one changed byte in a screenshot, in the manifest or in the summary
 * makes it fail, naming what changed. And what is refused: another report's code, a withdrawn
 * report, a partner key.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EvidenceManifest, Receipt } from '@safe-place/schemas'
import { verifyEvidencePack } from '@safe-place/sdk'
import { unzipSync } from 'fflate'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiKey } from '../src/admin/api-keys'
import { runCli } from '../src/cli/program'
import { Keyring } from '../src/crypto/keyring'
import { SigningKeyring } from '../src/evidence/signing-keys'
import { jpegWithGps } from './support/images'
import {
  addReceiver,
  makeTestHub,
  ORIGIN,
  postReport,
  sampleReport,
  type TestHub,
} from './support/test-hub'

const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex')

/** The hub's keys, given to the CLI as an operator would through its environment. */
const STORE_KEY = { id: 'store1', key: Buffer.alloc(32, 3) }
const SIGNING_KEYS = `hub1:${Buffer.alloc(32, 7).toString('base64')}`

let hub: TestHub
let dir: string
let receipt: Receipt
let pack: Uint8Array
let keysFile: string

async function screenshot(colour: number): Promise<Buffer> {
  return sharp({
    create: { width: 40, height: 30, channels: 3, background: { r: colour, g: 90, b: 40 } },
  })
    .jpeg()
    .toBuffer()
}

function withFiles(report: unknown, files: Buffer[]): FormData {
  const form = new FormData()
  form.append('report', JSON.stringify(report))
  for (const [i, f] of files.entries()) {
    form.append('attachments', new Blob([new Uint8Array(f)], { type: 'image/jpeg' }), `s${i}.jpg`)
  }
  return form
}

const digests = (files: Buffer[]) =>
  files.map((f) => ({
    originalSha256: sha(Buffer.concat([f, Buffer.from('original')])),
    sentSha256: sha(f),
  }))

async function cli(...args: string[]) {
  const out: string[] = []
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => out.push(l) })
  return { code, out: out.join('\n') }
}

function download(r: Receipt, locale = 'fr') {
  return hub.app.request(`/v1/reports/${r.reference}/evidence-pack?locale=${locale}`, {
    headers: { authorization: `Bearer ${r.receiptToken}` },
  })
}

/** The pack with one byte of `path`'s stored bytes changed (files are stored, not compressed). */
function tampered(path: string, at = 0.5): string {
  const bytes = unzipSync(pack)[path]!
  const offset = Buffer.from(pack).indexOf(Buffer.from(bytes.subarray(0, 48)))
  expect(offset).toBeGreaterThan(0)
  const copy = new Uint8Array(pack)
  const i = offset + Math.floor(bytes.length * at)
  copy[i] = copy[i]! ^ 0x01
  const file = join(dir, `tampered-${path.replaceAll('/', '_')}.zip`)
  writeFileSync(file, copy)
  return file
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sp-pack-'))
  hub = await makeTestHub({
    keyring: new Keyring(STORE_KEY),
    signingKeys: SigningKeyring.parse(SIGNING_KEYS),
  })
  const federation = await addReceiver(hub)
  const receiverKey = await hub.handle.write((tx) =>
    createApiKey(tx, { name: 'fed', scope: 'receiver', receiverId: federation.id }, new Date()),
  )
  const first = [await screenshot(10), await jpegWithGps()]
  receipt = Receipt.parse(
    await (
      await postReport(hub, null, {
        raw: withFiles(
          sampleReport({
            consents: [
              { receiverId: federation.id, textVersion: '1', grantedAt: new Date().toISOString() },
            ],
            evidence: { files: digests(first) },
          }),
          first,
        ),
      })
    ).json(),
  )
  const add = (body: FormData | object) =>
    hub.app.request(`/v1/reports/${receipt.reference}/additions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${receipt.receiptToken}`,
        ...(body instanceof FormData ? {} : { 'content-type': 'application/json' }),
      },
      body: body instanceof FormData ? body : JSON.stringify(body),
    })
  const later = [await screenshot(200)]
  expect(
    (
      await add(
        withFiles(
          {
            what: { description: 'Encore ce soir, « tu vas payer » — à 23 h' },
            evidence: { files: digests(later) },
          },
          later,
        ),
      )
    ).status,
  ).toBe(201)
  expect(
    (
      await add({
        where: {
          platform: 'tiktok',
          contentUrls: ['https://www.tiktok.com/@x/video/1'],
          accounts: [{ handle: '@x' }],
        },
      })
    ).status,
  ).toBe(201)
  const status = await hub.app.request(`/v1/reports/${receipt.reference}/status`, {
    method: 'POST',
    headers: { authorization: `Bearer ${receiverKey.secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      status: 'action_taken',
      actions: ['content_removed'],
      noteForReporter: 'Le compte a été signalé à la plateforme.',
    }),
  })
  expect(status.status).toBe(200)
  const res = await download(receipt)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('application/zip')
  expect(res.headers.get('cache-control')).toBe('no-store')
  pack = new Uint8Array(await res.arrayBuffer())
  const keys = await hub.app.request('/.well-known/safe-place/signing-keys.json')
  keysFile = join(dir, 'keys.json')
  writeFileSync(keysFile, await keys.text())
  writeFileSync(join(dir, 'pack.zip'), pack)
})

afterAll(async () => {
  await hub.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('the proof pack', () => {
  it('holds the report as submitted and as it grew, the files, the chain and a signed manifest', () => {
    const files = unzipSync(pack)
    const manifest = EvidenceManifest.parse(
      JSON.parse(Buffer.from(files['manifest.json']!).toString()),
    )
    expect(manifest.reference).toBe(receipt.reference)
    expect(manifest.signature.keyId).toBe('hub1')
    expect(manifest.files.map((f) => f.role).sort()).toEqual(
      [
        'addition',
        'addition',
        'evidence',
        'evidence',
        'evidence',
        'readme',
        'report',
        'report_submitted',
        'summary',
      ].sort(),
    )
    const evidence = manifest.files.filter((f) => f.role === 'evidence')
    for (const f of evidence) {
      expect(f.sha256).toBe(sha(files[f.path]!))
      expect(f.attachment?.receivedSha256).toMatch(/^[0-9a-f]{64}$/)
      expect(f.attachment?.originalSha256).toMatch(/^[0-9a-f]{64}$/)
      // What is stored is the stripped copy, not what arrived.
      expect(f.attachment?.sha256).not.toBe(f.attachment?.receivedSha256)
    }
    expect(manifest.chain.entries.map((e) => e.kind)).toEqual([
      'created',
      'routed',
      'added',
      'added',
      'status_changed',
    ])
    const report = JSON.parse(Buffer.from(files['report.json']!).toString())
    expect(report.additions).toHaveLength(2)
    expect(report.answers[0]).toMatchObject({
      status: 'action_taken',
      noteForReporter: 'Le compte a été signalé à la plateforme.',
    })
    expect(Buffer.from(files['resume.pdf']!).subarray(0, 5).toString()).toBe('%PDF-')
    // French accents rendered with an embedded font, not the PDF's built-in Latin-1 ones.
    expect(Buffer.from(files['resume.pdf']!).includes(Buffer.from('DejaVuSans'))).toBe(true)
  })

  it('is readable cross-origin by the panel on a partner page (CORS)', async () => {
    const res = await hub.app.request(`/v1/reports/${receipt.reference}/evidence-pack`, {
      headers: { authorization: `Bearer ${receipt.receiptToken}`, origin: ORIGIN },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN)
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="safe-place-${receipt.reference}.zip"`,
    )
  })

  it('verifies with the CLI against the published keys, and with the SDK', async () => {
    const ok = await cli('evidence', 'verify', join(dir, 'pack.zip'), '--keys', keysFile)
    expect(ok.out).toMatch(/^valid: SP-/)
    expect(ok.code).toBe(0)
    const keys = JSON.parse(
      await (await hub.app.request('/.well-known/safe-place/signing-keys.json')).text(),
    )
    expect((await verifyEvidencePack(pack, { keys })).valid).toBe(true)
    // Another hub's keys do not vouch for it.
    const other = SigningKeyring.parse(
      `hub1:${Buffer.alloc(32, 9).toString('base64')}`,
    ).publicKeySet()
    const forged = await verifyEvidencePack(pack, { keys: other })
    expect(forged.problems.map((p) => p.code)).toEqual(['signature_mismatch'])
  })

  it('fails naming the file when one byte of a screenshot, the manifest or the summary changes', async () => {
    const manifest = EvidenceManifest.parse(
      JSON.parse(Buffer.from(unzipSync(pack)['manifest.json']!).toString()),
    )
    const screenshotPath = manifest.files.find((f) => f.role === 'evidence')!.path
    for (const path of [screenshotPath, 'resume.pdf', 'report.json', 'additions/02.json']) {
      const result = await cli('evidence', 'verify', tampered(path), '--keys', keysFile)
      expect(result.code, path).toBe(1)
      expect(result.out).toContain(`✗ ${path}:`)
      expect(result.out).toContain('hash_mismatch')
    }
    // In the manifest: the last digit of its year, which keeps it valid: the signature fails.
    const at = Buffer.from(pack).indexOf(Buffer.from(`"generatedAt": "`)) + 19
    const copy = new Uint8Array(pack)
    copy[at] = copy[at] === 0x30 ? 0x31 : 0x30
    writeFileSync(join(dir, 'manifest-date.zip'), copy)
    const dated = await cli(
      'evidence',
      'verify',
      join(dir, 'manifest-date.zip'),
      '--keys',
      keysFile,
    )
    expect(dated.code).toBe(1)
    expect(dated.out).toContain('✗ manifest.json: the signature')
    // Anywhere else in the manifest, whatever it breaks, the manifest is named.
    const broken = await cli(
      'evidence',
      'verify',
      tampered('manifest.json', 0.3),
      '--keys',
      keysFile,
    )
    expect(broken.code).toBe(1)
    expect(broken.out).toContain('✗ manifest.json')
    // Without keys it says what it needs.
    expect((await cli('evidence', 'verify', join(dir, 'pack.zip'))).code).toBe(2)
  })

  it('is refused for another report, a wrong code, a withdrawn report, and a partner key', async () => {
    const other = Receipt.parse(await (await postReport(hub, sampleReport())).json())
    const crossed = await hub.app.request(`/v1/reports/${receipt.reference}/evidence-pack`, {
      headers: { authorization: `Bearer ${other.receiptToken}` },
    })
    expect(crossed.status).toBe(401)
    await hub.app.request(`/v1/reports/${other.reference}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${other.receiptToken}` },
    })
    const gone = await download(other)
    expect(gone.status).toBe(410)
    expect(((await gone.json()) as { error: { code: string } }).error.code).toBe('report_withdrawn')
    const operator = await hub.app.request(
      `/v1/admin/reports/${receipt.reference}/evidence-pack?locale=en`,
      {
        headers: { authorization: `Bearer ${hub.operatorKey}` },
      },
    )
    expect(operator.status).toBe(200)
    const opManifest = EvidenceManifest.parse(
      JSON.parse(
        Buffer.from(
          unzipSync(new Uint8Array(await operator.arrayBuffer()))['manifest.json']!,
        ).toString(),
      ),
    )
    expect(opManifest.generatedFor).toBe('operator')
    expect(opManifest.files.some((f) => f.path === 'summary.pdf')).toBe(true)
    const partnerKey = await hub.handle.write((tx) =>
      createApiKey(tx, { name: 'p', scope: 'partner', partnerId: hub.partnerId }, new Date()),
    )
    const partner = await hub.app.request(`/v1/admin/reports/${receipt.reference}/evidence-pack`, {
      headers: { authorization: `Bearer ${partnerKey.secret}` },
    })
    expect(partner.status).toBe(403)
  })

  it("writes a report's pack for the operator with the CLI, which verifies", async () => {
    const env = { ...process.env }
    process.env.SAFE_PLACE_KEYS = `${STORE_KEY.id}:${STORE_KEY.key.toString('base64')}`
    process.env.SAFE_PLACE_SIGNING_KEYS = SIGNING_KEYS
    try {
      const out = join(dir, 'operator.zip')
      const db = ['--database-url', `file:${hub.dbPath}`, '--data-dir', dir]
      const made = await cli(
        ...db,
        'evidence',
        'pack',
        receipt.reference,
        '--locale',
        'en',
        '--out',
        out,
      )
      expect(made.out).toContain(`wrote ${out}`)
      expect(made.code).toBe(0)
      const checked = await cli('evidence', 'verify', out, '--keys', keysFile)
      expect(checked.out).toMatch(/^valid: SP-/)
      expect((await cli(...db, 'evidence', 'pack', 'SP-2222-2222')).code).toBe(1)
    } finally {
      process.env = env
    }
  })
})
