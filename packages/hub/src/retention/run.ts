/**
 * One retention run, as `serve` schedules it hourly and `safe-place-hub retention run` does it
 * now: personal data past its period, expired idempotent answers and spent challenges, expired
 * console sessions.
 */
import { purgeExpiredSessions } from '../console/session-store'
import type { DatabaseHandle } from '../db/client'
import type { HubSettings } from '../settings'
import { type PurgeResult, purgeExpired, purgeExpiredTokens } from './purge'

export interface RetentionResult extends PurgeResult {
  idempotencyKeys: number
  challenges: number
  sessions: number
}

export async function runRetention(
  database: Pick<DatabaseHandle, 'db' | 'write'>,
  retention: HubSettings['retention'],
  now: Date,
): Promise<RetentionResult> {
  const purged = await purgeExpired(database, retention, now)
  const tokens = await purgeExpiredTokens(database, now)
  const sessions = await database.write((tx) => purgeExpiredSessions(tx, now))
  return { ...purged, ...tokens, sessions }
}
