/** Real images carrying metadata, to prove the hub strips it. */
import sharp from 'sharp'

export const EXIF_MARKER = 'SECRET-EXIF-CAMERA-OWNER'
export const PNG_TEXT_MARKER = 'SECRET-PNG-TEXT-CHUNK'

/** A JPEG with EXIF: a description, an author and GPS coordinates (Paris). */
export async function jpegWithGps(): Promise<Buffer> {
  return sharp({
    create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 60 } },
  })
    .jpeg()
    .withExif({
      IFD0: { ImageDescription: EXIF_MARKER, Artist: EXIF_MARKER },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '48/1 51/1 2400/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '2/1 21/1 300/100',
      },
    })
    .toBuffer()
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Buffer): number {
  let c = 0xffffffff
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

/** A PNG with a `tEXt` chunk inserted after IHDR. */
export async function pngWithText(): Promise<Buffer> {
  const png = await sharp({ create: { width: 32, height: 32, channels: 4, background: '#3366ff' } })
    .png()
    .toBuffer()
  const data = Buffer.from(`Comment\0${PNG_TEXT_MARKER}`, 'latin1')
  const type = Buffer.from('tEXt')
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([type, data])))
  const ihdrEnd = 8 + 4 + 4 + 13 + 4
  return Buffer.concat([png.subarray(0, ihdrEnd), length, type, data, crc, png.subarray(ihdrEnd)])
}
