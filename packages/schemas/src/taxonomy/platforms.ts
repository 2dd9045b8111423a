/** The platform code as a zod enum, beside the zod-free platform data. */
import { z } from 'zod'
import { platformCodes } from './platform-data'

export {
  getPlatform,
  type PlatformDefinition,
  platformCodes,
  platformFromUrl,
  platforms,
} from './platform-data'

export const PlatformCode = z.enum(platformCodes)
export type PlatformCode = z.infer<typeof PlatformCode>
