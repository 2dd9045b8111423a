/**
 * A screenshot made ready to leave the device: re-encoded (`reencode.ts`) and, where the page
 * allows Web Crypto (a secure context), with the SHA-256 of the original file — before any
 * re-encoding — and of what is sent, so the hub can record both (docs/evidence.md).
 */
import type { Attachment } from '../hub/client'
import { reencodeImage } from './reencode'

async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer())
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}

export async function prepareFile(file: File, maxBytes: number, name: string): Promise<Attachment> {
  const blob = await reencodeImage(file, maxBytes)
  // Plain-http pages have no crypto.subtle: the file still goes, without the device's word.
  if (!globalThis.crypto?.subtle) return { blob, name }
  const [originalSha256, sentSha256] = await Promise.all([sha256Hex(file), sha256Hex(blob)])
  return { blob, name, digest: { originalSha256, originalBytes: file.size, sentSha256 } }
}

/** `evidence.files` for the hub, when every file has its digests (one per file, in order). */
export function digestsOf(files: readonly Attachment[]) {
  const digests = files.map((f) => f.digest)
  return files.length && digests.every(Boolean)
    ? { files: digests as NonNullable<Attachment['digest']>[] }
    : {}
}
