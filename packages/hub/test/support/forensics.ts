/**
 * A forensic look at a hub's database file, as someone holding a copy of it and the encryption
 * key would take it: every table the schema declares (so a table added later is walked too),
 * every column, every sealed value opened — by AES-GCM's counter mode alone, without its tag,
 * so a value opens whatever context it was sealed under — and searched for given strings, and
 * for files by their SHA-256.
 */
import { createDecipheriv, createHash } from 'node:crypto'
import type { Client } from '@libsql/client'
import { getTableName, is } from 'drizzle-orm'
import { SQLiteTable } from 'drizzle-orm/sqlite-core'
import * as schema from '../../src/db/schema'

export interface Finding {
  table: string
  column: string
  /** `plain` (as stored) or `sealed` (after opening). */
  as: 'plain' | 'sealed'
  value: string
}

/** Every table of the schema, by its SQL name. */
const schemaTables = (): string[] =>
  (Object.values(schema) as unknown[])
    .filter((value): value is SQLiteTable => is(value, SQLiteTable))
    .map((table) => getTableName(table))

/** AES-256-GCM's keystream over the ciphertext (the 16-byte tag dropped, never checked). */
function decrypt(key: Buffer, iv: Buffer, body: Buffer): Buffer | null {
  if (iv.length !== 12 || body.length < 16) return null
  const decipher = createDecipheriv('aes-256-gcm', key, iv)
  return decipher.update(body.subarray(0, body.length - 16))
}

/** Opens `v1.<keyId>.<iv>.<body>` text and the binary framing of `sealBytes`. */
function open(value: unknown, keys: Map<string, Buffer>): Buffer | null {
  if (typeof value === 'string') {
    const [version, keyId, iv, body] = value.split('.')
    const key = keyId ? keys.get(keyId) : undefined
    if (version !== 'v1' || !key || !iv || !body) return null
    return decrypt(key, Buffer.from(iv, 'base64url'), Buffer.from(body, 'base64url'))
  }
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    const bytes = Buffer.from(value as ArrayBuffer)
    const idLength = bytes[0] ?? 0
    const key = keys.get(bytes.subarray(1, 1 + idLength).toString())
    if (!key) return null
    return decrypt(key, bytes.subarray(1 + idLength, 13 + idLength), bytes.subarray(13 + idLength))
  }
  return null
}

export interface Searched {
  /** Strings that must not appear, plain or sealed. */
  strings: readonly string[]
  /** SHA-256 (hex) of files that must not be stored, sealed or not. */
  fileHashes?: readonly string[]
}

/** Everything in the database file that matches what is searched for. */
export async function searchDatabase(
  client: Client,
  keys: Map<string, Buffer>,
  searched: Searched,
): Promise<Finding[]> {
  const findings: Finding[] = []
  const hashes = new Set(searched.fileHashes ?? [])
  for (const table of schemaTables()) {
    const result = await client.execute(`SELECT * FROM "${table}"`)
    for (const row of result.rows) {
      for (const column of result.columns) {
        const value = row[column as keyof typeof row]
        if (value === null || value === undefined) continue
        const plain =
          typeof value === 'string' ? value : ArrayBuffer.isView(value) ? '' : String(value)
        const opened = open(value, keys)
        const sealed = opened?.toString('utf8') ?? ''
        for (const s of searched.strings) {
          if (plain.includes(s)) findings.push({ table, column, as: 'plain', value: s })
          if (sealed.includes(s)) findings.push({ table, column, as: 'sealed', value: s })
        }
        if (opened && hashes.has(createHash('sha256').update(opened).digest('hex'))) {
          findings.push({ table, column, as: 'sealed', value: 'a stored file' })
        }
      }
    }
  }
  return findings
}
