/** Base64 of a UTF-8 string with `btoa` (browsers, Node 20+, edge): no `Buffer`. */
export function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text)
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}
