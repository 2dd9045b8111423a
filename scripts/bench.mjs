#!/usr/bin/env node
// `pnpm bench`: every benchmark in one run, on this machine, then one table of their figures.
// Each package owns its benchmark (bench:intake, bench:delivery, bench:raid, bench:widget) and
// prints its own detailed output; given `BENCH_JSON=<file>`, each also writes its figures as
// JSON (rows for the table, and optional notes printed under it), which this script collects. They run one after the other so they do not
// compete for the CPUs. `BENCH_JSON` given to this script writes the whole table as JSON.
// See bench/README.md for what each figure means and its goal.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
// `pnpm bench raid intake` runs only those (in the usual order), with the same table.
const only = process.argv.slice(2)
const benches = Object.keys(pkg.scripts).filter(
  (name) => name.startsWith('bench:') && (only.length === 0 || only.includes(name.slice(6))),
)
if (benches.length === 0) {
  console.error(`no benchmark named ${only.join(', ')}`)
  process.exit(2)
}
const pnpm = process.env.npm_execpath
const dir = mkdtempSync(join(tmpdir(), 'sp-bench-results-'))
const machine = `${cpus().length} CPU (${cpus()[0]?.model?.trim() ?? 'unknown'}), Node ${process.version}, ${process.platform}/${process.arch}`

console.log(`Safe Place benchmarks — ${machine}\n`)
const results = []
let failed = 0
for (const name of benches) {
  console.log(`\n━━ ${name} ━━`)
  const file = join(dir, `${name.replace(/\W/g, '-')}.json`)
  const env = { ...process.env, BENCH_JSON: file }
  const started = performance.now()
  const result = pnpm?.endsWith('js')
    ? spawnSync(process.execPath, [pnpm, 'run', '--silent', name], { stdio: 'inherit', env })
    : spawnSync('pnpm', ['run', '--silent', name], { stdio: 'inherit', env })
  const seconds = (performance.now() - started) / 1000
  if (result.status !== 0) {
    failed++
    console.error(`${name} failed (exit ${result.status ?? result.signal})`)
  }
  const figures = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null
  results.push({ script: name, ok: result.status === 0, seconds, figures })
}
rmSync(dir, { recursive: true, force: true })

// One table: every figure beside what it is compared with, the ratio, the goal, met or not.
const header = ['bench', 'figure', 'value', 'side by side', 'ratio', 'goal', 'met']
const rows = []
for (const r of results) {
  const bench = r.figures?.bench ?? r.script.replace('bench:', '')
  if (!r.figures) {
    rows.push([bench, '(no figures: the bench failed)', '', '', '', '', '✗'])
    continue
  }
  for (const f of r.figures.rows) {
    const met = f.met === true ? '✓' : f.met === false ? '✗' : ''
    rows.push([bench, f.figure, f.value, f.beside, f.ratio, f.goal, met])
  }
}
const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i].length)))
const line = (row) =>
  row
    .map((cell, i) => cell.padEnd(widths[i]))
    .join('  ')
    .trimEnd()
console.log(`\n━━ summary ━━  ${machine}\n`)
console.log(line(header))
console.log(line(widths.map((w) => '─'.repeat(w))))
for (const row of rows) console.log(line(row))
console.log('')
// What does not fit a table cell (e.g. what limits a figure), as each bench wrote it.
const notes = results.flatMap((r) => r.figures?.notes ?? [])
for (const note of notes) console.log(note)
if (notes.length) console.log('')
for (const r of results) {
  const setup = r.figures?.setup ? `: ${r.figures.setup}` : ''
  console.log(`${r.script} took ${r.seconds.toFixed(0)} s${setup}`)
}
if (process.env.BENCH_JSON) {
  writeFileSync(process.env.BENCH_JSON, JSON.stringify({ machine, results }, null, 2))
}
process.exit(failed ? 1 : 0)
