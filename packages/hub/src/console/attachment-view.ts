/**
 * A report's screenshot for the operator's console, opened only when asked for: the picture
 * itself when an operator reveals it, or a preview too small and blurred to show anything but
 * colours (16 pixels wide, greyscale), which the console shows blurred again. Nothing is
 * cached by the browser. An erased screenshot answers `410 report_erased`.
 */
import { eq } from 'drizzle-orm'
import sharp from 'sharp'
import { attachmentContext } from '../attachments/stored'
import type { Keyring } from '../crypto/keyring'
import { attachments } from '../db/schema'
import type { ReadDb } from '../db/types'
import { HubError } from '../hub-error'

const PREVIEW_WIDTH = 16

export async function attachmentBytes(
  db: ReadDb,
  keyring: Keyring,
  id: string,
  variant: 'full' | 'preview',
): Promise<{ mediaType: string; data: Buffer }> {
  const [row] = await db.select().from(attachments).where(eq(attachments.id, id))
  if (!row) throw new HubError('not_found', 'No such screenshot.')
  if (!row.dataSealed) {
    throw new HubError(
      'report_erased',
      'This screenshot was erased with the report’s personal data.',
    )
  }
  const data = keyring.openBytes(row.dataSealed, attachmentContext(row.id))
  if (variant === 'full') return { mediaType: row.mediaType, data }
  const preview = await sharp(data, { failOn: 'none' })
    .resize({ width: PREVIEW_WIDTH, withoutEnlargement: true })
    .greyscale()
    .blur(1)
    .png()
    .toBuffer()
  return { mediaType: 'image/png', data: preview }
}
