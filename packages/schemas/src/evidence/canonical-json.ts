/**
 * JSON in one byte-exact form, so a signature over it can be checked in any language: the JSON
 * Canonicalization Scheme (RFC 8785) for what an evidence manifest holds — objects with keys
 * sorted by UTF-16 code units, no whitespace, strings and numbers as ECMAScript writes them.
 * Libraries exist for Python, Go, Java, .NET and others under the name "JCS".
 *
 * `JSON.stringify` already writes strings and numbers as RFC 8785 asks; the replacer only
 * hands it each object with its keys in order (`sort()` compares UTF-16 code units, as RFC 8785
 * does, not `localeCompare`) and refuses what JSON cannot hold.
 */
function sorted(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new TypeError('canonicalJson: numbers must be finite')
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
  const object = value as Record<string, unknown>
  // No prototype: a key named `__proto__` stays a key, as in the JSON it came from.
  const out: Record<string, unknown> = Object.create(null)
  for (const key of Object.keys(object).sort()) out[key] = object[key]
  return out
}

export function canonicalJson(value: unknown): string {
  const text = JSON.stringify(value, sorted)
  if (text === undefined) throw new TypeError(`canonicalJson: ${typeof value} is not JSON`)
  return text
}
