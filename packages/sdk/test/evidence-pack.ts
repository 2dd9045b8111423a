/**
 * A small proof pack made here as the hub makes one (docs/evidence.md): one file, a two-entry
 * chain, an Ed25519 signature over the RFC 8785 manifest. The hub's own round trip lives in
 * packages/hub/test/evidence-pack.test.ts; this one lets the SDK be checked on its own.
 */
import { createHash, createHmac, generateKeyPairSync, sign } from 'node:crypto'
import {
  CHAIN_GENESIS,
  canonicalJson,
  chainLinkText,
  type EvidenceManifest,
  type SigningKeySet,
} from '@safe-place/schemas'
import { zipSync } from 'fflate'

const sha = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex')

export function makePack(): { zip: Uint8Array; keys: SigningKeySet } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  const key = Buffer.alloc(32, 5)
  const report = Buffer.from('{"reference":"SP-7K3Q-9XWD"}\n')
  const entries: EvidenceManifest['chain']['entries'] = []
  let prev = CHAIN_GENESIS
  for (const [i, [kind, content]] of (
    [
      ['created', { reference: 'SP-7K3Q-9XWD', what: { description: 'é' } }],
      ['routed', { sentTo: ['rcv_0123456789ab'] }],
    ] as const
  ).entries()) {
    const link = {
      seq: i + 1,
      kind,
      at: '2026-11-23T10:00:00.000Z',
      digest: createHmac('sha256', key).update(canonicalJson(content)).digest('hex'),
    }
    const hash = sha(chainLinkText(prev, link))
    entries.push({ ...link, content, prev, hash })
    prev = hash
  }
  const unsigned: Omit<EvidenceManifest, 'signature'> = {
    format: 'safe-place-evidence-pack/1',
    reference: 'SP-7K3Q-9XWD',
    generatedAt: '2026-11-23T10:00:01.000Z',
    locale: 'fr',
    generatedFor: 'reporter',
    files: [
      {
        path: 'report.json',
        role: 'report',
        mediaType: 'application/json',
        bytes: report.length,
        sha256: sha(report),
      },
    ],
    chain: { format: 'safe-place-chain/1', key: key.toString('base64url'), entries, head: prev },
  }
  const value = sign(null, Buffer.from(canonicalJson(unsigned)), privateKey).toString('base64url')
  const manifest = {
    ...unsigned,
    signature: { algorithm: 'Ed25519', keyId: 'k1', canonicalization: 'RFC8785', value },
  }
  const zip = zipSync(
    { 'manifest.json': Buffer.from(JSON.stringify(manifest)), 'report.json': report },
    { level: 0 },
  )
  const x = publicKey.export({ format: 'jwk' }).x!
  return {
    zip,
    keys: { keys: [{ kty: 'OKP', crv: 'Ed25519', kid: 'k1', x, alg: 'EdDSA', use: 'sig' }] },
  }
}

/** The pack with one byte of `needle`'s first occurrence changed. */
export function flip(zip: Uint8Array, needle: string): Uint8Array {
  const at = Buffer.from(zip).indexOf(Buffer.from(needle))
  if (at < 0) throw new Error(`${needle} not in the pack`)
  const copy = new Uint8Array(zip)
  copy[at] = copy[at]! ^ 0x01
  return copy
}
