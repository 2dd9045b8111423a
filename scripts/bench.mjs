#!/usr/bin/env node
// `pnpm bench`: every benchmark in one run, on this machine, with the figures each prints.
// Each package owns its benchmark (bench:intake, bench:delivery, bench:widget); this runs them
// one after the other so they do not compete for the two cores.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { cpus } from 'node:os'

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
const benches = Object.keys(pkg.scripts).filter((name) => name.startsWith('bench:'))
const pnpm = process.env.npm_execpath

console.log(
  `Safe Place benchmarks — ${cpus().length} CPU (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}\n`,
)
let failed = 0
for (const name of benches) {
  console.log(`\n━━ ${name} ━━`)
  const result = pnpm?.endsWith('js')
    ? spawnSync(process.execPath, [pnpm, 'run', '--silent', name], { stdio: 'inherit' })
    : spawnSync('pnpm', ['run', '--silent', name], { stdio: 'inherit' })
  if (result.status !== 0) {
    failed++
    console.error(`${name} failed (exit ${result.status ?? result.signal})`)
  }
}
process.exit(failed ? 1 : 0)
