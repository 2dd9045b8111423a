import { createHash, randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { Keyring } from '../crypto/keyring'
import { requestDigest } from './idempotency'

describe('idempotency fingerprints', () => {
  const report = { category: 'threat', contact: { channel: 'email', value: 'a@b.example' } }
  const digest = requestDigest(report)

  it('are keyed: a copy of the database cannot confirm a guessed report without the key', () => {
    const keyring = new Keyring({ id: 'k1', key: randomBytes(32) })
    const stored = keyring.fingerprint(digest, 'idempotency-request')
    // Neither the digest nor a plain hash of the report is what is stored.
    const plain = createHash('sha256').update(JSON.stringify(report)).digest()
    for (const guess of [digest, plain]) {
      expect(stored).not.toContain(guess.toString('hex'))
      expect(stored).not.toContain(guess.toString('base64url'))
    }
    expect(keyring.matchesFingerprint(stored, digest, 'idempotency-request')).toBe(true)
    expect(
      keyring.matchesFingerprint(stored, requestDigest({ ...report, x: 1 }), 'idempotency-request'),
    ).toBe(false)
    const other = new Keyring({ id: 'k1', key: randomBytes(32) })
    expect(other.matchesFingerprint(stored, digest, 'idempotency-request')).toBe(false)
  })

  it('still match after a key rotation, under the key that made them', () => {
    const old = { id: 'k1', key: randomBytes(32) }
    const stored = new Keyring(old).fingerprint(digest, 'idempotency-request')
    const rotated = new Keyring({ id: 'k2', key: randomBytes(32) }, [old])
    expect(rotated.matchesFingerprint(stored, digest, 'idempotency-request')).toBe(true)
    expect(rotated.matchesFingerprint(stored, digest, 'another-purpose')).toBe(false)
  })
})
