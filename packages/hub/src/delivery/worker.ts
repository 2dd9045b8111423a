/**
 * The embedded outbox worker: claims due messages under a lease, hands each to its receiver's
 * gate, and has its attempt recorded. Steps in the engines' one poll loop: at once while there
 * is room and work, else at the poll interval or on `wake()`. `stop()` stops claiming and waits
 * for attempts in flight; `kill()` (tests, crash simulation) abandons them unrecorded, leaving
 * their leases to expire.
 */
import { inArray } from 'drizzle-orm'
import type { Logger } from 'pino'
import type { DatabaseHandle } from '../db/client'
import type { ReceiverRow } from '../db/rows'
import { receivers } from '../db/schema'
import { type AttemptContext, attemptDelivery, LeaseLostError } from './attempt'
import type { AttemptRecorder } from './attempt-recorder'
import { ReceiverGate } from './gate'
import { PollLoop, type StepResult } from './poll-loop'
import { type ClaimedMessage, cancelErased, claimDue, renewLease } from './transitions'

export interface WorkerOptions {
  leaseMs: number
  pollIntervalMs: number
  batchSize: number
  /** Attempts in flight across all receivers. */
  maxInFlight: number
  /** Renew a lease that has less than this left before sending (timeout + margin). */
  leaseMarginMs: number
}

export interface WorkerContext extends AttemptContext {
  database: DatabaseHandle
  logger: Logger
  recorder: AttemptRecorder
}

type Dispatchable = ClaimedMessage & { receiver: ReceiverRow }

export class OutboxWorker {
  readonly #ctx: WorkerContext
  readonly #o: WorkerOptions
  readonly #gates = new Map<string, ReceiverGate>()
  readonly #inFlight = new Set<Promise<void>>()
  readonly #abort = new AbortController()
  readonly #loop: PollLoop

  constructor(ctx: WorkerContext, options: WorkerOptions) {
    this.#ctx = ctx
    this.#o = options
    this.#loop = new PollLoop(
      () => this.#step(),
      options.pollIntervalMs,
      (error) =>
        ctx.logger.error({ event: 'delivery.worker_error', err: error }, 'outbox worker error'),
    )
  }

  start(): void {
    this.#loop.start()
  }

  wake(): void {
    this.#loop.wake()
  }

  async stop(): Promise<void> {
    await this.#loop.stop()
    await Promise.allSettled([...this.#inFlight])
  }

  /** Crash-stop: abandon attempts in flight without recording them. */
  async kill(): Promise<void> {
    this.#abort.abort()
    await this.stop()
  }

  /** Claims and delivers everything due now, until nothing is; for tests and the CLI. */
  async runOnce(): Promise<number> {
    let total = 0
    for (;;) {
      const batch = await this.#claim(this.#o.batchSize)
      if (batch.length === 0) break
      total += batch.length
      await Promise.all(batch.map((m) => this.#dispatch(m)))
    }
    return total
  }

  async #step(): Promise<StepResult> {
    // Claim in sizeable batches: each claim is a write, so topping up one slot at a time
    // would cost more than the deliveries themselves.
    const room = this.#o.maxInFlight - this.#inFlight.size
    const worthIt =
      this.#inFlight.size === 0 || room >= Math.min(this.#o.batchSize, this.#o.maxInFlight / 4)
    if (!worthIt) return 'sleep'
    const batch = await this.#claim(Math.min(room, this.#o.batchSize))
    for (const message of batch) {
      const task = this.#dispatch(message).finally(() => {
        this.#inFlight.delete(task)
        // A freed slot: claim again without waiting for the poll.
        this.wake()
      })
      this.#inFlight.add(task)
    }
    return batch.length > 0 && this.#inFlight.size < this.#o.maxInFlight ? 'again' : 'sleep'
  }

  async #claim(limit: number): Promise<Dispatchable[]> {
    if (limit <= 0) return []
    const { database, owner, clock } = this.#ctx
    const claimed = await database.write((tx) =>
      claimDue(tx, { workerId: owner, now: clock.now(), leaseMs: this.#o.leaseMs, limit }),
    )
    if (claimed.length === 0) return []
    // Receivers are read at each claim: a changed URL, secret or pacing applies at once.
    const ids = [...new Set(claimed.map((m) => m.receiverId))]
    const rows = await database.db.select().from(receivers).where(inArray(receivers.id, ids))
    const byId = new Map(rows.map((r) => [r.id, r]))
    return claimed.flatMap((m) => {
      const receiver = byId.get(m.receiverId)
      return receiver ? [{ ...m, receiver }] : []
    })
  }

  #gate(receiver: ReceiverRow): ReceiverGate {
    let gate = this.#gates.get(receiver.id)
    if (!gate) {
      gate = new ReceiverGate(receiver.concurrency, receiver.ratePerSecond)
      this.#gates.set(receiver.id, gate)
    }
    gate.concurrency = receiver.concurrency
    gate.ratePerSecond = receiver.ratePerSecond
    return gate
  }

  async #dispatch(message: Dispatchable): Promise<void> {
    const { database, owner, clock, recorder, logger } = this.#ctx
    const signal = this.#abort.signal
    try {
      if (signal.aborted) return
      const { payloadSealed } = message
      if (!payloadSealed) {
        // Erased after it was queued (withdrawal, retention): nothing to send, ever.
        await database.write((tx) => cancelErased(tx, message.id, owner))
        return
      }
      // The gate holds a slot only while the request is in flight, not while it is recorded.
      // A lease close to expiry after waiting at the gate is renewed before sending; if it was
      // lost meanwhile, another worker owns the message and this one sends nothing.
      const gate = this.#gate(message.receiver)
      const record = await attemptDelivery(
        this.#ctx,
        { ...message, payloadSealed },
        message.receiver,
        signal,
        (send) =>
          gate.run(async () => {
            const now = clock.now()
            if (message.leaseExpiresAt - now < this.#o.leaseMarginMs) {
              const kept = await database.write((tx) =>
                renewLease(tx, message.id, owner, now, this.#o.leaseMs),
              )
              if (!kept) throw new LeaseLostError(message.id)
              message.leaseExpiresAt = now + this.#o.leaseMs
            }
            return send()
          }),
      )
      if (!record) return
      await recorder.record(record)
      logger.debug(
        {
          event: 'delivery.attempt',
          messageId: message.id,
          receiverId: message.receiverId,
          outcome: record.outcome.kind,
          status: record.status,
        },
        'delivery attempt',
      )
    } catch (error) {
      logger.error(
        { event: 'delivery.attempt_error', messageId: message.id, err: error },
        'delivery attempt could not be recorded',
      )
    }
  }
}
