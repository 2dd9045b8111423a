import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@libsql/client'
import { getTableColumns, getTableName, is } from 'drizzle-orm'
import { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { describe, expect, it } from 'vitest'
import { openDatabase } from './client'
import { erasureGuardStatements, GUARD_PREFIX } from './erasure-guards'
import { erasedColumns, personalDataEntries } from './personal-data'
import * as schema from './schema'

const tables = (Object.values(schema) as unknown[]).filter((v): v is SQLiteTable =>
  is(v, SQLiteTable),
)

describe('the one list of where personal data can be', () => {
  it('has every table of the schema, and every column of each, classified', () => {
    const listed = new Map(personalDataEntries.map((e) => [getTableName(e.table), e]))
    for (const table of tables) {
      const entry = listed.get(getTableName(table))
      expect(entry, `${getTableName(table)} is missing from personal-data.ts`).toBeDefined()
      expect(Object.keys(entry!.columns).sort()).toEqual(Object.keys(getTableColumns(table)).sort())
    }
    expect(listed.size).toBe(tables.length)
  })

  it('ties every erased column to its report', () => {
    for (const entry of personalDataEntries) {
      if (erasedColumns(entry).length > 0) expect(entry.report).toBeDefined()
    }
  })

  it('arms a guard for every erased column at migration, and only those', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sp-guards-'))
    const url = `file:${join(dir, 'hub.db')}`
    const handle = await openDatabase({ url })
    const client = createClient({ url })
    try {
      await handle.migrate()
      // Twice: the guards are replaced, never duplicated.
      await handle.migrate()
      const installed = await client.execute({
        sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?",
        args: [`${GUARD_PREFIX}%`],
      })
      const expected = personalDataEntries
        .filter((e) => e.report && e.erase !== 'rows')
        .flatMap((e) =>
          erasedColumns(e).flatMap(({ column }) =>
            ['insert', 'update'].map(
              (on) => `${GUARD_PREFIX}${getTableName(e.table)}_${column.name}_${on}`,
            ),
          ),
        )
      expect(installed.rows.map((r) => String(r.name)).sort()).toEqual(expected.sort())
      expect(
        erasureGuardStatements()
          .map((g) => g.name)
          .sort(),
      ).toEqual(expected.sort())
    } finally {
      client.close()
      await handle.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
