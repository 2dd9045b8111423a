/**
 * What a device says about each file it uploads: the SHA-256 of the original (computed on the
 * device before any re-encoding) and of the bytes it sends. The hub checks the second against
 * what arrived and keeps the first as the device's word about the original.
 */
import { z } from 'zod'
import { reportLimits } from './limits'

/** A SHA-256 digest in lower-case hex. */
export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'Must be a SHA-256 in lower-case hex')
export type Sha256Hex = z.infer<typeof Sha256Hex>

export const DeviceFileDigest = z.strictObject({
  /** SHA-256 of the original file, before the device re-encoded it. */
  originalSha256: Sha256Hex,
  /** Size of the original file, in bytes. */
  originalBytes: z.number().int().positive().max(reportLimits.originalFileMaxBytes).optional(),
  /** SHA-256 of the bytes the device uploads: the hub refuses the file if they differ. */
  sentSha256: Sha256Hex,
})
export type DeviceFileDigest = z.infer<typeof DeviceFileDigest>
