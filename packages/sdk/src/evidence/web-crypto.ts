/** The few Web Crypto calls verification needs (browsers, Node 20+, edge): no Node built-in. */

const subtle = () => globalThis.crypto.subtle
const hex = (bytes: ArrayBuffer) =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('')
const utf8 = (text: string) => new TextEncoder().encode(text)

/** A copy in a plain ArrayBuffer, as every Web Crypto implementation takes it. */
function own(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(bytes.byteLength)
  copy.set(bytes)
  return copy
}

export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  return hex(await subtle().digest('SHA-256', typeof data === 'string' ? utf8(data) : own(data)))
}

export async function hmacSha256Hex(key: Uint8Array, text: string): Promise<string> {
  const k = await subtle().importKey('raw', own(key), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ])
  return hex(await subtle().sign('HMAC', k, utf8(text)))
}

export function base64UrlBytes(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/')
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4))
  return Uint8Array.from(binary, (c) => c.charCodeAt(0))
}

/** Ed25519 (RFC 8032) with a public key given as a JWK, as the hub publishes them. */
export async function verifyEd25519(
  jwk: { kty: string; crv: string; x: string },
  signature: Uint8Array,
  text: string,
): Promise<boolean> {
  const key = await subtle().importKey(
    'jwk',
    { kty: jwk.kty, crv: jwk.crv, x: jwk.x },
    { name: 'Ed25519' },
    false,
    ['verify'],
  )
  return subtle().verify({ name: 'Ed25519' }, key, own(signature), utf8(text))
}
