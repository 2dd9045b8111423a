/**
 * An operator's console preferences, kept by the hub per API key so the console needs no web
 * storage: today how screenshots show (`blurred` by default; see the console's README for why).
 */
import type { ConsolePreferences } from '@safe-place/schemas'
import { eq } from 'drizzle-orm'
import { consolePreferences } from '../db/schema'
import type { ReadDb, WriteTx } from '../db/types'

const DEFAULTS: ConsolePreferences = { mediaDisplay: 'blurred' }

export async function preferencesOf(db: ReadDb, apiKeyId: string): Promise<ConsolePreferences> {
  const [row] = await db
    .select()
    .from(consolePreferences)
    .where(eq(consolePreferences.apiKeyId, apiKeyId))
  return row ? { mediaDisplay: row.mediaDisplay as ConsolePreferences['mediaDisplay'] } : DEFAULTS
}

export async function savePreferences(
  tx: WriteTx,
  apiKeyId: string,
  preferences: ConsolePreferences,
  now: Date,
): Promise<ConsolePreferences> {
  await tx
    .insert(consolePreferences)
    .values({ apiKeyId, mediaDisplay: preferences.mediaDisplay, updatedAt: now })
    .onConflictDoUpdate({
      target: consolePreferences.apiKeyId,
      set: { mediaDisplay: preferences.mediaDisplay, updatedAt: now },
    })
  return preferences
}
