/**
 * @safe-place/hub: the Safe Place hub as a library — `createHub` (the Hono app, for any
 * runtime), `startHub` (the Node server), configuration and the pieces an embedder needs.
 *
 * @example
 * import { loadConfig, startHub } from '@safe-place/hub'
 * const hub = await startHub(loadConfig())
 */
/** The first operator key of a new install, as `safe-place-hub api-key add` makes it. */
export { createApiKey } from './admin/api-keys'
export { createHub, type HubApp, type HubOptions } from './app'
export { requireApiKey } from './auth/api-key'
export type { ApiKeyPrincipal } from './auth/principal'
export { ConfigError, type ConfigOverrides, HubConfig, loadConfig } from './config'
export { generateKeyEntry, loadKeyring, parseKeys } from './crypto/key-source'
export { Keyring, type KeyringKey } from './crypto/keyring'
export { type DatabaseHandle, openDatabase } from './db/client'
export type { ReadDb, WriteTx } from './db/types'
export { loadSigningKeys } from './evidence/signing-key-source'
export { generateSigningKeyEntry, SigningKeyring } from './evidence/signing-keys'
export { HubError } from './hub-error'
export { createLogger } from './logging/logger'
export { purgeExpired } from './retention/purge'
export { type RunningHub, startHub } from './server'
export { HubSettings, type HubSettingsInput } from './settings'
