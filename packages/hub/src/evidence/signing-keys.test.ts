import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SigningKeySet } from '@safe-place/schemas'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../config'
import { loadSigningKeys, SIGNING_KEY_FILE_NAME } from './signing-key-source'
import { generateSigningKeyEntry } from './signing-keys'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sp-signing-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** Verifies as any verifier would: Web Crypto with the published JWK alone. */
async function verifies(set: SigningKeySet, kid: string, signature: Buffer, data: string) {
  const jwk = set.keys.find((k) => k.kid === kid)
  if (!jwk) return false
  const key = await crypto.subtle.importKey('jwk', jwk, { name: 'Ed25519' }, false, ['verify'])
  return crypto.subtle.verify(
    { name: 'Ed25519' },
    key,
    new Uint8Array(signature),
    new TextEncoder().encode(data),
  )
}

describe('signing keys', () => {
  it('creates a private key file on first start in development, then reuses it', async () => {
    const first = loadSigningKeys({ dataDir: dir, production: false })
    expect(first.createdKeyFile).toBe(join(dir, SIGNING_KEY_FILE_NAME))
    expect(statSync(join(dir, SIGNING_KEY_FILE_NAME)).mode & 0o777).toBe(0o600)
    const second = loadSigningKeys({ dataDir: dir, production: false })
    expect(second.createdKeyFile).toBeUndefined()
    const { keyId, signature } = second.signingKeys.sign('head')
    expect(signature).toHaveLength(64)
    expect(await verifies(first.signingKeys.publicKeySet(), keyId, signature, 'head')).toBe(true)
    expect(await verifies(first.signingKeys.publicKeySet(), keyId, signature, 'hea')).toBe(false)
  })

  it('is required in production, named by its variable, and creates no file', () => {
    expect(() => loadSigningKeys({ dataDir: dir, production: true })).toThrow(
      /SAFE_PLACE_SIGNING_KEYS: required/,
    )
    expect(existsSync(join(dir, SIGNING_KEY_FILE_NAME))).toBe(false)
    for (const bad of ['s1:short', 'no-seed', 'bad id!:AAAA', `a:${'A'.repeat(44)}:x`]) {
      expect(() => loadSigningKeys({ signingKeys: bad, dataDir: dir, production: true })).toThrow(
        /SAFE_PLACE_SIGNING_KEYS/,
      )
    }
  })

  it('rotates: the first key signs, every key is published, so older signatures still verify', async () => {
    const old = generateSigningKeyEntry('old')
    const before = loadSigningKeys({ signingKeys: old, dataDir: dir, production: true })
    const signed = before.signingKeys.sign('pack')
    const rotated = loadSigningKeys({
      signingKeys: `${generateSigningKeyEntry('new')},${old}`,
      dataDir: dir,
      production: true,
    }).signingKeys
    expect(rotated.currentId).toBe('new')
    expect(rotated.sign('x').keyId).toBe('new')
    const published = SigningKeySet.parse(rotated.publicKeySet())
    expect(published.keys.map((k) => k.kid)).toEqual(['new', 'old'])
    expect(await verifies(published, 'old', signed.signature, 'pack')).toBe(true)
  })

  it('reads the variable with the configuration, and the evidence rate limit with it', () => {
    const config = loadConfig({
      SAFE_PLACE_SIGNING_KEYS: 'x',
      SAFE_PLACE_CLIENT_EVIDENCE_PER_MINUTE: '4',
    })
    expect(config.signingKeys).toBe('x')
    expect(config.settings.clientEvidencePerMinute).toBe(4)
    expect(() => loadConfig({ SAFE_PLACE_CLIENT_EVIDENCE_PER_MINUTE: '0' })).toThrow(
      /SAFE_PLACE_CLIENT_EVIDENCE_PER_MINUTE/,
    )
  })
})
