#!/usr/bin/env node
// The repository must stand alone: no tracked file may send a reader to notes kept outside it
// (the design, style and taxonomy notes the project started from, or a sibling shared/ folder).
// What receivers and auditors need is in docs/. Changesets are history and are not checked.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

// Built from parts so that this file does not match itself.
const outside = [
  ...['TAXONOMY', 'DESIGN', 'STYLE'].map((name) => `${name}.md`),
  ['..', 'shared'].join('/'),
]

const files = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' })
  .split('\0')
  .filter((file) => file && !file.startsWith('.changeset/'))

const found = []
for (const file of files) {
  let text
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    continue // deleted in the work tree but still tracked
  }
  text.split('\n').forEach((line, i) => {
    for (const name of outside) if (line.includes(name)) found.push(`${file}:${i + 1}: ${name}`)
  })
}

if (found.length > 0) {
  console.error('These tracked files point outside the repository; point them at docs/ instead:')
  for (const line of found) console.error(`  ${line}`)
  process.exit(1)
}
console.log(`${files.length} tracked files checked: none points outside the repository.`)
