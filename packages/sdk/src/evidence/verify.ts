/**
 * `verifyEvidencePack`: checks a Safe Place proof pack offline, and says exactly what does not
 * match (docs/evidence.md). Every file listed in `manifest.json` must be in the ZIP with its
 * size and SHA-256, and nothing else may be; the hub's Ed25519 signature must cover the
 * manifest (RFC 8785 canonical JSON without `signature`) under one of the published keys; and
 * the event chain must link up — each digest the HMAC-SHA256 of its content under the chain
 * key, each hash the SHA-256 of its link text, the head the last hash. Web Crypto and fflate
 * only: it runs in browsers, Node 20+ and edge runtimes.
 */
import {
  CHAIN_GENESIS,
  canonicalJson,
  chainLinkText,
  type EvidenceManifest,
  EvidenceManifest as ManifestSchema,
  SigningKeySet,
} from '@safe-place/schemas'
import { unzipSync } from 'fflate'
import { base64UrlBytes, hmacSha256Hex, sha256Hex, verifyEd25519 } from './web-crypto'

export type EvidenceProblemCode =
  | 'unreadable_zip'
  | 'missing_manifest'
  | 'invalid_manifest'
  | 'invalid_keys'
  | 'unknown_key'
  | 'signature_mismatch'
  | 'missing_file'
  | 'unlisted_file'
  | 'unreadable_file'
  | 'size_mismatch'
  | 'hash_mismatch'
  | 'chain_broken'
  | 'digest_mismatch'

export interface EvidenceProblem {
  /** The file it is about (`manifest.json` for the signature and the chain). */
  file: string
  code: EvidenceProblemCode
  message: string
}

export interface EvidenceVerification {
  /** True when every check passed. */
  valid: boolean
  problems: EvidenceProblem[]
  /** The manifest, when it could be read (signed or not: see `problems`). */
  manifest?: EvidenceManifest
}

export interface VerifyEvidenceOptions {
  /** The hub's published keys (`/.well-known/safe-place/signing-keys.json`), saved beforehand. */
  keys: unknown
}

const MANIFEST = 'manifest.json'

function entries(zip: Uint8Array): string[] {
  const names: string[] = []
  unzipSync(zip, {
    filter: (file) => {
      names.push(file.name)
      return false
    },
  })
  return names
}

function extract(zip: Uint8Array, name: string): Uint8Array | undefined {
  return unzipSync(zip, { filter: (file) => file.name === name })[name]
}

async function checkChain(manifest: EvidenceManifest, problems: EvidenceProblem[]) {
  const { chain } = manifest
  const key = base64UrlBytes(chain.key)
  let prev = CHAIN_GENESIS
  for (const [index, entry] of chain.entries.entries()) {
    const where = `chain entry ${entry.seq}`
    if (entry.seq !== index + 1 || entry.prev !== prev) {
      problems.push({
        file: MANIFEST,
        code: 'chain_broken',
        message: `${where} does not follow entry ${index} (sequence or previous hash)`,
      })
    }
    if ((await hmacSha256Hex(key, canonicalJson(entry.content))) !== entry.digest) {
      problems.push({
        file: MANIFEST,
        code: 'digest_mismatch',
        message: `${where} (${entry.kind}): its content is not what was committed`,
      })
    }
    if ((await sha256Hex(chainLinkText(entry.prev, entry))) !== entry.hash) {
      problems.push({
        file: MANIFEST,
        code: 'chain_broken',
        message: `${where}: its hash does not match`,
      })
    }
    prev = entry.hash
  }
  if (prev !== chain.head) {
    problems.push({
      file: MANIFEST,
      code: 'chain_broken',
      message: 'the chain head is not its last hash',
    })
  }
}

async function checkSignature(
  manifest: EvidenceManifest,
  keys: unknown,
  problems: EvidenceProblem[],
) {
  const set = SigningKeySet.safeParse(keys)
  if (!set.success) {
    problems.push({
      file: MANIFEST,
      code: 'invalid_keys',
      message: 'the signing keys given are not a key set',
    })
    return
  }
  const jwk = set.data.keys.find((k) => k.kid === manifest.signature.keyId)
  if (!jwk) {
    problems.push({
      file: MANIFEST,
      code: 'unknown_key',
      message: `signed with key ${manifest.signature.keyId}, which is not among the keys given`,
    })
    return
  }
  const { signature, ...unsigned } = manifest
  const ok = await verifyEd25519(
    jwk,
    base64UrlBytes(signature.value),
    canonicalJson(unsigned),
  ).catch(() => false)
  if (!ok) {
    problems.push({
      file: MANIFEST,
      code: 'signature_mismatch',
      message: `the signature (key ${signature.keyId}) does not match: the manifest was changed, or not signed by this hub`,
    })
  }
}

export async function verifyEvidencePack(
  pack: Uint8Array | ArrayBuffer | Blob,
  options: VerifyEvidenceOptions,
): Promise<EvidenceVerification> {
  const zip =
    pack instanceof Uint8Array
      ? pack
      : new Uint8Array(pack instanceof ArrayBuffer ? pack : await pack.arrayBuffer())
  const problems: EvidenceProblem[] = []
  let names: string[]
  try {
    names = entries(zip)
  } catch (error) {
    problems.push({
      file: '(zip)',
      code: 'unreadable_zip',
      message: `not a readable ZIP: ${String(error)}`,
    })
    return { valid: false, problems }
  }
  if (!names.includes(MANIFEST)) {
    problems.push({
      file: MANIFEST,
      code: 'missing_manifest',
      message: 'the pack has no manifest.json',
    })
    return { valid: false, problems }
  }
  let manifest: EvidenceManifest
  try {
    const parsed = ManifestSchema.safeParse(
      JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(extract(zip, MANIFEST))),
    )
    if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'invalid')
    manifest = parsed.data
  } catch (error) {
    problems.push({
      file: MANIFEST,
      code: 'invalid_manifest',
      message: `manifest.json cannot be read as a pack manifest: ${(error as Error).message}`,
    })
    return { valid: false, problems }
  }
  await checkSignature(manifest, options.keys, problems)
  const listed = new Set(manifest.files.map((f) => f.path))
  for (const name of names) {
    if (name !== MANIFEST && !listed.has(name) && !name.endsWith('/')) {
      problems.push({
        file: name,
        code: 'unlisted_file',
        message: `${name} is in the ZIP but not in the manifest`,
      })
    }
  }
  for (const file of manifest.files) {
    if (!names.includes(file.path)) {
      problems.push({
        file: file.path,
        code: 'missing_file',
        message: `${file.path} is listed but not in the ZIP`,
      })
      continue
    }
    let bytes: Uint8Array | undefined
    try {
      bytes = extract(zip, file.path)
    } catch {
      bytes = undefined
    }
    if (!bytes) {
      problems.push({
        file: file.path,
        code: 'unreadable_file',
        message: `${file.path} cannot be read from the ZIP`,
      })
      continue
    }
    if (bytes.byteLength !== file.bytes) {
      problems.push({
        file: file.path,
        code: 'size_mismatch',
        message: `${file.path} has ${bytes.byteLength} bytes, the manifest says ${file.bytes}`,
      })
    }
    if ((await sha256Hex(bytes)) !== file.sha256) {
      problems.push({
        file: file.path,
        code: 'hash_mismatch',
        message: `${file.path}: its SHA-256 is not the one in the manifest (the file was changed)`,
      })
    }
  }
  await checkChain(manifest, problems)
  return { valid: problems.length === 0, problems, manifest }
}
