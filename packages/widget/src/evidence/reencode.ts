/**
 * Screenshots are redrawn through a canvas before they leave the device: only pixels survive,
 * so EXIF (GPS position, date, phone model) and every other metadata block are dropped, and a
 * large image is downsized. The result is a JPEG the hub accepts.
 */
const MAX_SIDE = 2000

export async function reencodeImage(file: Blob, maxBytes: number): Promise<Blob> {
  const bitmap = await createImageBitmap(file)
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height))
  const width = Math.max(1, Math.round(bitmap.width * scale))
  const height = Math.max(1, Math.round(bitmap.height * scale))
  const canvas = new OffscreenCanvas(width, height)
  const context = canvas.getContext('2d')
  if (!context) throw new Error('No 2D canvas')
  context.fillStyle = '#ffffff'
  context.fillRect(0, 0, width, height)
  context.drawImage(bitmap, 0, 0, width, height)
  bitmap.close()
  let quality = 0.85
  let blob = await canvas.convertToBlob({ type: 'image/jpeg', quality })
  while (blob.size > maxBytes && quality > 0.3) {
    quality -= 0.15
    blob = await canvas.convertToBlob({ type: 'image/jpeg', quality })
  }
  return blob
}
