/**
 * Attachments for a report: images only, bounded in count and size, checked before upload
 * so a person learns at once that a file cannot be sent.
 */
import { attachmentMediaTypes, errorCodes, reportLimits } from '@safe-place/schemas'
import { SafePlaceError } from '../core/errors'

/** A screenshot: a `File` or `Blob` of type PNG, JPEG or WebP. */
export type Attachment = Blob

/** Throws `validation_failed` with `attachments.N` paths for files the hub would refuse. */
export function checkAttachments(attachments: readonly Attachment[]): void {
  const details: { path: string; message: string }[] = []
  if (attachments.length > reportLimits.attachmentsMax) {
    details.push({
      path: 'attachments',
      message: `At most ${reportLimits.attachmentsMax} files`,
    })
  }
  attachments.forEach((file, index) => {
    if (!(attachmentMediaTypes as readonly string[]).includes(file.type)) {
      details.push({ path: `attachments.${index}`, message: 'Must be a PNG, JPEG or WebP image' })
    }
    if (file.size > reportLimits.attachmentMaxBytes) {
      details.push({
        path: `attachments.${index}`,
        message: `Must be at most ${reportLimits.attachmentMaxBytes / 1024 / 1024} MB`,
      })
    }
  })
  if (details.length) {
    throw new SafePlaceError('validation_failed', errorCodes.validation_failed.message, { details })
  }
}

/** The multipart body: a `report` part (JSON text) and one `attachments` part per file. */
export function multipartBody(report: unknown, attachments: readonly Attachment[]): FormData {
  const form = new FormData()
  form.append('report', JSON.stringify(report))
  attachments.forEach((file, index) => {
    const name = (file as { name?: unknown }).name
    form.append('attachments', file, typeof name === 'string' ? name : `attachment-${index + 1}`)
  })
  return form
}
