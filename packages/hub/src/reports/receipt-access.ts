/**
 * Opens a report with its receipt: the reference and the token together. An unknown reference
 * and a wrong token fail the same way, after the same work (a hash compare against a dummy
 * when the reference is unknown), so neither the answer nor its timing says which was wrong.
 */
import { ReceiptToken, ReportReference } from '@safe-place/schemas'
import { eq } from 'drizzle-orm'
import { bearerToken, sameDigest, sha256Hex } from '../auth/secrets'
import type { ReportRow } from '../db/rows'
import { reports } from '../db/schema'
import type { ReadDb } from '../db/types'
import { HubError } from '../hub-error'

const DUMMY_HASH = sha256Hex('rt_not-a-token')

export async function openByReceipt(
  db: ReadDb,
  reference: string,
  authorization: string | undefined,
): Promise<ReportRow> {
  const token = ReceiptToken.safeParse(bearerToken(authorization) ?? '')
  const ref = ReportReference.safeParse(reference)
  const [row] = ref.success
    ? await db.select().from(reports).where(eq(reports.reference, ref.data)).limit(1)
    : []
  const given = sha256Hex(token.success ? token.data : 'rt_invalid')
  const matches = sameDigest(row?.receiptTokenHash ?? DUMMY_HASH, given)
  if (!row || !token.success || !matches) throw new HubError('receipt_invalid')
  return row
}
