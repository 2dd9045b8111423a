/**
 * One delivery attempt of one claimed message: sign (fresh timestamp, stable id), POST through
 * the guarded client, then in one transaction log the attempt and move the message on —
 * delivered, retried later, or dead when the schedule is exhausted — and update the endpoint's
 * health. Completion is conditional on still holding the lease.
 */
import { and, eq } from 'drizzle-orm'
import type { Logger } from 'pino'
import type { Keyring } from '../crypto/keyring'
import type { Database } from '../db/client'
import { deliveryAttempts, messages, type receivers, timelineEvents } from '../db/schema'
import type { StatementWriter } from '../db/writer-thread'
import { newId } from '../ids'
import type { Clock } from './clock'
import type { WebhookHttpClient } from './http-client'
import { type ClaimedMessage, LeaseLostError } from './lease'
import { payloadContext } from './outbox'
import { classifyError, classifyResponse, type Outcome } from './outcome'
import { disableReceiver, recordReceiverFailure, recordReceiverSuccess } from './receiver-health'
import { signingSecrets } from './receiver-secrets'
import { sealResponseBody } from './response-body'
import { nextRetryDelay, type RetryPolicy } from './schedule'
import { signWebhook } from './signer'
import type { SuccessBatcher } from './success-batch'
import type { WriteSerializer } from './writer'

type ReceiverRow = typeof receivers.$inferSelect

export interface AttemptContext {
  db: Database
  keyring: Keyring
  logger: Logger
  clock: Clock
  http: WebhookHttpClient
  workerId: string
  retry: RetryPolicy
  disableAfterMs: number
  /** Serialises the engine's writes with the rest of the process (see `writer.ts`). */
  writer: WriteSerializer
  /** Where claims and batched successes are written: the writer thread, or `writer`'s turn. */
  statements: StatementWriter
  /** Group commit for successes; without it each success has its own transaction. */
  successes?: SuccessBatcher | undefined
}

export interface AttemptResult {
  outcome: Outcome
  status: number | null
}

export async function attemptDelivery(
  ctx: AttemptContext,
  message: ClaimedMessage,
  receiver: ReceiverRow,
  signal?: AbortSignal,
  /** Paces the request itself (the receiver's gate); recording happens outside it. */
  pace: <T>(send: () => Promise<T>) => Promise<T> = (send) => send(),
): Promise<AttemptResult | null> {
  if (!message.payloadSealed) {
    // Erased by a withdrawal after it was queued: nothing to send, ever.
    await ctx.writer.exclusive(() =>
      ctx.db
        .update(messages)
        .set({ state: 'cancelled', leaseOwner: null, leaseExpiresAt: null, nextAttemptAt: null })
        .where(and(eq(messages.id, message.id), eq(messages.leaseOwner, ctx.workerId))),
    )
    return null
  }
  const payloadSealed = message.payloadSealed
  const started = ctx.clock.now()
  const startedReal = performance.now()
  let outcome: Outcome
  let status: number | null = null
  let responseBody: string | null = null
  try {
    const body = ctx.keyring.open(payloadSealed, payloadContext(message.id))
    const headers = signWebhook(
      signingSecrets(ctx.keyring, receiver, started),
      message.id,
      new Date(started),
      body,
    )
    if (signal?.aborted) return null
    const response = await pace(() => ctx.http.post(receiver.url, body, { ...headers }, signal))
    status = response.status
    responseBody = response.body
    outcome = classifyResponse(response, ctx.clock.now())
  } catch (error) {
    // A crash-stop (abort) records nothing: the lease expires and another worker retries.
    // A lost lease neither: the message belongs to another worker now.
    if (signal?.aborted || error instanceof LeaseLostError) return null
    outcome = classifyError(error)
  }
  const durationMs = Math.round(performance.now() - startedReal)
  if (outcome.kind === 'delivered' && ctx.successes && status !== null) {
    await ctx.successes.add({
      messageId: message.id,
      receiverId: receiver.id,
      reportId: message.reportId,
      eventType: message.eventType,
      workerId: ctx.workerId,
      attempts: message.attempts + 1,
      startedAt: started,
      finishedAt: ctx.clock.now(),
      durationMs,
      status,
      responseBody: sealResponseBody(ctx.keyring, message.id, responseBody),
    })
    return { outcome, status }
  }
  await recordAttempt(ctx, message, receiver, {
    outcome,
    status,
    responseBody,
    started,
    durationMs,
  })
  return { outcome, status }
}

async function recordAttempt(
  ctx: AttemptContext,
  message: ClaimedMessage,
  receiver: ReceiverRow,
  a: {
    outcome: Outcome
    status: number | null
    responseBody: string | null
    started: number
    durationMs: number
  },
): Promise<void> {
  const now = ctx.clock.now()
  const attempts = message.attempts + 1
  const { outcome } = a
  await ctx.writer.exclusive(() =>
    ctx.db.transaction(async (tx) => {
      const held = and(eq(messages.id, message.id), eq(messages.leaseOwner, ctx.workerId))
      const common = { attempts, leaseOwner: null, leaseExpiresAt: null }
      let updated: { rowsAffected: number }
      if (outcome.kind === 'delivered') {
        updated = await tx
          .update(messages)
          .set({
            ...common,
            state: 'succeeded',
            deliveredAt: new Date(now),
            lastError: null,
            nextAttemptAt: null,
          })
          .where(held)
      } else {
        const delay =
          outcome.kind === 'failed' && outcome.retryAfterMs !== null
            ? outcome.retryAfterMs
            : nextRetryDelay(attempts, ctx.retry)
        updated = await tx
          .update(messages)
          .set({
            ...common,
            state: delay === null ? 'dead' : 'failed',
            nextAttemptAt: delay === null ? null : new Date(now + delay),
            lastError: outcome.error,
          })
          .where(held)
      }
      // Lost the lease meanwhile (should not happen with a lease longer than the timeout): the
      // new holder owns the message; still keep the attempt in the log.
      await tx.insert(deliveryAttempts).values({
        id: newId('atm'),
        messageId: message.id,
        workerId: ctx.workerId,
        attemptedAt: new Date(a.started),
        responseStatus: a.status,
        durationMs: a.durationMs,
        responseBody: sealResponseBody(ctx.keyring, message.id, a.responseBody),
        error: outcome.kind === 'delivered' ? null : outcome.error,
      })
      if (updated.rowsAffected === 0) return
      if (outcome.kind === 'delivered') {
        await recordReceiverSuccess(tx, receiver.id)
        if (message.reportId && message.eventType === 'report.created') {
          await tx.insert(timelineEvents).values({
            id: newId('evt'),
            reportId: message.reportId,
            at: new Date(now),
            kind: 'delivered',
            receiverId: receiver.id,
          })
        }
      } else if (outcome.kind === 'gone') {
        await disableReceiver(tx, ctx.logger, receiver.id, outcome.error, now)
      } else {
        await recordReceiverFailure(tx, ctx.logger, receiver.id, now, ctx.disableAfterMs)
      }
    }),
  )
  ctx.logger.debug(
    {
      event: 'delivery.attempt',
      messageId: message.id,
      receiverId: receiver.id,
      outcome: outcome.kind,
      status: a.status,
    },
    'delivery attempt',
  )
}
