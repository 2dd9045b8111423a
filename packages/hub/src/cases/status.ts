/** Closing a case (it leaves the desk's queue) and opening it again; both on its timeline. */
import { eq } from 'drizzle-orm'
import { cases } from '../db/schema'
import type { WriteTx } from '../db/types'
import { assertNotMerged, findCase, recordCaseEvent } from './store'

export async function setCaseStatus(
  tx: WriteTx,
  idOrReference: string,
  status: 'open' | 'closed',
  actorKeyId: string | null,
  now: Date,
) {
  const row = await findCase(tx, idOrReference)
  assertNotMerged(row)
  if (row.status === status) return row
  const [updated] = await tx
    .update(cases)
    .set({ status, closedAt: status === 'closed' ? now : null, updatedAt: now })
    .where(eq(cases.id, row.id))
    .returning()
  await recordCaseEvent(tx, {
    caseId: row.id,
    at: now,
    kind: status === 'closed' ? 'closed' : 'reopened',
    actorKeyId,
  })
  return updated!
}
