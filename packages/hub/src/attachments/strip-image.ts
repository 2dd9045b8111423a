/**
 * Re-encodes a screenshot so nothing but its pixels survives: EXIF (GPS, camera, dates), XMP,
 * ICC, PNG text chunks are all dropped, because sharp writes no metadata unless asked. The
 * orientation is applied first so a stripped photo does not turn sideways. Decoding is bounded
 * (`limitInputPixels`) so a small file that inflates to gigapixels is refused, not decoded.
 */
import { createHash } from 'node:crypto'
import { reportLimits } from '@safe-place/schemas'
import sharp from 'sharp'
import { HubError } from '../hub-error'
import { newId } from '../ids'
import { sniffImageType } from './magic'
import type { ProcessedAttachment } from './processed'

/** 40 megapixels: more than any phone screenshot, far less than a decompression bomb. */
const MAX_INPUT_PIXELS = 40_000_000

export async function stripImage(input: Uint8Array, index: number): Promise<ProcessedAttachment> {
  const path = `attachments.${index}`
  if (input.byteLength > reportLimits.attachmentMaxBytes) {
    throw new HubError('payload_too_large', `File ${index + 1} is larger than 5 MB.`, {
      details: [{ path, message: 'At most 5 MB' }],
    })
  }
  const type = sniffImageType(input)
  if (!type) {
    throw new HubError('attachment_invalid', undefined, {
      details: [{ path, message: 'Not a PNG, JPEG or WebP image' }],
    })
  }
  try {
    const image = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate()
    const encoded =
      type === 'image/png'
        ? image.png()
        : type === 'image/jpeg'
          ? image.jpeg({ quality: 90 })
          : image.webp({ quality: 90 })
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true })
    if (data.byteLength > reportLimits.attachmentMaxBytes) {
      throw new HubError('payload_too_large', `File ${index + 1} is too large once re-encoded.`)
    }
    return {
      id: newId('att'),
      mediaType: type,
      bytes: data.byteLength,
      width: info.width,
      height: info.height,
      sha256: createHash('sha256').update(data).digest('hex'),
      data,
    }
  } catch (error) {
    if (error instanceof HubError) throw error
    throw new HubError('attachment_invalid', `File ${index + 1} could not be read as an image.`, {
      details: [
        {
          path,
          message: /pixel limit/i.test(String(error))
            ? 'Image too large in pixels'
            : 'Unreadable image',
        },
      ],
    })
  }
}
