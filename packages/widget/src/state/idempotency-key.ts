/**
 * A key for what the panel creates on the hub (a report, an addition): sent again with a retry,
 * it makes the hub answer what it already did instead of doing it twice. 128 random bits as
 * hex; `getRandomValues` works even where `randomUUID` does not (http pages).
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return `sp_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`
}
