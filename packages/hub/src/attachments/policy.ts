/**
 * Some categories never take files (intimate images, sexual content involving minors): the
 * hub must not hold them, and the person is pointed to the services that can act on them.
 */
import { type CategoryCode, getCategory, helpResources } from '@safe-place/schemas'
import { HubError } from '../hub-error'

export function assertAttachmentsAllowed(category: CategoryCode, count: number): void {
  if (count === 0) return
  const safety = getCategory(category).safety
  if (!safety.attachmentsForbidden) return
  const names = safety.resources
    .map((id) => helpResources.find((r) => r.id === id))
    .filter((r) => r !== undefined)
    .map((r) => `${r.name.en} (${r.channels[0]?.label ?? r.id})`)
  throw new HubError(
    'attachments_forbidden',
    `Files cannot be sent for ${category}: we never store such images. Send only links and ` +
      `words here, and turn to ${names.join(', ')}, who can have the images taken down.`,
    { details: safety.resources.map((id) => ({ path: 'resources', message: id })) },
  )
}
