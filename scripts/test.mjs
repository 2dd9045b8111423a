#!/usr/bin/env node
// The one test command (README, .ci/run): every gate in order, stopping at the first failure.
// Each step is a pnpm script so it can also be run alone.
import { spawnSync } from 'node:child_process'
import { ensureChromium } from './ensure-chromium.mjs'

const steps = [
  ['lint', ['run', 'lint']],
  ['no unused files, exports or dependencies (knip)', ['run', 'knip']],
  ['repository stands alone', ['run', 'check:standalone']],
  ['dependencies accept Node 20.19', ['run', 'check:engines']],
  ['build', ['run', 'build']],
  ['typecheck', ['run', 'typecheck']],
  ['package checks (publint, attw)', ['run', 'check:packages']],
  ['release dry run (pack, npm install, serve)', ['run', 'release-check']],
  ['generated files up to date', ['run', 'check:generated']],
  ['tests', ['run', 'test:unit']],
]

const pnpm = process.env.npm_execpath ?? 'pnpm'
const started = Date.now()

ensureChromium()

for (const [name, args] of steps) {
  const t0 = Date.now()
  console.log(`\n▶ ${name}`)
  const isJs = pnpm.endsWith('.js') || pnpm.endsWith('.cjs') || pnpm.endsWith('.mjs')
  const result = isJs
    ? spawnSync(process.execPath, [pnpm, ...args], { stdio: 'inherit' })
    : spawnSync(pnpm, args, { stdio: 'inherit', shell: process.platform === 'win32' })
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${result.status ?? result.signal})`)
    process.exit(result.status ?? 1)
  }
  console.log(`✔ ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`)
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`)
