/**
 * `requireApiKey(...scopes)`: the middleware guarding every secret-key route. It reads
 * `Authorization: Bearer <api key>`, looks the SHA-256 of the secret up, refuses revoked keys
 * and keys outside `scopes`, and sets the typed principal `{ keyId, scope, partnerId,
 * receiverId }` (`auth/principal.ts`) as `c.get('principal')`. Only then is a JSON body read,
 * bounded (`http/after-auth.ts`): a caller without a valid key never gets one read.
 *
 * Shared with the receiver routes (delivery work): keep the name and the principal stable.
 *
 * @example
 * app.use('/v1/admin/*', requireApiKey('operator', 'partner'))
 * app.get('/v1/admin/x', (c) => c.json(c.get('principal')))
 */
import type { ApiKeyScope } from '@safe-place/schemas'
import { and, eq, isNull } from 'drizzle-orm'
import { createMiddleware } from 'hono/factory'
import { apiKeys } from '../db/schema'
import { thenJsonBody } from '../http/after-auth'
import type { HubEnv } from '../http/env'
import { HubError } from '../hub-error'
import type { ApiKeyPrincipal } from './principal'
import { bearerToken, sha256Hex } from './secrets'

export type { ApiKeyPrincipal } from './principal'

export function requireApiKey(...scopes: ApiKeyScope[]) {
  return thenJsonBody(apiKeyOnly(scopes))
}

function apiKeyOnly(scopes: ApiKeyScope[]) {
  return createMiddleware<HubEnv>(async (c, next) => {
    const secret = bearerToken(c.req.header('authorization'))
    if (!secret) throw new HubError('unauthorized', 'Send an API key as Authorization: Bearer …')
    const { db, now } = c.get('hub')
    const [row] = await db
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.secretHash, sha256Hex(secret)), isNull(apiKeys.revokedAt)))
      .limit(1)
    if (!row) throw new HubError('unauthorized', 'The API key is unknown or revoked.')
    if (scopes.length > 0 && !scopes.includes(row.scope as ApiKeyScope)) {
      throw new HubError('forbidden', `This route needs a key of scope ${scopes.join(' or ')}.`)
    }
    const principal: ApiKeyPrincipal = {
      keyId: row.id,
      scope: row.scope as ApiKeyScope,
      partnerId: row.partnerId,
      receiverId: row.receiverId,
    }
    c.set('principal', principal)
    // Best effort and at most once a minute per key: bookkeeping must neither fail a request
    // nor add a write to every read.
    const at = now()
    if (!row.lastUsedAt || at.getTime() - row.lastUsedAt.getTime() > 60_000) {
      c.get('hub')
        .write((tx) => tx.update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, row.id)))
        .catch(() => {})
    }
    await next()
  })
}

/** The partner a principal is limited to, or `undefined` for the operator (sees all). */
export function tenantOf(principal: ApiKeyPrincipal): string | undefined {
  if (principal.scope === 'operator') return undefined
  if (!principal.partnerId) throw new HubError('forbidden')
  return principal.partnerId
}
