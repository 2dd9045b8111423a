/**
 * The two halves of a receipt: a short human reference (read aloud, typed on a phone) and a
 * secret code shown once. Only both together open a report.
 */
import { z } from 'zod'
import { RECEIPT_SECRET_PATTERN, REFERENCE_PATTERN } from './formats'

export {
  normaliseReceiptCode,
  RECEIPT_CODE_ALPHABET,
  RECEIPT_CODE_PATTERN,
  RECEIPT_TOKEN_PATTERN,
  REFERENCE_ALPHABET,
  REFERENCE_PATTERN,
} from './formats'

export const ReportReference = z
  .string()
  .trim()
  .toUpperCase()
  .regex(REFERENCE_PATTERN, 'Must be a reference such as SP-7K3Q-9XWD')
export type ReportReference = z.infer<typeof ReportReference>

/**
 * The receipt's secret: a code of 16 Crockford base32 characters, given as
 * `7K3Q-9XWD-M2PA-0RTE` (80 bits; typed in any case, dashes optional), or a first `rt_` token
 * (32 random bytes in base64url), which keeps working.
 */
export const ReceiptToken = z
  .string()
  .trim()
  .regex(RECEIPT_SECRET_PATTERN, 'Must be the receipt code given when the report was sent')
export type ReceiptToken = z.infer<typeof ReceiptToken>
