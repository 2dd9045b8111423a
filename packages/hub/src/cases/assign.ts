/**
 * Who works on a case: an operator takes it, hands it to a colleague, or releases it. Only a
 * live operator key can hold a case (`422 assignee_not_operator` otherwise, nothing changed).
 */
import { and, eq, isNull } from 'drizzle-orm'
import { apiKeys, cases } from '../db/schema'
import type { WriteTx } from '../db/types'
import { HubError } from '../hub-error'
import { assertNotMerged, findCase, recordCaseEvent } from './store'

export async function assignCase(
  tx: WriteTx,
  idOrReference: string,
  /** An operator key id, or null to release. */
  assignee: string | null,
  actorKeyId: string | null,
  now: Date,
) {
  const row = await findCase(tx, idOrReference)
  assertNotMerged(row)
  if (assignee !== null) {
    const [key] = await tx
      .select({ id: apiKeys.id })
      .from(apiKeys)
      .where(
        and(eq(apiKeys.id, assignee), eq(apiKeys.scope, 'operator'), isNull(apiKeys.revokedAt)),
      )
    if (!key) {
      throw new HubError(
        'assignee_not_operator',
        'A case can be assigned only to a live operator key.',
        {
          details: [{ path: 'assignee', message: 'Not a live operator key' }],
        },
      )
    }
  }
  if (row.assigneeKeyId === assignee) return row
  const [updated] = await tx
    .update(cases)
    .set({ assigneeKeyId: assignee, updatedAt: now })
    .where(eq(cases.id, row.id))
    .returning()
  await recordCaseEvent(tx, {
    caseId: row.id,
    at: now,
    kind: assignee === null ? 'released' : 'assigned',
    actorKeyId,
    assigneeKeyId: assignee,
  })
  return updated!
}
