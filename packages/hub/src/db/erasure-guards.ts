/**
 * Erasure guards: triggers that keep a late writer from putting personal data back once a
 * report is erased. A delivery in flight during a withdrawal records the receiver's answer
 * after the erasure ran; a Svix read-back writes attempt bodies whenever it polls. Each
 * `erase` column of the list (`personal-data.ts`) gets a trigger that nulls it again when it is
 * written for an erased report — whoever writes it, now or in code written later.
 *
 * The triggers are derived from the list at every migration (`handle.migrate()`): dropped and
 * created again in one transaction, so they always match the code that runs.
 */
import { type Column, getTableName } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { erasedColumns, type PersonalDataEntry, personalDataEntries } from './personal-data'
import { reports } from './schema'

export const GUARD_PREFIX = 'erasure_guard_'

const q = (name: string) => `"${name}"`
const tableName = (table: SQLiteTable | Column['table']) => q(getTableName(table))

/** SQL true when the report of the row `NEW` has been erased. */
function reportErased(entry: PersonalDataEntry): string {
  const link = entry.report
  if (!link) throw new Error(`${getTableName(entry.table)} holds no report`)
  const erased = `${tableName(reports)} r WHERE r.${q(reports.id.name)} = `
  const marked = ` AND r.${q(reports.erasedAt.name)} IS NOT NULL`
  if (!('via' in link)) return `EXISTS (SELECT 1 FROM ${erased}NEW.${q(link.column.name)}${marked})`
  const { key, report } = link.via
  return `EXISTS (SELECT 1 FROM ${tableName(key.table)} v JOIN ${tableName(reports)} r ON r.${q(reports.id.name)} = v.${q(report.name)} WHERE v.${q(key.name)} = NEW.${q(link.column.name)}${marked})`
}

/** The guard triggers, as statements: one after insert and one after update, per column. */
export function erasureGuardStatements(): { name: string; sql: string }[] {
  const out: { name: string; sql: string }[] = []
  for (const entry of personalDataEntries) {
    if (!entry.report || entry.erase === 'rows') continue
    const t = getTableName(entry.table)
    for (const { column } of erasedColumns(entry)) {
      const c = q(column.name)
      const when = [
        `NEW.${c} IS NOT NULL`,
        reportErased(entry),
        ...(entry.writableAfterErasure ? [`NOT (${entry.writableAfterErasure})`] : []),
      ].join(' AND ')
      const body = `UPDATE ${q(t)} SET ${c} = NULL WHERE rowid = NEW.rowid;`
      for (const [event, on] of [
        ['insert', 'INSERT'],
        ['update', `UPDATE OF ${c}`],
      ] as const) {
        const name = `${GUARD_PREFIX}${t}_${column.name}_${event}`
        out.push({
          name,
          sql: `CREATE TRIGGER ${q(name)} AFTER ${on} ON ${q(t)} WHEN ${when} BEGIN ${body} END`,
        })
      }
    }
  }
  return out
}
