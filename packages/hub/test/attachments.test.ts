import { createHash } from 'node:crypto'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { attachmentContext } from '../src/attachments/stored'
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

describe("the device's hashes", () => {
  const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex')

  it('records per file the hash of the original, of what arrived and of the stored copy', async () => {
    const jpeg = await jpegWithGps()
    const original = Buffer.concat([jpeg, Buffer.from('the original, before re-encoding')])
    const report = sampleReport({
      evidence: {
        files: [
          { originalSha256: sha(original), originalBytes: original.length, sentSha256: sha(jpeg) },
        ],
      },
    })
    const res = await postReport(hub, null, {
      raw: multipart(report, [{ data: jpeg, type: 'image/jpeg', name: 'a.jpg' }]),
    })
    expect(res.status).toBe(201)
    const [row] = (
      await hub.client.execute(
        'select sha256, bytes, received_sha256, received_bytes, original_sha256, original_bytes from attachments',
      )
    ).rows
    const [stored] = await storedImages()
    expect(row).toMatchObject({
      received_sha256: sha(jpeg),
      received_bytes: jpeg.length,
      original_sha256: sha(original),
      original_bytes: original.length,
      sha256: sha(stored!.data),
    })
    // Stripping changed the bytes: the three hashes tell three different things.
    expect(row?.sha256).not.toBe(row?.received_sha256)
  })

  it('refuses a file whose bytes are not what the device hashed, and stores nothing', async () => {
    const jpeg = await jpegWithGps()
    const lying = sampleReport({
      evidence: { files: [{ originalSha256: sha(jpeg), sentSha256: sha(Buffer.from('other')) }] },
    })
    const res = await postReport(hub, null, {
      raw: multipart(lying, [{ data: jpeg, type: 'image/jpeg', name: 'a.jpg' }]),
    })
    expect(res.status).toBe(422)
    const body = (await res.json()) as { error: { code: string; details: { path: string }[] } }
    expect(body.error.code).toBe('attachment_hash_mismatch')
    expect(body.error.details[0]?.path).toBe('evidence.files.0.sentSha256')
    const twoForOne = sampleReport({
      evidence: {
        files: [
          { originalSha256: sha(jpeg), sentSha256: sha(jpeg) },
          { originalSha256: sha(jpeg), sentSha256: sha(jpeg) },
        ],
      },
    })
    const miscounted = await postReport(hub, null, {
      raw: multipart(twoForOne, [{ data: jpeg, type: 'image/jpeg', name: 'a.jpg' }]),
    })
    expect(miscounted.status).toBe(400)
    for (const table of ['reports', 'attachments', 'messages', 'evidence_events']) {
      const n = await hub.client.execute(`select count(*) as n from ${table}`)
      expect(Number(n.rows[0]?.n), table).toBe(0)
    }
  })
})
