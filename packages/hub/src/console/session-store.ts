/**
 * Console sessions in the database: an operator or receiver API key is exchanged for a random
 * session secret (the cookie) and a CSRF token. Only their SHA-256 are stored, with an expiry;
 * every lookup joins the API key, so a revoked key ends its sessions at once.
 */
import { createHmac, randomBytes } from 'node:crypto'
import type { ApiKeyScope, ConsoleRole } from '@safe-place/schemas'
import { and, eq, gt, isNull, lte } from 'drizzle-orm'
import type { ApiKeyPrincipal } from '../auth/principal'
import { sha256Hex } from '../auth/secrets'
import type { ApiKeyRow } from '../db/rows'
import { apiKeys, consoleSessions } from '../db/schema'
import type { ReadDb, WriteTx } from '../db/types'

/** Sessions last 8 hours: a working day, then sign in again. */
export const SESSION_TTL_MS = 8 * 3600 * 1000

export interface ConsolePrincipal extends ApiKeyPrincipal {
  role: ConsoleRole
  keyName: string
  sessionHash: string
  csrfHash: string
  expiresAt: Date
}

export interface NewSession {
  /** The cookie's value: shown to the browser once, never stored. */
  secret: string
  csrfToken: string
  expiresAt: Date
  principal: ConsolePrincipal
}

/** The console role of an API key scope, or null for scopes the console does not serve. */
function roleOf(scope: ApiKeyScope): ConsoleRole | null {
  if (scope === 'operator') return 'operator'
  if (scope === 'receiver') return 'receiver'
  return null
}

type KeyRow = ApiKeyRow

function principalOf(key: KeyRow, sessionHash: string, csrfHash: string, expiresAt: Date) {
  const role = roleOf(key.scope as ApiKeyScope)
  if (!role || (role === 'receiver' && !key.receiverId)) return null
  const principal: ConsolePrincipal = {
    keyId: key.id,
    scope: key.scope as ApiKeyScope,
    partnerId: key.partnerId,
    receiverId: key.receiverId,
    role,
    keyName: key.name,
    sessionHash,
    csrfHash,
    expiresAt,
  }
  return principal
}

/** Checks an API key and opens a session for it; null when the key may not use the console. */
export async function openSession(
  db: WriteTx,
  apiKeySecret: string,
  now: Date,
): Promise<NewSession | null> {
  const [key] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.secretHash, sha256Hex(apiKeySecret)), isNull(apiKeys.revokedAt)))
    .limit(1)
  if (!key) return null
  const secret = randomBytes(32).toString('base64url')
  const csrfToken = csrfTokenOf(secret)
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS)
  const principal = principalOf(key, sha256Hex(secret), sha256Hex(csrfToken), expiresAt)
  if (!principal) return null
  await db.insert(consoleSessions).values({
    id: principal.sessionHash,
    apiKeyId: key.id,
    csrfHash: principal.csrfHash,
    createdAt: now,
    expiresAt,
  })
  return { secret, csrfToken, expiresAt, principal }
}

/** The session behind a cookie value, if it exists, has not expired and its key is live. */
export async function findSession(
  db: ReadDb,
  secret: string,
  now: Date,
): Promise<ConsolePrincipal | null> {
  const sessionHash = sha256Hex(secret)
  const [row] = await db
    .select({ session: consoleSessions, key: apiKeys })
    .from(consoleSessions)
    .innerJoin(apiKeys, eq(apiKeys.id, consoleSessions.apiKeyId))
    .where(
      and(
        eq(consoleSessions.id, sessionHash),
        gt(consoleSessions.expiresAt, now),
        isNull(apiKeys.revokedAt),
      ),
    )
    .limit(1)
  if (!row) return null
  return principalOf(row.key, sessionHash, row.session.csrfHash, row.session.expiresAt)
}

/**
 * The CSRF token of a session, derived from its secret: the same in every tab, readable only by
 * a page of this origin (from `GET /v1/console/session`), never by a cross-site one.
 */
export function csrfTokenOf(secret: string): string {
  return createHmac('sha256', secret).update('safe-place console csrf').digest('base64url')
}

export async function closeSession(tx: WriteTx, sessionHash: string): Promise<void> {
  await tx.delete(consoleSessions).where(eq(consoleSessions.id, sessionHash))
}

/** Deletes expired sessions; returns how many. */
export async function purgeExpiredSessions(tx: WriteTx, now: Date): Promise<number> {
  const result = await tx.delete(consoleSessions).where(lte(consoleSessions.expiresAt, now))
  return result.rowsAffected
}
