/**
 * The Svix engine (`DELIVERY_ENGINE=svix`), for deployments that outgrow one machine: the
 * outbox stays ours (same transaction, same leases, same state machine), but instead of
 * POSTing, each due message is handed to Svix — Svix Cloud or a self-hosted Svix server
 * (`SVIX_SERVER_URL`) — with our message id as its `eventId`, so a hand-over retried after a
 * crash cannot create a duplicate (a 409 means Svix already has it; a replay asks Svix to
 * resend). Svix then signs, retries and delivers; its attempts are read back into our attempt
 * log and message states.
 *
 * Svix keeps a copy of each payload: for `payloadRetentionDays` at most (7 by default), and not
 * a moment after the report is erased — each step expunges the content of every handed-over
 * message of an erased report, and of its attempts, through the Svix API.
 */
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm'
import { ApiException, MessageStatus, Svix } from 'svix'
import { remoteCopies } from '../db/personal-data'
import type { ReceiverRow } from '../db/rows'
import { messages, receivers, reports } from '../db/schema'
import { AttemptRecorder } from './attempt-recorder'
import { systemClock } from './clock'
import type { DeliveryEngine, DeliveryEngineOptions, SvixOptions } from './engine-options'
import { payloadContext } from './outbox'
import { PollLoop } from './poll-loop'
import { DEFAULT_DISABLE_AFTER_MS } from './receiver-health'
import { sealResponseBody } from './response-body'
import { DEFAULT_JITTER, DEFAULT_RETRY_SCHEDULE_MS } from './schedule'
import { SvixEndpoints } from './svix-endpoints'
import {
  type ClaimedMessage,
  cancelErased,
  claimDue,
  markHandedOver,
  markRemoteErased,
  type RemoteAttempt,
  recordRemoteAttempts,
} from './transitions'

/** Marks a message handed over to Svix: no local lease, never claimed again unless replayed. */
const SVIX_OWNER = 'svix'

const DEFAULT_SVIX_PAYLOAD_RETENTION_DAYS = 7

const describe = (error: unknown) =>
  error instanceof ApiException ? `HTTP ${error.code}` : (error as Error).message

