/**
 * The hub's Ed25519 public keys, published at `SIGNING_KEYS_PATH` as a JSON Web Key Set
 * (RFC 7517, keys as in RFC 8037): whoever holds an evidence pack checks its signature against
 * them, offline once saved. The first key of the hub's configuration signs; every key listed
 * is still valid for what it signed before a rotation.
 */
import { z } from 'zod'

export const SIGNING_KEYS_PATH = '/.well-known/safe-place/signing-keys.json'

const Base64Url = z.string().regex(/^[A-Za-z0-9_-]+$/, 'Must be base64url without padding')

export const SigningKeyId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,32}$/, 'Must be letters, digits, _ or -, at most 32')

export const SigningKey = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  kid: SigningKeyId,
  /** The 32-byte public key, base64url. */
  x: Base64Url.length(43),
  alg: z.literal('EdDSA'),
  use: z.literal('sig'),
})
export type SigningKey = z.infer<typeof SigningKey>

export const SigningKeySet = z
  .object({ keys: z.array(SigningKey).min(1).max(20) })
  .meta({ id: 'SigningKeySet', title: "The hub's evidence signing keys (JWKS)" })
export type SigningKeySet = z.infer<typeof SigningKeySet>

export { Base64Url }
