/**
 * What a CLI command needs: the validated configuration (global flags + environment), and
 * helpers to open the database and the keyring only when the command uses them.
 */
import { type HubConfig, loadConfig } from '../config'
import { loadKeyring } from '../crypto/key-source'
import type { Keyring } from '../crypto/keyring'
import { type DatabaseHandle, openDatabase } from '../db/client'
import { loadSigningKeys } from '../evidence/signing-key-source'
import type { SigningKeyring } from '../evidence/signing-keys'

export interface GlobalOptions {
  databaseUrl?: string
  dataDir?: string
}

export interface CliContext {
  config(): HubConfig
  /** Opens (and migrates) the database; the command closes it via `withDatabase`. */
  withDatabase<T>(fn: (handle: DatabaseHandle) => Promise<T>): Promise<T>
  keyring(): Keyring
  signingKeys(): SigningKeyring
  print(value: unknown): void
}

export function createCliContext(
  globals: () => GlobalOptions,
  out: (line: string) => void,
): CliContext {
  const config = () => loadConfig(process.env, globals())
  return {
    config,
    async withDatabase(fn) {
      const c = config()
      const handle = await openDatabase({ url: c.databaseUrl, authToken: c.databaseAuthToken })
      try {
        await handle.migrate()
        return await fn(handle)
      } finally {
        await handle.close()
      }
    },
    keyring() {
      const c = config()
      return loadKeyring({ keys: c.keys, dataDir: c.dataDir, production: c.production }).keyring
    },
    signingKeys() {
      const c = config()
      return loadSigningKeys({
        signingKeys: c.signingKeys,
        dataDir: c.dataDir,
        production: c.production,
      }).signingKeys
    },
    print(value) {
      out(typeof value === 'string' ? value : JSON.stringify(value, null, 2))
    },
  }
}
