/**
 * The Svix engine (`DELIVERY_ENGINE=svix`), for deployments that outgrow one machine: the
 * outbox stays ours (same transaction, same leases), but instead of POSTing, each due message
 * is handed to Svix — Svix Cloud or a self-hosted Svix server (`SVIX_SERVER_URL`) — with our
 * message id as its `eventId`, so a hand-over retried after a crash cannot create a duplicate
 * (a 409 means Svix already has it; a replay asks Svix to resend). Svix then signs, retries and
 * delivers; its attempts are read back into our attempt log and message states.
 */
import { and, eq, inArray } from 'drizzle-orm'
import { ApiException, MessageStatus, Svix } from 'svix'
import { deliveryAttempts, messages, receivers } from '../db/schema'
import { systemClock } from './clock'
import type { DeliveryEngine, DeliveryEngineOptions } from './engine'
import { type ClaimedMessage, claimDueMessages } from './lease'
import { payloadContext } from './outbox'
import { sealResponseBody } from './response-body'
import { DEFAULT_JITTER, DEFAULT_RETRY_SCHEDULE_MS, nextRetryDelay } from './schedule'
import { SvixEndpoints } from './svix-endpoints'
import { EngineWriter, mainConnectionWriter } from './writer'

export interface SvixOptions {
  /** `SVIX_API_KEY`. */
  apiKey: string
  /** `SVIX_SERVER_URL`: a self-hosted Svix server; Svix Cloud when absent. */
  serverUrl?: string | undefined
}

/** Marks a message handed over to Svix: no local lease, never claimed again unless replayed. */
export const SVIX_OWNER = 'svix'

type ReceiverRow = typeof receivers.$inferSelect

