import { createCipheriv, randomBytes } from 'node:crypto'
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

  describe('opens only a full 16-byte tag', () => {
    /** A genuine AES-256-GCM value under k1 whose tag is `tagBytes` long, in the text format. */
    function sealedWithTag(plain: string, context: string, tagBytes: number): string {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', k1.key, iv, { authTagLength: tagBytes })
      cipher.setAAD(Buffer.from(context))
      const body = Buffer.concat([
        cipher.update(Buffer.from(plain)),
        cipher.final(),
        cipher.getAuthTag(),
      ])
      return `v1.k1.${iv.toString('base64url')}.${body.toString('base64url')}`
    }
    const toBytes = (sealed: string) => {
      const [, id, iv, body] = sealed.split('.') as [string, string, string, string]
      return Buffer.concat([
        Buffer.from([id.length]),
        Buffer.from(id),
        Buffer.from(iv, 'base64url'),
        Buffer.from(body, 'base64url'),
      ])
    }
    const ring = new Keyring(k1)

    it('opens the same construction with a 16-byte tag (so the refusals below are about length)', () => {
      expect(ring.open(sealedWithTag('', 'c', 16), 'c')).toBe('')
      expect(ring.open(sealedWithTag('secret', 'c', 16), 'c')).toBe('secret')
      expect(ring.openBytes(toBytes(sealedWithTag('secret', 'c', 16)), 'c').toString()).toBe(
        'secret',
      )
    })

    for (const tagBytes of [4, 12]) {
      it(`refuses a value whose tag is ${tagBytes} bytes, though GCM would verify it`, () => {
        for (const plain of ['', 'secret']) {
          const short = sealedWithTag(plain, 'c', tagBytes)
          expect(() => ring.open(short, 'c'), JSON.stringify(plain)).toThrow(DecryptionError)
          expect(() => ring.openBytes(toBytes(short), 'c')).toThrow(DecryptionError)
        }
      })

      it(`refuses a sealed value whose tag was cut to ${tagBytes} bytes`, () => {
        for (const plain of ['', 'secret']) {
          const [v, id, iv, body] = ring.seal(plain, 'c').split('.') as [
            string,
            string,
            string,
            string,
          ]
          const cut = Buffer.from(body, 'base64url').subarray(0, plain.length + tagBytes)
          const sealed = `${v}.${id}.${iv}.${cut.toString('base64url')}`
          expect(() => ring.open(sealed, 'c')).toThrow(DecryptionError)
          expect(() => ring.openBytes(toBytes(sealed), 'c')).toThrow(DecryptionError)
        }
      })
    }

    it('refuses an IV that is not 12 bytes', () => {
      const [v, id, , body] = ring.seal('secret', 'c').split('.')
      const sealed = `${v}.${id}.${randomBytes(16).toString('base64url')}.${body}`
      expect(() => ring.open(sealed, 'c')).toThrow(DecryptionError)
    })
  })
})
