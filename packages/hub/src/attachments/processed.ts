/** An attachment after checking and stripping: what intake stores, sealed. */
import type { AttachmentMeta } from '@safe-place/schemas'

export interface ProcessedAttachment extends AttachmentMeta {
  data: Buffer
}
