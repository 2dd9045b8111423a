import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { attachmentContext } from '../src/intake/plan-report'
import { EXIF_MARKER, jpegWithGps, PNG_TEXT_MARKER, pngWithText } from './support/images'
import { makeTestHub, postReport, sampleReport, type TestHub } from './support/test-hub'

let hub: TestHub
beforeEach(async () => {
  hub = await makeTestHub()
})
afterEach(() => hub.close())

function multipart(report: unknown, files: { data: Buffer; type: string; name: string }[]) {
  const form = new FormData()
  form.append('report', JSON.stringify(report))
  for (const f of files)
    form.append('attachments', new Blob([new Uint8Array(f.data)], { type: f.type }), f.name)
  return form
}

async function storedImages() {
  const rows = await hub.client.execute(
    'select id, data_sealed, media_type, width, height from attachments',
  )
  return rows.rows.map((r) => ({
    type: String(r.media_type),
    data: hub.keyring.openBytes(
      Buffer.from(r.data_sealed as ArrayBuffer),
      attachmentContext(String(r.id)),
    ),
  }))
}

describe('attachments', () => {
  it('strips EXIF GPS from a JPEG and text chunks from a PNG before storing', async () => {
    const jpeg = await jpegWithGps()
    const png = await pngWithText()
    // The inputs really carry the metadata, so the assertions below can fail.
    expect((await sharp(jpeg).metadata()).exif).toBeDefined()
    expect(jpeg.includes(Buffer.from(EXIF_MARKER))).toBe(true)
    expect(png.includes(Buffer.from(PNG_TEXT_MARKER))).toBe(true)
    expect((await sharp(png).metadata()).comments?.[0]?.text).toBe(PNG_TEXT_MARKER)

    const res = await postReport(hub, null, {
      raw: multipart(sampleReport(), [
        { data: jpeg, type: 'image/jpeg', name: 'a.jpg' },
        { data: png, type: 'image/png', name: 'b.png' },
      ]),
    })
    expect(res.status).toBe(201)
    const images = await storedImages()
    expect(images.map((i) => i.type).sort()).toEqual(['image/jpeg', 'image/png'])
    for (const image of images) {
      const meta = await sharp(image.data).metadata()
      expect(meta.exif).toBeUndefined()
      expect(meta.xmp).toBeUndefined()
      expect(meta.comments ?? []).toEqual([])
      expect(image.data.includes(Buffer.from(EXIF_MARKER))).toBe(false)
      expect(image.data.includes(Buffer.from(PNG_TEXT_MARKER))).toBe(false)
      expect(image.data.includes(Buffer.from('GPS'))).toBe(false)
    }
  })

  it('refuses files that are not images by their bytes, whatever their declared type', async () => {
    const res = await postReport(hub, null, {
      raw: multipart(sampleReport(), [
        { data: Buffer.from('GIF89a not allowed'), type: 'image/png', name: 'x.png' },
      ]),
    })
    expect(res.status).toBe(422)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'attachment_invalid',
    )
  })

  it('refuses more than 5 files and a decompression bomb', async () => {
    const png = await pngWithText()
    const six = Array.from({ length: 6 }, (_, i) => ({
      data: png,
      type: 'image/png',
      name: `${i}.png`,
    }))
    expect((await postReport(hub, null, { raw: multipart(sampleReport(), six) })).status).toBe(400)

    const bomb = await sharp({
      create: { width: 9_000, height: 5_000, channels: 3, background: '#000' },
    })
      .png({ compressionLevel: 9 })
      .toBuffer()
    const res = await postReport(hub, null, {
      raw: multipart(sampleReport(), [{ data: bomb, type: 'image/png', name: 'bomb.png' }]),
    })
    expect(res.status).toBe(422)
    const rows = await hub.client.execute('select count(*) as n from reports')
    expect(Number(rows.rows[0]?.n)).toBe(0)
  })

  it('refuses files for intimate-image categories and says where to go instead', async () => {
    const res = await postReport(hub, null, {
      raw: multipart(sampleReport({ category: 'ncii' }), [
        { data: await pngWithText(), type: 'image/png', name: 'x.png' },
      ]),
    })
    expect(res.status).toBe(422)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('attachments_forbidden')
    expect(body.error.message).toMatch(/StopNCII/i)
  })
})
