/**
 * Read access to a hub's database file from a suite, with a libSQL connection of its own: what
 * the admin API does not show (attempt worker ids, leases, integrity). Reads only; the hub
 * processes own every write.
 */
import { join } from 'node:path'
import { createClient } from '@libsql/client'

export interface HubDb {
  all<T>(sql: string, args?: (string | number | null)[]): Promise<T[]>
  close(): void
}

export async function openHubDb(dataDir: string): Promise<HubDb> {
  const client = createClient({ url: `file:${join(dataDir, 'hub.db')}` })
  return {
    async all<T>(sql: string, args: (string | number | null)[] = []) {
      const result = await client.execute({ sql, args })
      return result.rows.map((row) => ({ ...row }) as T)
    },
    close: () => client.close(),
  }
}

/** Messages by state, e.g. `{ succeeded: 300, failed: 2 }`. */
export async function messageStates(db: HubDb): Promise<Record<string, number>> {
  const rows = await db.all<{ state: string; n: number }>(
    'SELECT state, count(*) AS n FROM messages GROUP BY state',
  )
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]))
}

/** True when nothing is left to deliver: no message pending, delivering or failed. */
export async function outboxDrained(db: HubDb): Promise<boolean> {
  const states = await messageStates(db)
  return !states.pending && !states.delivering && !states.failed
}
