/**
 * Writes a routing plan in the report's transaction: every decision (sent or skipped, and why)
 * on the timeline, and the messages to the outbox. Nothing is acknowledged that is not queued.
 */
import type { RoutingDecision } from '@safe-place/schemas'
import type { Keyring } from '../crypto/keyring'
import { timelineEvents } from '../db/schema'
import type { Executor } from '../db/transaction'
import { enqueueMessages } from '../delivery/outbox'
import { newId } from '../ids'
import type { RoutingPlan } from './plan'

export async function recordRoutingDecisions(
  tx: Executor,
  reportId: string,
  decisions: readonly RoutingDecision[],
  at: Date,
): Promise<void> {
  if (decisions.length === 0) return
  await tx.insert(timelineEvents).values(
    decisions.map((d) => ({
      id: newId('evt'),
      reportId,
      at,
      kind: 'routing',
      receiverId: d.receiverId,
      decision: d.decision,
      reason: d.reason,
    })),
  )
}

/** Timeline + outbox for one report; returns the message ids (wake the engine after commit). */
export async function writeRoutingPlan(
  tx: Executor,
  keyring: Keyring,
  input: { reportId: string; plan: RoutingPlan; now: Date },
): Promise<string[]> {
  await recordRoutingDecisions(tx, input.reportId, input.plan.decisions, input.now)
  return enqueueMessages(
    tx,
    keyring,
    input.plan.messages.map((m) => ({ ...m, reportId: input.reportId })),
    input.now,
  )
}
