/**
 * `manifest.json`, the index of an evidence pack (docs/evidence.md): every file of the ZIP
 * with its SHA-256, each stored screenshot with the hashes of how it got there, the report's
 * event chain with its timestamps, and the hub's Ed25519 signature over the whole manifest
 * (RFC 8785 canonical JSON of the manifest without `signature`). `verifyEvidencePack`
 * (`@safe-place/sdk/evidence`) and `safe-place-hub evidence verify` check all of it.
 */
import { z } from 'zod'
import { Locale, Timestamp } from '../primitives'
import { Sha256Hex } from '../report/device-digest'
import { AttachmentMeta } from '../report/normalised'
import { ReportReference } from '../report/reference'
import { CHAIN_FORMAT, chainEntryKinds } from './chain'
import { Base64Url, SigningKeyId } from './signing-keys'

export const EVIDENCE_PACK_FORMAT = 'safe-place-evidence-pack/1'

export const evidencePackFileRoles = [
  /** The report as it stands: what was submitted, every addition, statuses. */
  'report',
  /** The report exactly as first submitted. */
  'report_submitted',
  /** One addition, as it was made. */
  'addition',
  /** A stored screenshot (metadata stripped by the hub). */
  'evidence',
  /** The PDF summary, for a complaint or a bailiff. */
  'summary',
  /** How to read and check the pack, in plain words. */
  'readme',
] as const

export const EvidencePackFile = z.object({
  /** Path inside the ZIP, `/`-separated. */
  path: z.string().min(1).max(200),
  role: z.enum(evidencePackFileRoles),
  mediaType: z.string().max(100),
  bytes: z.number().int().nonnegative(),
  sha256: Sha256Hex,
  /** For a screenshot: its hashes from the device to the stored copy. */
  attachment: AttachmentMeta.optional(),
})
export type EvidencePackFile = z.infer<typeof EvidencePackFile>

export const EvidenceChainEntry = z.object({
  seq: z.number().int().min(1),
  kind: z.enum(chainEntryKinds),
  /** When it happened, ISO 8601 UTC with milliseconds. */
  at: Timestamp,
  /** What the entry commits to, as the hub recorded it then. */
  content: z.unknown(),
  /** HMAC-SHA256 of the canonical JSON of `content` under the chain key, hex. */
  digest: Sha256Hex,
  /** The previous entry's `hash` (64 zeros for the first). */
  prev: Sha256Hex,
  hash: Sha256Hex,
})
export type EvidenceChainEntry = z.infer<typeof EvidenceChainEntry>

export const EvidenceManifest = z
  .object({
    format: z.literal(EVIDENCE_PACK_FORMAT),
    reference: ReportReference,
    generatedAt: Timestamp,
    /** The language of the summary. */
    locale: Locale,
    /** Who asked for the pack: the person with her receipt, or an operator. */
    generatedFor: z.enum(['reporter', 'operator']),
    files: z.array(EvidencePackFile).max(500),
    chain: z.object({
      format: z.literal(CHAIN_FORMAT),
      /** The report's chain key (32 bytes, base64url): lets anyone recompute each digest. */
      key: Base64Url.length(43),
      entries: z.array(EvidenceChainEntry).min(1).max(10_000),
      /** The last entry's hash: what the signature vouches for, with the files. */
      head: Sha256Hex,
    }),
    signature: z.object({
      algorithm: z.literal('Ed25519'),
      /** A `kid` of the hub's published signing keys. */
      keyId: SigningKeyId,
      canonicalization: z.literal('RFC8785'),
      /** Ed25519 signature (64 bytes, base64url) of the canonical manifest without `signature`. */
      value: Base64Url.length(86),
    }),
  })
  .meta({ id: 'EvidenceManifest', title: 'Evidence pack manifest' })
export type EvidenceManifest = z.infer<typeof EvidenceManifest>
