/**
 * The hub's own Ed25519 keys (node:crypto), which sign evidence packs. Several keys for
 * rotation: the first signs, every one is published (`publicKeySet`), so what an older key
 * signed still verifies. Entries are `id:base64(32-byte seed)`, as `SAFE_PLACE_SIGNING_KEYS`
 * and the development key file hold them.
 */
import { createPrivateKey, createPublicKey, type KeyObject, randomBytes, sign } from 'node:crypto'
import type { SigningKeySet } from '@safe-place/schemas'

interface SigningKeyPair {
  id: string
  privateKey: KeyObject
  /** The raw public key, base64url (JWK `x`). */
  x: string
}

// An Ed25519 private key in PKCS #8 is this fixed prefix and the 32-byte seed (RFC 8410).
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex')

export class SigningKeyError extends Error {
  override readonly name = 'SigningKeyError'
}

function pairOf(id: string, seed: Buffer): SigningKeyPair {
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(id)) {
    throw new SigningKeyError(`key id ${id} must be letters, digits, _ or -`)
  }
  if (seed.length !== 32) throw new SigningKeyError(`key ${id} must be 32 bytes in base64`)
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  })
  const x = createPublicKey(privateKey).export({ format: 'jwk' }).x
  if (!x) throw new SigningKeyError(`key ${id} is not an Ed25519 key`)
  return { id, privateKey, x }
}

export class SigningKeyring {
  readonly #pairs: SigningKeyPair[]

  constructor(entries: readonly { id: string; seed: Buffer }[]) {
    if (entries.length === 0) throw new SigningKeyError('no key given')
    this.#pairs = entries.map((e) => pairOf(e.id, e.seed))
    const ids = new Set(this.#pairs.map((p) => p.id))
    if (ids.size !== this.#pairs.length) throw new SigningKeyError('two keys have the same id')
  }

  /** `id:base64seed,id:base64seed`, the first one signing. */
  static parse(raw: string): SigningKeyring {
    const entries = raw
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [id, b64, extra] = part.split(':')
        if (!id || !b64 || extra !== undefined) {
          throw new SigningKeyError('each entry must be id:base64key')
        }
        return { id, seed: Buffer.from(b64, 'base64') }
      })
    return new SigningKeyring(entries)
  }

  /** A key that lives as long as the process: for tests and embedders that give none. */
  static ephemeral(): SigningKeyring {
    return new SigningKeyring([
      { id: `tmp-${randomBytes(4).toString('hex')}`, seed: randomBytes(32) },
    ])
  }

  get currentId(): string {
    return this.#pairs[0]!.id
  }

  /** Signs `data` with the current key (Ed25519, 64 bytes). */
  sign(data: Buffer | string): { keyId: string; signature: Buffer } {
    const pair = this.#pairs[0]!
    return { keyId: pair.id, signature: sign(null, Buffer.from(data), pair.privateKey) }
  }

  /** Every key, as published at `/.well-known/safe-place/signing-keys.json`. */
  publicKeySet(): SigningKeySet {
    return {
      keys: this.#pairs.map((p) => ({
        kty: 'OKP',
        crv: 'Ed25519',
        kid: p.id,
        x: p.x,
        alg: 'EdDSA',
        use: 'sig',
      })),
    }
  }
}

/** A fresh entry for `SAFE_PLACE_SIGNING_KEYS`: prepend it to rotate, keep the old ones after. */
export function generateSigningKeyEntry(id = `s${Date.now().toString(36)}`): string {
  return `${id}:${randomBytes(32).toString('base64')}`
}