export function createSvixEngine(
  options: DeliveryEngineOptions & { svix: SvixOptions },
): DeliveryEngine {
  const { database, keyring, logger } = options
  const clock = options.clock ?? systemClock
  const svix = new Svix(options.svix.apiKey, {
    ...(options.svix.serverUrl && { serverUrl: options.svix.serverUrl }),
    numRetries: 2,
  })
  const endpoints = new SvixEndpoints(svix, keyring)
  const owner = options.workerId ?? `svix:${process.pid}`
  const retentionDays = options.svix.payloadRetentionDays ?? DEFAULT_SVIX_PAYLOAD_RETENTION_DAYS
  const recorder = new AttemptRecorder(database.write, {
    retry: {
      scheduleMs: options.retryScheduleMs ?? DEFAULT_RETRY_SCHEDULE_MS,
      jitter: options.jitter ?? DEFAULT_JITTER,
      random: options.random,
    },
    disableAfterMs: options.disableAfterMs ?? DEFAULT_DISABLE_AFTER_MS,
    logger,
  })

  async function handOver(message: ClaimedMessage, receiver: ReceiverRow): Promise<void> {
    const payloadSealed = message.payloadSealed
    if (!payloadSealed) {
      await database.write((tx) => cancelErased(tx, message.id, owner))
      return
    }
    const startedAt = clock.now()
    try {
      await endpoints.ensure(receiver)
      const payload = JSON.parse(keyring.open(payloadSealed, payloadContext(message.id)))
      try {
        await svix.message.create(receiver.id, {
          eventId: message.id,
          eventType: message.eventType,
          payload,
          payloadRetentionPeriod: retentionDays,
        })
      } catch (error) {
        if (!(error instanceof ApiException && error.code === 409)) throw error
        await svix.messageAttempt.resend(receiver.id, message.id, receiver.id)
      }
      await database.write((tx) => markHandedOver(tx, message.id, owner, SVIX_OWNER))
    } catch (error) {
      // A failed hand-over is an attempt like any other: logged, retried on the schedule.
      await recorder.record({
        messageId: message.id,
        receiverId: receiver.id,
        reportId: message.reportId,
        eventType: message.eventType,
        owner,
        attemptsBefore: message.attempts,
        startedAt,
        finishedAt: clock.now(),
        durationMs: clock.now() - startedAt,
        status: error instanceof ApiException ? error.code : null,
        responseBody: null,
        outcome: {
          kind: 'failed',
          error: `Svix hand-over failed: ${describe(error)}`.slice(0, 500),
          retryAfterMs: null,
        },
      })
      logger.warn(
        { event: 'delivery.svix_handover_failed', messageId: message.id, err: error },
        'svix hand-over failed',
      )
    }
  }

  async function handOverDue(): Promise<number> {
    let total = 0
    for (;;) {
      const batch = await database.write((tx) =>
        claimDue(tx, {
          workerId: owner,
          now: clock.now(),
          leaseMs: options.leaseMs ?? 60_000,
          limit: options.batchSize ?? 64,
        }),
      )
      if (batch.length === 0) return total
      total += batch.length
      const ids = [...new Set(batch.map((m) => m.receiverId))]
      const rows = await database.db.select().from(receivers).where(inArray(receivers.id, ids))
      const byId = new Map(rows.map((r) => [r.id, r]))
      await Promise.all(
        batch.map((m) => {
          const receiver = byId.get(m.receiverId)
          return receiver ? handOver(m, receiver) : undefined
        }),
      )
    }
  }

  /** Reads Svix's attempts back for the messages it holds. */
  async function readBack(limit = 100): Promise<number> {
    const held = await database.db
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
      const attempts: RemoteAttempt[] = list.data.map((a) => ({
        id: `atm_svix_${a.id}`.slice(0, 80),
        at: a.timestamp,
        status: a.responseStatusCode || null,
        durationMs: a.responseDurationMs ?? 0,
        responseBody: sealResponseBody(keyring, m.id, (a.response ?? '').slice(0, 2048)),
        error: a.status === MessageStatus.Fail ? `Svix: ${a.statusText ?? 'fail'}` : null,
      }))
      const success = list.data.find((a) => a.status === MessageStatus.Success)
      const failure = list.data.find((a) => a.status === MessageStatus.Fail)
      if (success) settled++
      await database.write((tx) =>
        recordRemoteAttempts(
          tx,
          m.id,
          SVIX_OWNER,
          attempts,
          success
            ? { state: 'succeeded', at: success.timestamp }
            : failure
              ? { state: 'failed', error: `Svix: endpoint answered ${failure.responseStatusCode}` }
              : null,
        ),
      )
    }
    return settled
  }

  /** Expunges, in Svix, the content of every handed-over message of an erased report. */
  async function expungeErased(limit = 100): Promise<number> {
    const due = await database.db
      .select({ id: messages.id, receiverId: messages.receiverId })
      .from(messages)
      .innerJoin(reports, eq(reports.id, messages.reportId))
      .where(
        and(
          eq(remoteCopies.handedTo, SVIX_OWNER),
          isNull(remoteCopies.erasedAt),
          isNotNull(reports.erasedAt),
        ),
      )
      .limit(limit)
    const done: string[] = []
    for (const m of due) {
      try {
        await svix.message.expungeContent(m.receiverId, m.id)
        const attempts = await svix.messageAttempt.listByMsg(m.receiverId, m.id)
        for (const a of attempts.data) {
          await svix.messageAttempt.expungeContent(m.receiverId, m.id, a.id)
        }
        done.push(m.id)
      } catch (error) {
        // Svix no longer has it: nothing left to expunge.
        if (error instanceof ApiException && error.code === 404) done.push(m.id)
        else
          logger.warn(
            { event: 'delivery.svix_expunge_failed', messageId: m.id, err: error },
            'svix expunge failed; retried at the next poll',
          )
      }
    }
    await database.write((tx) => markRemoteErased(tx, done, new Date(clock.now())))
    return done.length
  }

  async function step(): Promise<number> {
    const handed = await handOverDue()
    await readBack()
    await expungeErased()
    return handed
  }

  const loop = new PollLoop(
    async () => {
      await step()
      return 'sleep'
    },
    options.pollIntervalMs ?? 1_000,
    (error) => logger.error({ event: 'delivery.worker_error', err: error }, 'svix engine error'),
  )

  return {
    ssrf: options.ssrf ?? {},
    start: () => loop.start(),
    wake: () => loop.wake(),
    runOnce: step,
    stop: () => loop.stop(),
    kill: () => loop.stop(),
  }
}