export function createSvixEngine(
  options: DeliveryEngineOptions & { svix: SvixOptions },
): DeliveryEngine {
  const { db, keyring, logger } = options
  const clock = options.clock ?? systemClock
  const svix = new Svix(options.svix.apiKey, {
    ...(options.svix.serverUrl && { serverUrl: options.svix.serverUrl }),
    numRetries: 2,
  })
  const endpoints = new SvixEndpoints(svix, keyring)
  const workerId = options.workerId ?? `svix:${process.pid}`
  const retry = {
    scheduleMs: options.retryScheduleMs ?? DEFAULT_RETRY_SCHEDULE_MS,
    jitter: options.jitter ?? DEFAULT_JITTER,
    random: options.random,
  }
  const pollMs = options.pollIntervalMs ?? 1_000
  const writer = new EngineWriter()
  const statements = mainConnectionWriter(db, writer)

  async function handOver(message: ClaimedMessage, receiver: ReceiverRow): Promise<void> {
    const now = clock.now()
    const held = and(eq(messages.id, message.id), eq(messages.leaseOwner, workerId))
    if (!message.payloadSealed) {
      await writer.exclusive(() =>
        db
          .update(messages)
          .set({ state: 'cancelled', leaseOwner: null, leaseExpiresAt: null, nextAttemptAt: null })
          .where(held),
      )
      return
    }
    try {
      await endpoints.ensure(receiver)
      const payload = JSON.parse(keyring.open(message.payloadSealed, payloadContext(message.id)))
      try {
        await svix.message.create(receiver.id, {
          eventId: message.id,
          eventType: message.eventType,
          payload,
        })
      } catch (error) {
        if (!(error instanceof ApiException && error.code === 409)) throw error
        await svix.messageAttempt.resend(receiver.id, message.id, receiver.id)
      }
      await writer.exclusive(() =>
        db
          .update(messages)
          .set({
            state: 'delivering',
            leaseOwner: SVIX_OWNER,
            leaseExpiresAt: null,
            nextAttemptAt: null,
          })
          .where(held),
      )
    } catch (error) {
      const attempts = message.attempts + 1
      const delay = nextRetryDelay(attempts, retry)
      const text = `Svix hand-over failed: ${error instanceof ApiException ? `HTTP ${error.code}` : (error as Error).message}`
      await writer.exclusive(() =>
        db
          .update(messages)
          .set({
            attempts,
            state: delay === null ? 'dead' : 'failed',
            nextAttemptAt: delay === null ? null : new Date(now + delay),
            lastError: text.slice(0, 500),
            leaseOwner: null,
            leaseExpiresAt: null,
          })
          .where(held),
      )
      logger.warn(
        { event: 'delivery.svix_handover_failed', messageId: message.id, err: error },
        'svix hand-over failed',
      )
    }
  }

  /** Reads Svix's attempts back for messages it holds. */
  async function readBack(limit = 100): Promise<number> {
    const held = await db
      .select({ id: messages.id, receiverId: messages.receiverId })
      .from(messages)
      .where(
        and(eq(messages.leaseOwner, SVIX_OWNER), inArray(messages.state, ['delivering', 'failed'])),
      )
      .limit(limit)
    let settled = 0
    for (const m of held) {
      let list: Awaited<ReturnType<typeof svix.messageAttempt.listByMsg>>
      try {
        list = await svix.messageAttempt.listByMsg(m.receiverId, m.id)
      } catch (error) {
        logger.warn(
          { event: 'delivery.svix_readback_failed', messageId: m.id, err: error },
          'svix read-back failed',
        )
        continue
      }
      if (list.data.length === 0) continue
      await writer.exclusive(() =>
        db.transaction(async (tx) => {
          for (const a of list.data) {
            await tx
              .insert(deliveryAttempts)
              .values({
                id: `atm_svix_${a.id}`.slice(0, 80),
                messageId: m.id,
                workerId: SVIX_OWNER,
                attemptedAt: a.timestamp,
                responseStatus: a.responseStatusCode || null,
                durationMs: a.responseDurationMs ?? 0,
                responseBody: sealResponseBody(keyring, m.id, (a.response ?? '').slice(0, 2048)),
                error: a.status === MessageStatus.Fail ? `Svix: ${a.statusText ?? 'fail'}` : null,
              })
              .onConflictDoNothing()
          }
          const success = list.data.find((a) => a.status === MessageStatus.Success)
          const failure = list.data.find((a) => a.status === MessageStatus.Fail)
          if (success) {
            settled++
            await tx
              .update(messages)
              .set({
                state: 'succeeded',
                deliveredAt: success.timestamp,
                attempts: list.data.length,
                lastError: null,
              })
              .where(eq(messages.id, m.id))
          } else if (failure) {
            await tx
              .update(messages)
              .set({
                state: 'failed',
                attempts: list.data.length,
                lastError: `Svix: endpoint answered ${failure.responseStatusCode}`,
              })
              .where(eq(messages.id, m.id))
          }
        }),
      )
    }
    return settled
  }

  async function handOverDue(): Promise<number> {
    let total = 0
    for (;;) {
      const batch = await claimDueMessages(statements, {
        workerId,
        now: clock.now(),
        leaseMs: options.leaseMs ?? 60_000,
        limit: options.batchSize ?? 64,
      })
      if (batch.length === 0) return total
      total += batch.length
      const rows = await db
        .select()
        .from(receivers)
        .where(inArray(receivers.id, [...new Set(batch.map((m) => m.receiverId))]))
      const byId = new Map(rows.map((r) => [r.id, r]))
      await Promise.all(
        batch.map((m) =>
          byId.get(m.receiverId) ? handOver(m, byId.get(m.receiverId)!) : undefined,
        ),
      )
    }
  }

  let running = false
  let loop: Promise<void> | null = null
  let wakeUp: (() => void) | null = null
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms)
      timer.unref?.()
      wakeUp = () => {
        clearTimeout(timer)
        resolve()
      }
    })

  return {
    ssrf: options.ssrf ?? {},
    attachWriter: (target) => writer.attach(target),
    start() {
      if (running) return
      running = true
      loop = (async () => {
        while (running) {
          try {
            await handOverDue()
            await readBack()
          } catch (error) {
            logger.error({ event: 'delivery.worker_error', err: error }, 'svix engine error')
          }
          if (running) await sleep(pollMs)
        }
      })()
    },
    wake: () => wakeUp?.(),
    async runOnce() {
      const n = await handOverDue()
      await readBack()
      return n
    },
    async stop() {
      running = false
      wakeUp?.()
      await loop
    },
    async kill() {
      running = false
      wakeUp?.()
      await loop
    },
  }
}
