/**
 * Opens a report with its receipt: the reference and the code together. An unknown reference
 * and a wrong code fail the same way, after the same work (a hash compare against a dummy
 * when the reference is unknown), so neither the answer nor its timing says which was wrong.
 * Codes are read in their normal form (`receipt-code.ts`), so a code typed in lower case or
 * without dashes opens the report; first-generation `rt_…` tokens still do.
 */
import { ReportReference } from '@safe-place/schemas'
import { eq } from 'drizzle-orm'
import { bearerToken, sameDigest, sha256Hex } from '../auth/secrets'
import type { ReportRow } from '../db/rows'
import { reports } from '../db/schema'
import type { ReadDb } from '../db/types'
import { HubError } from '../hub-error'
import { receiptSecretHash } from './receipt-code'

const DUMMY_HASH = sha256Hex('rt_not-a-token')

export async function openByReceipt(
  db: ReadDb,
  reference: string,
  authorization: string | undefined,
): Promise<ReportRow> {
  const given = receiptSecretHash(bearerToken(authorization) ?? '')
  const ref = ReportReference.safeParse(reference)
  const [row] = ref.success
    ? await db.select().from(reports).where(eq(reports.reference, ref.data)).limit(1)
    : []
  const matches = sameDigest(row?.receiptTokenHash ?? DUMMY_HASH, given ?? DUMMY_HASH)
  if (!row || given === undefined || !matches) throw new HubError('receipt_invalid')
  return row
}
