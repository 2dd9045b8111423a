/**
 * Images made byte by byte, with no image library: a real tiny PNG for reports that carry a
 * screenshot, and hostile ones — files that declare far more pixels than they are worth
 * (decompression bombs), truncated files, headers that lie.
 */
import { crc32, deflateSync } from 'node:zlib'

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typed))
  return Buffer.concat([length, typed, crc])
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

function ihdr(width: number, height: number): Buffer {
  const data = Buffer.alloc(13)
  data.writeUInt32BE(width, 0)
  data.writeUInt32BE(height, 4)
  data[8] = 8 // bit depth
  data[9] = 0 // greyscale: one byte per pixel
  return chunk('IHDR', data)
}

/**
 * A valid greyscale PNG of `width` × `height` black pixels. Every row is the same zero bytes,
 * so deflate shrinks it about a thousandfold: 8000 × 8000 (64 megapixels) is about 60 KB.
 */
export function blackPng(width: number, height: number): Buffer {
  const raw = Buffer.alloc((width + 1) * height) // filter byte 0 + zero pixels per row
  return Buffer.concat([
    PNG_SIGNATURE,
    ihdr(width, height),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** A PNG header declaring `width` × `height` with almost no pixel data behind it. */
export function pngHeaderOnly(width: number, height: number): Buffer {
  return Buffer.concat([
    PNG_SIGNATURE,
    ihdr(width, height),
    chunk('IDAT', deflateSync(Buffer.alloc(64))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** A baseline JPEG header (SOI, one quantisation table, SOF0) claiming `width` × `height`, then EOI. */
export function jpegHeaderOnly(width: number, height: number): Buffer {
  const dqt = Buffer.concat([Buffer.from([0xff, 0xdb, 0x00, 0x43, 0x00]), Buffer.alloc(64, 1)])
  const sof = Buffer.from([
    0xff,
    0xc0,
    0x00,
    0x0b,
    0x08,
    (height >> 8) & 0xff,
    height & 0xff,
    (width >> 8) & 0xff,
    width & 0xff,
    0x01, // one component
    0x01,
    0x11,
    0x00,
  ])
  return Buffer.concat([Buffer.from([0xff, 0xd8]), dqt, sof, Buffer.from([0xff, 0xd9])])
}

/** A 2 × 2 PNG a reporter could have sent. */
export const tinyPng: Buffer = blackPng(2, 2)
