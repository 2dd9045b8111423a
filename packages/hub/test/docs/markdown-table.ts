/**
 * Reads the tables of the repository's docs/ pages, so tests can hold a page to the data it
 * describes: a page that says something the code no longer does fails its test.
 */
import { readFileSync } from 'node:fs'

const docsDir = new URL('../../../../docs/', import.meta.url)

export function readDoc(name: string): string {
  return readFileSync(new URL(name, docsDir), 'utf8')
}

export type TableRow = Record<string, string>

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim())
}

/** The rows of the first table whose header has `column`, keyed by header; throws if none. */
export function tableWith(markdown: string, column: string): TableRow[] {
  const lines = markdown.split('\n')
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]?.startsWith('|')) continue
    const header = cells(lines[i] ?? '')
    const rows: TableRow[] = []
    let j = i + 2 // past the header and its |---| line
    for (; lines[j]?.startsWith('|'); j++) {
      const row = cells(lines[j] ?? '')
      rows.push(Object.fromEntries(header.map((name, k) => [name, row[k] ?? ''])))
    }
    if (header.includes(column)) return rows
    i = j
  }
  throw new Error(`no table with a "${column}" column`)
}

/** The `code` spans of a cell, in order: what a row names exactly. */
export function codeSpans(cell: string | undefined): string[] {
  return [...(cell ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '')
}

/** A yes/no cell as a boolean; anything else is an error in the page. */
export function yesNo(cell: string | undefined): boolean {
  if (cell === 'yes') return true
  if (cell === 'no') return false
  throw new Error(`expected yes or no, got "${cell}"`)
}
