/**
 * The two halves of a receipt: a short human reference (read aloud, typed on a phone) and a
 * high-entropy secret token shown once. Only both together open a report.
 */
import { z } from 'zod'
import { RECEIPT_TOKEN_PATTERN, REFERENCE_PATTERN } from './formats'

export { RECEIPT_TOKEN_PATTERN, REFERENCE_ALPHABET, REFERENCE_PATTERN } from './formats'

export const ReportReference = z
  .string()
  .trim()
  .toUpperCase()
  .regex(REFERENCE_PATTERN, 'Must be a reference such as SP-7K3Q-9XWD')
export type ReportReference = z.infer<typeof ReportReference>

/** `rt_` and 32 random bytes in base64url. */
export const ReceiptToken = z
  .string()
  .trim()
  .regex(RECEIPT_TOKEN_PATTERN, 'Must be the receipt token given when the report was sent')
export type ReceiptToken = z.infer<typeof ReceiptToken>
