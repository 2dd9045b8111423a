/**
 * The device's word about each file it uploads (`evidence.files`): the SHA-256 of the original
 * and of what is sent, computed here with Web Crypto. The SDK sends files as it was given them,
 * so both are the same file's; a caller that re-encoded files gives its own digests instead.
 */
import type { DeviceFileDigest } from '@safe-place/schemas'
import type { Attachment } from './attachments'

async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', await blob.arrayBuffer())
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}

async function deviceDigests(files: readonly Attachment[]): Promise<DeviceFileDigest[]> {
  return Promise.all(
    files.map(async (file) => {
      const sha256 = await sha256Hex(file)
      return { originalSha256: sha256, originalBytes: file.size, sentSha256: sha256 }
    }),
  )
}

/** `evidence` with the device's digests of `files`, unless the caller gave its own. */
export async function withDigests<E extends { files?: DeviceFileDigest[] | undefined }>(
  evidence: E,
  files: readonly Attachment[],
): Promise<E> {
  if (files.length === 0 || evidence.files) return evidence
  return { ...evidence, files: await deviceDigests(files) }
}
