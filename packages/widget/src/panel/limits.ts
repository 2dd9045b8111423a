/**
 * How many screenshots a report may carry and how large each may be: the hub's config when it
 * answered, else the schema's limits; never more than five from the panel.
 */
import type { WidgetConfig } from '@safe-place/schemas'
import { reportLimits } from '@safe-place/schemas/data'

export function attachmentLimits(config: WidgetConfig | undefined): { max: number; bytes: number } {
  return {
    max: Math.min(config?.limits.attachmentsMax ?? reportLimits.attachmentsMax, 5),
    bytes: config?.limits.attachmentMaxBytes ?? reportLimits.attachmentMaxBytes,
  }
}
