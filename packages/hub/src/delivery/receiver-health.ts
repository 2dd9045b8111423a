/**
 * An endpoint's health: `failingSince` is set at the first failure after a success and cleared
 * by a success; an endpoint failing continuously for longer than the configured period (5 days
 * by default) — or answering 410 Gone — is disabled, with the reason kept for the operator and
 * a `receiver.disabled` log event — and, when it was the failures that disabled it, an operator
 * alert (`receiver_disabled`, once per disabling).
 */
import { and, eq, isNull } from 'drizzle-orm'
import type { Logger } from 'pino'
import { type AlertContext, raiseAlert } from '../alerts/raise'
import { receivers } from '../db/schema'
import type { WriteTx } from '../db/types'

export const DEFAULT_DISABLE_AFTER_MS = 5 * 24 * 3600 * 1000

export async function disableReceiver(
  tx: WriteTx,
  logger: Logger,
  receiverId: string,
  reason: string,
  now: number,
  alerts?: AlertContext,
): Promise<void> {
  const changed = await tx
    .update(receivers)
    .set({ enabled: false, disabledReason: reason, updatedAt: new Date(now) })
    .where(and(eq(receivers.id, receiverId), eq(receivers.enabled, true)))
  if (changed.rowsAffected > 0) {
    logger.warn({ event: 'receiver.disabled', receiverId, reason }, 'receiver disabled')
    if (alerts) {
      await raiseAlert(tx, alerts, {
        kind: 'receiver_disabled',
        occurrenceKey: `receiver_disabled:${receiverId}:${now}`,
        consolePath: '#/receivers',
        data: { receiverId, reason: reason.slice(0, 500) },
        now: new Date(now),
      })
    }
  }
}

export async function recordReceiverFailure(
  tx: WriteTx,
  logger: Logger,
  receiverId: string,
  now: number,
  disableAfterMs: number,
  alerts?: AlertContext,
): Promise<void> {
  await tx
    .update(receivers)
    .set({ failingSince: new Date(now) })
    .where(and(eq(receivers.id, receiverId), isNull(receivers.failingSince)))
  const [row] = await tx
    .select({ failingSince: receivers.failingSince })
    .from(receivers)
    .where(eq(receivers.id, receiverId))
  const since = row?.failingSince?.getTime()
  if (since !== undefined && now - since >= disableAfterMs) {
    const days = Math.round((now - since) / 86_400_000)
    await disableReceiver(
      tx,
      logger,
      receiverId,
      `Failing continuously since ${new Date(since).toISOString()} (${days} days)`,
      now,
      alerts,
    )
  }
}
