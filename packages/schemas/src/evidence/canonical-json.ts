/**
 * JSON in one byte-exact form, so a signature over it can be checked in any language: the JSON
 * Canonicalization Scheme (RFC 8785) for what an evidence manifest holds — objects with keys
 * sorted by UTF-16 code units, no whitespace, strings and numbers as ECMAScript writes them.
 * Libraries exist for Python, Go, Java, .NET and others under the name "JCS".
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value)
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonicalJson: numbers must be finite')
    return JSON.stringify(value)
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      // Plain `<` compares UTF-16 code units, as RFC 8785 asks (not localeCompare).
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`
  }
  throw new TypeError(`canonicalJson: ${typeof value} is not JSON`)
}
