/**
 * The proof pack: one ZIP (fflate) with the report as submitted and as it grew, each addition,
 * the stored files, a PDF summary in the person's language, a read-me, and `manifest.json` —
 * every file's SHA-256, each screenshot's hashes from the device on, the event chain with its
 * timestamps, and the hub's Ed25519 signature over the manifest (RFC 8785 canonical JSON of
 * the manifest without `signature`). Files are stored, not compressed: images and the PDF are
 * compressed already, and a changed byte then shows as that file's hash, not a broken archive.
 */
import { createHash } from 'node:crypto'
import {
  CHAIN_FORMAT,
  canonicalJson,
  EVIDENCE_PACK_FORMAT,
  type EvidenceManifest,
  type EvidencePackFile,
  type Locale,
} from '@safe-place/schemas'
import { type Zippable, zipSync } from 'fflate'
import { packReadme } from '../../i18n/evidence-pack'
import type { SigningKeyring } from '../signing-keys'
import type { PackData } from './collect'
import { renderSummaryPdf } from './summary-pdf'

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
}

const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8')
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex')

export interface BuiltPack {
  zip: Uint8Array
  manifest: EvidenceManifest
  fileName: string
}

/** The report as it stands, in one JSON: as submitted, each addition, every answer. */
function currentReport(data: PackData) {
  return {
    reference: data.report.reference,
    status: data.report.status,
    submittedAt: data.report.submittedAt.toISOString(),
    updatedAt: data.report.updatedAt.toISOString(),
    submitted: data.submitted,
    additions: data.additions,
    answers: data.chain.entries
      .filter((e) => e.kind === 'status_changed')
      .map((e) => ({ at: e.at, ...(e.content as object) })),
    deliveries: data.chain.entries
      .filter((e) => e.kind === 'delivered')
      .map((e) => ({ at: e.at, ...(e.content as object) })),
    receivers: Object.fromEntries(data.receivers),
  }
}

export async function buildEvidencePack(
  data: PackData,
  options: {
    locale: Locale
    generatedFor: EvidenceManifest['generatedFor']
    signingKeys: SigningKeyring
    now: Date
  },
): Promise<BuiltPack> {
  const { locale, now } = options
  const files: { file: Omit<EvidencePackFile, 'sha256' | 'bytes'>; data: Uint8Array }[] = [
    {
      file: {
        path: locale === 'fr' ? 'resume.pdf' : 'summary.pdf',
        role: 'summary',
        mediaType: 'application/pdf',
      },
      data: await renderSummaryPdf(data, locale, now, options.signingKeys.currentId),
    },
    {
      file: { path: 'report.json', role: 'report', mediaType: 'application/json' },
      data: json(currentReport(data)),
    },
    {
      file: {
        path: 'report-submitted.json',
        role: 'report_submitted',
        mediaType: 'application/json',
      },
      data: json(data.submitted),
    },
    ...data.additions.map((a) => ({
      file: {
        path: `additions/${String(a.sequence).padStart(2, '0')}.json`,
        role: 'addition' as const,
        mediaType: 'application/json',
      },
      data: json(a),
    })),
    ...data.files.flatMap((f, index) =>
      f.data
        ? [
            {
              file: {
                path: `evidence/${String(index + 1).padStart(2, '0')}-${f.meta.id}.${EXTENSIONS[f.meta.mediaType] ?? 'bin'}`,
                role: 'evidence' as const,
                mediaType: f.meta.mediaType,
                attachment: f.meta,
              },
              data: new Uint8Array(f.data),
            },
          ]
        : [],
    ),
    {
      file: { path: 'README.txt', role: 'readme', mediaType: 'text/plain; charset=utf-8' },
      data: Buffer.from(
        packReadme[locale](data.report.reference, options.signingKeys.currentId),
        'utf8',
      ),
    },
  ]
  const unsigned: Omit<EvidenceManifest, 'signature'> = {
    format: EVIDENCE_PACK_FORMAT,
    reference: data.report.reference,
    generatedAt: now.toISOString(),
    locale,
    generatedFor: options.generatedFor,
    files: files.map(({ file, data: bytes }) => ({
      ...file,
      bytes: bytes.byteLength,
      sha256: sha256(bytes),
    })),
    chain: {
      format: CHAIN_FORMAT,
      key: data.chain.key.toString('base64url'),
      entries: data.chain.entries,
      head: data.chain.head,
    },
  }
  const { keyId, signature } = options.signingKeys.sign(canonicalJson(unsigned))
  const manifest: EvidenceManifest = {
    ...unsigned,
    signature: {
      algorithm: 'Ed25519',
      keyId,
      canonicalization: 'RFC8785',
      value: signature.toString('base64url'),
    },
  }
  const mtime = now
  const zippable: Zippable = { 'manifest.json': [json(manifest), { level: 0, mtime }] }
  for (const { file, data: bytes } of files) zippable[file.path] = [bytes, { level: 0, mtime }]
  return {
    zip: zipSync(zippable),
    manifest,
    fileName: `safe-place-${data.report.reference}.zip`,
  }
}
