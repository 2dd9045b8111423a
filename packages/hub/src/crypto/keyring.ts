/**
 * Field encryption at rest: AES-256-GCM under an operator key with a key id, so keys can rotate.
 * New writes use the current key; rows sealed under an older key stay readable while that key
 * is in the keyring.
 *
 * Sealed format: `v1.<keyId>.<iv b64url>.<ciphertext+tag b64url>` (text) — or the same bytes
 * framed in a Buffer for binary data (`sealBytes`).
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  timingSafeEqual,
} from 'node:crypto'
import { pooledRandomBytes } from './random-pool'

export interface KeyringKey {
  id: string
  /** 32 bytes. */
  key: Buffer
}

export class DecryptionError extends Error {
  override readonly name = 'DecryptionError'
}

const IV_BYTES = 12
const TAG_BYTES = 16

export class Keyring {
  readonly #keys = new Map<string, Buffer>()
  readonly #macKeys = new Map<string, Buffer>()
  readonly currentId: string

  constructor(current: KeyringKey, previous: readonly KeyringKey[] = []) {
    for (const k of [current, ...previous]) {
      if (k.key.length !== 32) throw new RangeError(`Key ${k.id} must be 32 bytes`)
      if (!/^[A-Za-z0-9_-]{1,32}$/.test(k.id)) throw new RangeError(`Bad key id: ${k.id}`)
      this.#keys.set(k.id, k.key)
    }
    this.currentId = current.id
  }

  #encrypt(plain: Buffer, aad: string): { iv: Buffer; body: Buffer } {
    const iv = pooledRandomBytes(IV_BYTES)
    const cipher = createCipheriv('aes-256-gcm', this.#keys.get(this.currentId)!, iv, {
      authTagLength: TAG_BYTES,
    })
    cipher.setAAD(Buffer.from(aad))
    const body = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()])
    return { iv, body }
  }

  #decrypt(keyId: string, iv: Buffer, body: Buffer, aad: string): Buffer {
    const key = this.#keys.get(keyId)
    if (!key) throw new DecryptionError(`Key ${keyId} is not in the keyring`)
    // GCM verifies a tag of 4 to 16 bytes: a body shorter than ours would be taken whole as a
    // short tag, which a forger can hit by chance. Only our exact shape opens.
    if (iv.length !== IV_BYTES || body.length < TAG_BYTES) {
      throw new DecryptionError('Sealed value is truncated')
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES })
      decipher.setAAD(Buffer.from(aad))
      decipher.setAuthTag(body.subarray(body.length - TAG_BYTES))
      return Buffer.concat([
        decipher.update(body.subarray(0, body.length - TAG_BYTES)),
        decipher.final(),
      ])
    } catch (cause) {
      throw new DecryptionError('Sealed value failed authentication', { cause })
    }
  }

  /**
   * Seals a UTF-8 string. `context` (e.g. `report:rpt_…`) is bound as additional data, so a
   * sealed value copied into another row does not open there.
   */
  seal(plain: string, context: string): string {
    const { iv, body } = this.#encrypt(Buffer.from(plain, 'utf8'), context)
    return `v1.${this.currentId}.${iv.toString('base64url')}.${body.toString('base64url')}`
  }

  open(sealed: string, context: string): string {
    const [version, keyId, iv, body] = sealed.split('.')
    if (version !== 'v1' || !keyId || !iv || !body) throw new DecryptionError('Not a sealed value')
    return this.#decrypt(
      keyId,
      Buffer.from(iv, 'base64url'),
      Buffer.from(body, 'base64url'),
      context,
    ).toString('utf8')
  }

  sealJson(value: unknown, context: string): string {
    return this.seal(JSON.stringify(value), context)
  }

  openJson<T>(sealed: string, context: string): T {
    return JSON.parse(this.open(sealed, context)) as T
  }

  /**
   * A 32-byte key for another purpose, derived from the current key (or `keyId`'s) with
   * HKDF-SHA256, `info` naming the purpose: the same in every process holding this keyring, and
   * no way back to the key itself.
   */
  deriveKey(info: string, keyId: string = this.currentId): Buffer {
    const key = this.#keys.get(keyId)
    if (!key) throw new DecryptionError(`Key ${keyId} is not in the keyring`)
    return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), info, 32))
  }

  /** Binary framing: 1 byte key-id length, key id, IV, ciphertext and tag. */
  sealBytes(plain: Buffer, context: string): Buffer {
    const { iv, body } = this.#encrypt(plain, context)
    const id = Buffer.from(this.currentId)
    return Buffer.concat([Buffer.from([id.length]), id, iv, body])
  }

  openBytes(sealed: Buffer, context: string): Buffer {
    const idLength = sealed[0] ?? 0
    const keyId = sealed.subarray(1, 1 + idLength).toString()
    const iv = sealed.subarray(1 + idLength, 1 + idLength + IV_BYTES)
    return this.#decrypt(keyId, iv, sealed.subarray(1 + idLength + IV_BYTES), context)
  }

  /**
   * A keyed fingerprint of `data` (HMAC-SHA256 under a key derived from the current key for
   * `purpose`), as `<keyId>.<mac>`: it recognises the same data again without storing anything
   * a copy of the database could test a guess against.
   */
  fingerprint(data: Buffer | string, purpose: string): string {
    const mac = createHmac('sha256', this.#macKey(this.currentId, purpose)).update(data)
    return `${this.currentId}.${mac.digest('base64url')}`
  }

  /** Whether `fingerprint` was made of `data` for `purpose`, under any key of the keyring. */
  matchesFingerprint(fingerprint: string, data: Buffer | string, purpose: string): boolean {
    const dot = fingerprint.indexOf('.')
    const keyId = fingerprint.slice(0, dot)
    if (dot < 1 || !this.#keys.has(keyId)) return false
    const expected = createHmac('sha256', this.#macKey(keyId, purpose)).update(data).digest()
    const given = Buffer.from(fingerprint.slice(dot + 1), 'base64url')
    return given.length === expected.length && timingSafeEqual(given, expected)
  }

  #macKey(keyId: string, purpose: string): Buffer {
    const cacheKey = `${keyId}\n${purpose}`
    let key = this.#macKeys.get(cacheKey)
    if (!key) {
      key = this.deriveKey(`safe-place/mac/${purpose}`, keyId)
      this.#macKeys.set(cacheKey, key)
    }
    return key
  }
}
