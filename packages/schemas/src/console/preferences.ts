/**
 * An operator's own console preferences, stored by the hub per API key (the console keeps no
 * web storage of its own).
 */
import { z } from 'zod'

/**
 * How screenshots and images show in the console: `blurred` (default: a tiny, blurred,
 * greyscale preview; the picture itself is fetched only when revealed, one at a time),
 * `hidden` (not even the preview, a labelled placeholder until revealed), `shown` (in clear).
 */
export const MediaDisplay = z.enum(['blurred', 'hidden', 'shown'])
export type MediaDisplay = z.infer<typeof MediaDisplay>

export const ConsolePreferences = z
  .strictObject({ mediaDisplay: MediaDisplay })
  .meta({ id: 'ConsolePreferences' })
export type ConsolePreferences = z.infer<typeof ConsolePreferences>
