import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { deriveStatsKey, generateKeyEntry, KEY_FILE_NAME, loadKeyring } from './key-source'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sp-keys-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('loadKeyring', () => {
  it('creates a private key file on first start, then reuses it', () => {
    const first = loadKeyring({ dataDir: dir, production: false })
    expect(first.createdKeyFile).toBe(join(dir, KEY_FILE_NAME))
    expect(statSync(join(dir, KEY_FILE_NAME)).mode & 0o777).toBe(0o600)
    const sealed = first.keyring.seal('x', 'c')
    const second = loadKeyring({ dataDir: dir, production: false })
    expect(second.createdKeyFile).toBeUndefined()
    expect(second.keyring.open(sealed, 'c')).toBe('x')
    expect(second.powHmacKey).toBe(first.powHmacKey)
  })

  it('refuses to start in production without explicit keys, and creates no file', () => {
    expect(() => loadKeyring({ dataDir: dir, production: true })).toThrow(/SAFE_PLACE_KEYS/)
    expect(existsSync(join(dir, KEY_FILE_NAME))).toBe(false)
  })

  it('rotates with SAFE_PLACE_KEYS: the first key writes, the others still read', () => {
    const old = generateKeyEntry('old')
    const sealed = loadKeyring({ keys: old, dataDir: dir, production: true }).keyring.seal('x', 'c')
    const rotated = loadKeyring({
      keys: `${generateKeyEntry('new')},${old}`,
      dataDir: dir,
      production: true,
    })
    expect(rotated.keyring.currentId).toBe('new')
    expect(rotated.keyring.open(sealed, 'c')).toBe('x')
    expect(() => loadKeyring({ keys: 'k1:short', dataDir: dir, production: true })).toThrow(
      /32 bytes/,
    )
  })

  it('derives one statistics key per operator key, the same in every process', () => {
    const entry = generateKeyEntry('k1')
    const first = deriveStatsKey(
      loadKeyring({ keys: entry, dataDir: dir, production: true }).keyring,
    )
    const again = deriveStatsKey(
      loadKeyring({ keys: entry, dataDir: dir, production: true }).keyring,
    )
    const other = deriveStatsKey(
      loadKeyring({ keys: generateKeyEntry('k2'), dataDir: dir, production: true }).keyring,
    )
    expect(first).toHaveLength(32)
    expect(again.equals(first)).toBe(true)
    expect(other.equals(first)).toBe(false)
    // Not the proof-of-work key, which anyone solving a challenge works against.
    const pow = loadKeyring({ keys: entry, dataDir: dir, production: true }).powHmacKey
    expect(first.toString('base64url')).not.toBe(pow)
  })
})
