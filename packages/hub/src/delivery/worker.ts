/**
 * The embedded outbox worker: claims due messages under a lease, hands each to its receiver's
 * gate, and records the outcome. Polls every `pollIntervalMs`, or at once on `wake()`. `stop()`
 * stops claiming and waits for attempts in flight; `kill()` (tests, crash simulation) abandons
 * them without recording, leaving their leases to expire.
 */
import { inArray } from 'drizzle-orm'
import { receivers } from '../db/schema'
import { type AttemptContext, attemptDelivery } from './attempt'
import { ReceiverGate } from './gate'
import { type ClaimedMessage, claimDueMessages, LeaseLostError, renewLease } from './lease'

type ReceiverRow = typeof receivers.$inferSelect

export interface WorkerOptions {
  leaseMs: number
  pollIntervalMs: number
  batchSize: number
  /** Attempts in flight across all receivers. */
  maxInFlight: number
  /** Renew a lease that has less than this left before sending (timeout + margin). */
  leaseMarginMs: number
}

export class OutboxWorker {
  readonly #ctx: AttemptContext
  readonly #o: WorkerOptions
  readonly #gates = new Map<string, ReceiverGate>()
  readonly #inFlight = new Set<Promise<void>>()
  readonly #abort = new AbortController()
  #running = false
  #loop: Promise<void> | null = null
  #wakeUp: (() => void) | null = null
  #woken = false

  constructor(ctx: AttemptContext, options: WorkerOptions) {
    this.#ctx = ctx
    this.#o = options
  }

  start(): void {
    if (this.#running) return
    this.#running = true
    this.#loop = this.#run()
  }

  wake(): void {
    this.#woken = true
    this.#wakeUp?.()
  }

  async stop(): Promise<void> {
    this.#running = false
    this.wake()
    await this.#loop
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

  async #run(): Promise<void> {
    while (this.#running) {
      let claimed = 0
      try {
        // Claim in sizeable batches: each claim is a write (an fsync), so topping up one slot
        // at a time would cost more than the deliveries themselves.
        const room = this.#o.maxInFlight - this.#inFlight.size
        const worthIt =
          this.#inFlight.size === 0 || room >= Math.min(this.#o.batchSize, this.#o.maxInFlight / 4)
        const batch = worthIt ? await this.#claim(Math.min(room, this.#o.batchSize)) : []
        claimed = batch.length
        for (const message of batch) {
          const task = this.#dispatch(message).finally(() => {
            this.#inFlight.delete(task)
            this.wake()
          })
          this.#inFlight.add(task)
        }
      } catch (error) {
        this.#ctx.logger.error(
          { event: 'delivery.worker_error', err: error },
          'outbox worker error',
        )
      }
      if (!this.#running) break
      if (claimed > 0 && this.#inFlight.size < this.#o.maxInFlight) continue
      if (claimed === 0 && this.#inFlight.size > 0) {
        // Busy: wait for completions (each wakes us) rather than polling the database.
        await this.#sleep(this.#o.pollIntervalMs)
        continue
      }
      await this.#sleep(this.#o.pollIntervalMs)
    }
  }

  #sleep(ms: number): Promise<void> {
    if (this.#woken) {
      this.#woken = false
      return Promise.resolve()
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms)
      timer.unref?.()
      this.#wakeUp = done
      const self = this
      function done() {
        clearTimeout(timer)
        self.#wakeUp = null
        self.#woken = false
        resolve()
      }
    })
  }

  #receiverCache = new Map<string, ReceiverRow>()

  async #claim(limit: number): Promise<(ClaimedMessage & { receiver: ReceiverRow })[]> {
    if (limit <= 0) return []
    const claimed = await claimDueMessages(this.#ctx.statements, {
      workerId: this.#ctx.workerId,
      now: this.#ctx.clock.now(),
      leaseMs: this.#o.leaseMs,
      limit,
    })
    if (claimed.length === 0) return []
    // Receivers are re-read at each claim: a changed URL, secret or pacing applies at once.
    const ids = [...new Set(claimed.map((m) => m.receiverId))]
    const rows = await this.#ctx.db.select().from(receivers).where(inArray(receivers.id, ids))
    this.#receiverCache = new Map(rows.map((r) => [r.id, r]))
    return claimed.flatMap((m) => {
      const receiver = this.#receiverCache.get(m.receiverId)
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

  async #dispatch(message: ClaimedMessage & { receiver: ReceiverRow }): Promise<void> {
    const signal = this.#abort.signal
    try {
      if (signal.aborted) return
      // The gate holds a slot only while the request is in flight, not while it is recorded.
      // A lease close to expiry after waiting at the gate is renewed before sending; if it was
      // lost meanwhile, another worker owns the message and this one sends nothing.
      const gate = this.#gate(message.receiver)
      await attemptDelivery(this.#ctx, message, message.receiver, signal, (send) =>
        gate.run(async () => {
          const now = this.#ctx.clock.now()
          if (message.leaseExpiresAt - now < this.#o.leaseMarginMs) {
            const kept = await this.#ctx.writer.exclusive(() =>
              renewLease(this.#ctx.db, message.id, this.#ctx.workerId, now, this.#o.leaseMs),
            )
            if (!kept) throw new LeaseLostError(message.id)
            message.leaseExpiresAt = now + this.#o.leaseMs
          }
          return send()
        }),
      )
    } catch (error) {
      this.#ctx.logger.error(
        { event: 'delivery.attempt_error', messageId: message.id, err: error },
        'delivery attempt could not be recorded',
      )
    }
  }
}
