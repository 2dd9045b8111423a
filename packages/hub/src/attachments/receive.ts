/**
 * Files as they arrive, for a first report and for an addition alike: each checked against
 * what the device said it sent (`evidence.files`: SHA-256 of the original and of the upload),
 * then stripped (`strip-image.ts`). A file whose bytes are not the ones the device hashed is
 * refused before anything is decoded or stored (422 `attachment_hash_mismatch`): what the hub
 * keeps is then known to be what left the device. Each stored file records the device's hash
 * of the original, the hash of what arrived and of the stored copy, their sizes and the time.
 */
import { createHash } from 'node:crypto'
import type { DeviceFileDigest } from '@safe-place/schemas'
import { HubError } from '../hub-error'
import type { ProcessedAttachment } from './processed'
import { stripImage } from './strip-image'

export async function receiveFiles(
  files: readonly Uint8Array[],
  digests: readonly DeviceFileDigest[] | undefined,
  now: Date,
): Promise<ProcessedAttachment[]> {
  if (digests && digests.length !== files.length) {
    throw new HubError('validation_failed', 'Give one evidence.files entry per attached file.', {
      details: [
        {
          path: 'evidence.files',
          message: `${digests.length} entries for ${files.length} files`,
        },
      ],
    })
  }
  const received = files.map((file) => createHash('sha256').update(file).digest('hex'))
  for (const [index, digest] of (digests ?? []).entries()) {
    if (digest.sentSha256 !== received[index]) {
      throw new HubError('attachment_hash_mismatch', undefined, {
        details: [
          {
            path: `evidence.files.${index}.sentSha256`,
            message: `File ${index + 1} arrived with another SHA-256 than the device sent`,
          },
        ],
      })
    }
  }
  const out: ProcessedAttachment[] = []
  for (const [index, file] of files.entries()) {
    const stripped = await stripImage(file, index)
    const digest = digests?.[index]
    out.push({
      ...stripped,
      receivedSha256: received[index]!,
      receivedBytes: file.byteLength,
      receivedAt: now.toISOString(),
      ...(digest && { originalSha256: digest.originalSha256 }),
      ...(digest?.originalBytes !== undefined && { originalBytes: digest.originalBytes }),
    })
  }
  return out
}
