/**
 * Where the signing keys come from, like the encryption key (`crypto/key-source.ts`):
 * `SAFE_PLACE_SIGNING_KEYS` wins; without it, development creates `signing.key` in the data
 * folder on first start; production refuses to start without it, so a lost data folder never
 * silently means a new key no earlier pack verifies against.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ConfigError } from '../config'
import { generateSigningKeyEntry, SigningKeyError, SigningKeyring } from './signing-keys'

export const SIGNING_KEY_FILE_NAME = 'signing.key'

export interface SigningKeySourceResult {
  signingKeys: SigningKeyring
  /** Set when this call created the key file: the caller says so in the log. */
  createdKeyFile?: string
  source: 'env' | 'file'
}

function parse(raw: string): SigningKeyring {
  try {
    return SigningKeyring.parse(raw)
  } catch (error) {
    if (error instanceof SigningKeyError) {
      throw new ConfigError(`SAFE_PLACE_SIGNING_KEYS: ${error.message}`)
    }
    throw error
  }
}

export function loadSigningKeys(options: {
  signingKeys?: string | undefined
  dataDir: string
  production: boolean
}): SigningKeySourceResult {
  if (options.signingKeys) return { signingKeys: parse(options.signingKeys), source: 'env' }
  if (options.production) {
    throw new ConfigError(
      'SAFE_PLACE_SIGNING_KEYS: required when NODE_ENV=production (generate one with `safe-place-hub signing-key generate`)',
    )
  }
  const file = join(options.dataDir, SIGNING_KEY_FILE_NAME)
  let createdKeyFile: string | undefined
  if (!existsSync(file)) {
    mkdirSync(options.dataDir, { recursive: true })
    writeFileSync(file, `${generateSigningKeyEntry('local1')}\n`, { mode: 0o600, flag: 'wx' })
    chmodSync(file, 0o600)
    createdKeyFile = file
  }
  const result: SigningKeySourceResult = {
    signingKeys: parse(readFileSync(file, 'utf8')),
    source: 'file',
  }
  if (createdKeyFile) result.createdKeyFile = createdKeyFile
  return result
}
