/**
 * Where the operator key comes from. `SAFE_PLACE_KEYS` (`id:base64key,id:base64key`, the first
 * one current, the others kept to read older rows) wins; without it the embedded default
 * creates a key file in the data folder on first start. Production refuses to start without
 * explicit keys, so a lost data folder never silently means a new, different key.
 */
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ConfigError } from '../config'
import { Keyring, type KeyringKey } from './keyring'

export const KEY_FILE_NAME = 'hub.key'

export function parseKeys(raw: string): KeyringKey[] {
  const keys = raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [id, b64] = part.split(':')
      if (!id || !b64) throw new ConfigError('SAFE_PLACE_KEYS: each entry must be id:base64key')
      const key = Buffer.from(b64, 'base64')
      if (key.length !== 32) {
        throw new ConfigError(`SAFE_PLACE_KEYS: key ${id} must be 32 bytes in base64`)
      }
      if (!/^[A-Za-z0-9_-]{1,32}$/.test(id)) {
        throw new ConfigError(`SAFE_PLACE_KEYS: key id ${id} must be letters, digits, _ or -`)
      }
      return { id, key }
    })
  if (keys.length === 0) throw new ConfigError('SAFE_PLACE_KEYS: no key given')
  return keys
}

/** A fresh `SAFE_PLACE_KEYS` entry, for the operator to put in their secret store. */
export function generateKeyEntry(id = `k${Date.now().toString(36)}`): string {
  return `${id}:${randomBytes(32).toString('base64')}`
}

export interface KeySourceResult {
  keyring: Keyring
  /** Set when the key file was created by this call: the caller says so in the log. */
  createdKeyFile?: string
  source: 'env' | 'file'
  /** A secret for the proof-of-work HMAC, derived from the current key (same in every process). */
  powHmacKey: string
}

function derivePowKey(keyring: Keyring): string {
  return keyring.deriveKey('safe-place/pow-hmac').toString('base64url')
}

/**
 * The secret behind the statistics' rounding draws (`stats/rounding.ts`). Derived from the
 * current key, like the proof-of-work key, so every process and the CLI round alike: a draw
 * that changed between processes or restarts could be averaged away.
 */
export function deriveStatsKey(keyring: Keyring): Buffer {
  return keyring.deriveKey('safe-place/stats-rounding')
}

export interface KeySourceOptions {
  keys?: string | undefined
  dataDir: string
  production: boolean
}

export function loadKeyring(options: KeySourceOptions): KeySourceResult {
  if (options.keys) {
    const [current, ...previous] = parseKeys(options.keys)
    const keyring = new Keyring(current!, previous)
    return { keyring, source: 'env', powHmacKey: derivePowKey(keyring) }
  }
  if (options.production) {
    throw new ConfigError(
      'SAFE_PLACE_KEYS: required when NODE_ENV=production (generate one with `safe-place-hub key generate`)',
    )
  }
  const file = join(options.dataDir, KEY_FILE_NAME)
  let createdKeyFile: string | undefined
  if (!existsSync(file)) {
    mkdirSync(options.dataDir, { recursive: true })
    writeFileSync(file, `${generateKeyEntry('local1')}\n`, { mode: 0o600, flag: 'wx' })
    chmodSync(file, 0o600)
    createdKeyFile = file
  }
  const [current, ...previous] = parseKeys(readFileSync(file, 'utf8'))
  const keyring = new Keyring(current!, previous)
  const result: KeySourceResult = { keyring, source: 'file', powHmacKey: derivePowKey(keyring) }
  if (createdKeyFile) result.createdKeyFile = createdKeyFile
  return result
}
