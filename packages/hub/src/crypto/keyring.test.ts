import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { DecryptionError, Keyring } from './keyring'

const k1 = { id: 'k1', key: randomBytes(32) }
const k2 = { id: 'k2', key: randomBytes(32) }

describe('Keyring', () => {
  it('round-trips text and never leaves the plaintext in the sealed value', () => {
    const ring = new Keyring(k1)
    const sealed = ring.seal('ma description très personnelle', 'report:rpt_1')
    expect(sealed).not.toContain('description')
    expect(sealed.startsWith('v1.k1.')).toBe(true)
    expect(ring.open(sealed, 'report:rpt_1')).toBe('ma description très personnelle')
  })

  it('binds the context: a value moved to another row does not open', () => {
    const ring = new Keyring(k1)
    const sealed = ring.seal('secret', 'report:rpt_1')
    expect(() => ring.open(sealed, 'report:rpt_2')).toThrow(DecryptionError)
  })

  it('rejects a tampered value', () => {
    const ring = new Keyring(k1)
    const sealed = ring.seal('secret', 'c')
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}${sealed.slice(-1)}`
    expect(() => ring.open(tampered, 'c')).toThrow(DecryptionError)
  })

  it('rotates: new writes use the new key, old rows stay readable', () => {
    const old = new Keyring(k1)
    const sealedBefore = old.seal('before', 'c')
    const rotated = new Keyring(k2, [k1])
    expect(rotated.open(sealedBefore, 'c')).toBe('before')
    expect(rotated.seal('after', 'c').startsWith('v1.k2.')).toBe(true)
    expect(() => new Keyring(k2).open(sealedBefore, 'c')).toThrow(/not in the keyring/)
  })

  it('seals bytes', () => {
    const ring = new Keyring(k1)
    const data = randomBytes(1000)
    const sealed = ring.sealBytes(data, 'attachment:a1')
    expect(sealed.includes(data.subarray(0, 32))).toBe(false)
    expect(ring.openBytes(sealed, 'attachment:a1').equals(data)).toBe(true)
  })
})
