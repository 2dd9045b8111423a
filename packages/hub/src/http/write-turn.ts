/**
 * A route's writes, run in this process's write turn: behind intake's group commits and taking
 * turns with the delivery engine's writer thread, so they never wait for SQLite's lock inside
 * the synchronous driver (which would freeze the event loop). Keep slow work — a DNS check of
 * a receiver URL — outside: the turn holds every other writer back.
 */
import type { Context } from 'hono'
import type { HubEnv } from './env'

export function inWriteTurn<T>(c: Context<HubEnv>, fn: () => Promise<T>): Promise<T> {
  return c.get('hub').writeLock.run(fn)
}
