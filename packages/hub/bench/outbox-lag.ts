/**
 * The outbox lag: the age of the oldest message not yet delivered (pending, being delivered,
 * or waiting for a retry), read from the hub's libSQL file on a read-only connection of the
 * bench's own, so sampling it costs the hub nothing (WAL: readers never block the writer). The
 * only place a bench reads the outbox directly, through the one table the delivery engine is
 * documented to keep (`messages`, states pending/delivering/succeeded/failed/dead).
 */
import Database from 'libsql'

export interface OutboxSample {
  /** When sampled (epoch ms). */
  at: number
  /** Messages not yet delivered. */
  backlog: number
  /** Age of the oldest of them in ms; 0 when there is none. */
  lagMs: number
  /** Messages given up on: the hub will not deliver them (should stay 0). */
  dead: number
}

export interface OutboxReader {
  sample(): OutboxSample
  close(): void
}

export function openOutboxReader(databasePath: string): OutboxReader {
  const db = new Database(databasePath, { readonly: true, timeout: 1000 })
  const waiting = db.prepare(
    `SELECT count(*) AS backlog, min(created_at) AS oldest FROM messages
     WHERE state IN ('pending', 'delivering', 'failed')`,
  )
  const dead = db.prepare(`SELECT count(*) AS dead FROM messages WHERE state = 'dead'`)
  return {
    sample() {
      const w = waiting.get() as { backlog: number; oldest: number | null }
      const d = dead.get() as { dead: number }
      const at = Date.now()
      return {
        at,
        backlog: Number(w.backlog),
        lagMs: w.oldest === null ? 0 : Math.max(0, at - Number(w.oldest)),
        dead: Number(d.dead),
      }
    },
    close: () => db.close(),
  }
}
