/**
 * Group commit for successful deliveries: outcomes are written many at a time in one
 * `batch` (one write transaction, one fsync) instead of one transaction each, which is what
 * keeps signed delivery close to the speed of plain POSTs on a libSQL file. While a batch is
 * being written (on the engine's writer thread when it has one) the next one accumulates.
 * Failures keep their own transaction (they read the endpoint's failure streak).
 */
import type { StatementWriter, WriteStatement } from '../db/writer-thread'
import { newId } from '../ids'

export interface SuccessRecord {
  messageId: string
  receiverId: string
  reportId: string | null
  eventType: string
  workerId: string
  attempts: number
  startedAt: number
  finishedAt: number
  durationMs: number
  status: number
  /** Sealed (`response-body.ts`), or null when the receiver answered nothing. */
  responseBody: string | null
}

type Pending = { record: SuccessRecord; done: () => void; fail: (e: unknown) => void }

export class SuccessBatcher {
  #queue: Pending[] = []
  #flushing: Promise<void> | null = null

  constructor(
    private readonly writer: StatementWriter,
    private readonly maxBatch = 512,
    private readonly lingerMs = 10,
  ) {}

  add(record: SuccessRecord): Promise<void> {
    return new Promise((done, fail) => {
      this.#queue.push({ record, done, fail })
      if (!this.#flushing) this.#flushing = this.#drain()
    })
  }

  /** Resolves once everything queued so far is written. */
  async idle(): Promise<void> {
    while (this.#flushing) await this.#flushing
  }

  async #drain(): Promise<void> {
    // Let the attempts finishing in the next few milliseconds join the batch: one commit
    // (one fsync) for all of them. Delivery itself has already happened; only its record waits.
    await new Promise((r) => setTimeout(r, this.lingerMs))
    while (this.#queue.length > 0) {
      const group = this.#queue.splice(0, this.maxBatch)
      try {
        await this.#write(group.map((p) => p.record))
        for (const p of group) p.done()
      } catch (error) {
        for (const p of group) p.fail(error)
      }
    }
    this.#flushing = null
  }

  /**
   * Three or four statements per batch whatever its size: one UPDATE of the messages still
   * leased by their worker, one multi-row INSERT of attempts, one of timeline entries, one
   * clearing the receivers' failure streaks. Plain SQL on the driver: building thousands of
   * parameters through the query builder cost more than SQLite running them.
   * `delivered_at` is the batch's write time (within milliseconds of each answer; the attempt
   * row keeps its own time).
   */
  async #write(records: SuccessRecord[]): Promise<void> {
    const now = records.reduce((latest, r) => Math.max(latest, r.finishedAt), 0)
    const marks = (n: number, group: string) => Array.from({ length: n }, () => group).join(',')
    const byWorker = new Map<string, string[]>()
    for (const r of records) {
      const ids = byWorker.get(r.workerId)
      if (ids) ids.push(r.messageId)
      else byWorker.set(r.workerId, [r.messageId])
    }
    const statements: WriteStatement[] = []
    for (const [workerId, ids] of byWorker) {
      statements.push({
        sql: `UPDATE messages SET state = 'succeeded', attempts = attempts + 1, delivered_at = ?,
                last_error = NULL, next_attempt_at = NULL, lease_owner = NULL, lease_expires_at = NULL
              WHERE lease_owner = ? AND id IN (${marks(ids.length, '?')})`,
        args: [now, workerId, ...ids],
      })
    }
    statements.push({
      sql: `INSERT INTO delivery_attempts
              (id, message_id, worker_id, attempted_at, response_status, duration_ms, response_body, error)
            VALUES ${marks(records.length, '(?, ?, ?, ?, ?, ?, ?, NULL)')}`,
      args: records.flatMap((r) => [
        newId('atm'),
        r.messageId,
        r.workerId,
        r.startedAt,
        r.status,
        r.durationMs,
        r.responseBody,
      ]),
    })
    const delivered = records.filter((r) => r.reportId && r.eventType === 'report.created')
    if (delivered.length) {
      statements.push({
        sql: `INSERT INTO timeline_events (id, report_id, at, kind, receiver_id)
              VALUES ${marks(delivered.length, "(?, ?, ?, 'delivered', ?)")}`,
        args: delivered.flatMap((r) => [newId('evt'), r.reportId, r.finishedAt, r.receiverId]),
      })
    }
    const receiverIds = [...new Set(records.map((r) => r.receiverId))]
    statements.push({
      sql: `UPDATE receivers SET failing_since = NULL
            WHERE failing_since IS NOT NULL AND id IN (${marks(receiverIds.length, '?')})`,
      args: receiverIds,
    })
    await this.writer.write(statements)
  }
}
