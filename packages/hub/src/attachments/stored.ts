/**
 * A received file as it is stored: an `attachments` row with the stripped image sealed under
 * its own context, and the hashes and sizes of what the device had and what arrived. The same
 * row for a first report and for an addition (which names itself in `additionId`).
 */
import type { Keyring } from '../crypto/keyring'
import type { attachments } from '../db/schema'
import type { ProcessedAttachment } from './processed'

export const attachmentContext = (attachmentId: string) => `attachment:${attachmentId}`

export function attachmentRow(
  keyring: Keyring,
  file: ProcessedAttachment,
  at: { reportId: string; additionId?: string; now: Date },
): typeof attachments.$inferInsert {
  return {
    id: file.id,
    reportId: at.reportId,
    ...(at.additionId ? { additionId: at.additionId } : {}),
    mediaType: file.mediaType,
    bytes: file.bytes,
    width: file.width,
    height: file.height,
    sha256: file.sha256,
    dataSealed: keyring.sealBytes(file.data, attachmentContext(file.id)),
    createdAt: at.now,
    receivedSha256: file.receivedSha256 ?? null,
    receivedBytes: file.receivedBytes ?? null,
    originalSha256: file.originalSha256 ?? null,
    originalBytes: file.originalBytes ?? null,
  }
}
