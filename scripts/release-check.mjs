#!/usr/bin/env node
// A release dry run: what `changeset publish` would ship, installed the way a user installs it.
//
// 1. `changeset status`: every changed package has a changeset;
// 2. `pnpm -r publish --dry-run`: the public packages would publish;
// 3. `pnpm pack` each public package (workspace: ranges become real versions);
// 4. `npm install` the tarballs into an empty folder outside the workspace: dependencies come
//    from the npm registry, nothing from the workspace; every installed package must accept
//    the oldest supported Node;
// 5. the installed hub: CLI, `npx safe-place-hub serve`, /readyz, widget, console, a report.
//
// Needs `pnpm build` first. Cleans up after itself, also when interrupted; exits non-zero with
// the step and the command's output when anything fails.
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { delimiter, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { enginesRefusing, installedPackageJsons, oldestNode } from './check-engines.mjs'
import { checkInstalledHub } from './lib/installed-hub.mjs'
import { runCommand } from './lib/run-command.mjs'

const root = fileURLToPath(new URL('../', import.meta.url))
const started = Date.now()
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`

// pnpm as the test command runs it (a JS entry under `pnpm run`), or from PATH.
const execpath = process.env.npm_execpath ?? ''
const pnpm = /\.[cm]?js$/.test(execpath)
  ? (args) => [process.execPath, [execpath, ...args]]
  : (args) => ['pnpm', args]

/**
 * npm, npx and the installed hub must not inherit pnpm's settings (`npm_config_*` from the
 * workspace .npmrc) nor find the workspace's bins (`pnpm run` puts node_modules/.bin on PATH).
 */
const npmEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([name]) =>
      !/^(npm_|pnpm_)/i.test(name) || /^npm_config_(registry|cache|userconfig)$/i.test(name),
  ),
)
delete npmEnv.INIT_CWD
npmEnv.PATH = (process.env.PATH ?? '')
  .split(delimiter)
  .filter((dir) => dir && !resolve(dir).startsWith(resolve(root)))
  .join(delimiter)

const temporary = []
let server
async function cleanUp() {
  await server?.stop().catch(() => {})
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true })
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`\n✖ release check interrupted (${signal}); cleaning up`)
    cleanUp().finally(() => process.exit(130))
  })
}

function publicPackages() {
  const dir = join(root, 'packages')
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((path) => existsSync(join(path, 'package.json')))
    .map((path) => ({
      path,
      manifest: JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')),
    }))
    .filter(({ manifest }) => !manifest.private)
}

/** `changeset status` compares with the base branch: main, or origin/main in a clone without it. */
async function changesetStatus() {
  const require = createRequire(join(root, 'package.json'))
  const bin = join(require.resolve('@changesets/cli/package.json'), '..', 'bin.js')
  const hasRef = (ref) =>
    runCommand('git', ['rev-parse', '--verify', '--quiet', ref], { cwd: root }).then(
      () => true,
      () => false,
    )
  const since = (await hasRef('main'))
    ? []
    : (await hasRef('origin/main'))
      ? ['--since=origin/main']
      : null
  if (since === null)
    throw new Error('changeset status needs the base branch: neither main nor origin/main exists')
  const { stdout, stderr } = await runCommand(process.execPath, [bin, 'status', ...since], {
    cwd: root,
  })
  const bumps = `${stdout}\n${stderr}`.match(/^🦋 {2}- @safe-place\/\S+/gm) ?? []
  return `${bumps.length} package(s) to bump`
}

async function publishDryRun() {
  const [command, args] = pnpm([
    '-r',
    '--filter',
    './packages/*',
    'publish',
    '--dry-run',
    '--no-git-checks',
  ])
  const { stdout, stderr } = await runCommand(command, args, { cwd: root })
  const names = `${stdout}\n${stderr}`.match(/@safe-place\/[a-z-]+@\S+/g) ?? []
  return `${new Set(names).size} package(s) would publish`
}

async function pack(packages, destination) {
  for (const { path, manifest } of packages) {
    if (manifest.files?.includes('dist') && !existsSync(join(path, 'dist'))) {
      throw new Error(`${manifest.name} has no dist/: run \`pnpm build\` first`)
    }
    const [command, args] = pnpm(['pack', '--pack-destination', destination])
    await runCommand(command, args, { cwd: path })
  }
  const tarballs = readdirSync(destination).filter((f) => f.endsWith('.tgz'))
  if (tarballs.length !== packages.length) {
    throw new Error(`expected ${packages.length} tarballs, found ${tarballs.join(', ') || 'none'}`)
  }
  return tarballs.map((f) => join(destination, f))
}

async function install(tarballs, dir) {
  writeFileSync(join(dir, 'package.json'), '{ "name": "release-check", "private": true }\n')
  const { stdout, stderr } = await runCommand(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs],
    { cwd: dir, env: npmEnv, timeoutMs: 300_000 },
  )
  if (/EBADENGINE/.test(`${stdout}\n${stderr}`))
    throw new Error(`npm warned EBADENGINE:\n${stderr}`)
  const lock = JSON.parse(readFileSync(join(dir, 'node_modules', '.package-lock.json'), 'utf8'))
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path.includes('node_modules/@safe-place/')) continue
    if (
      !entry.resolved?.startsWith('file:') ||
      !realpathSync(join(dir, path)).startsWith(realpathSync(dir))
    ) {
      throw new Error(
        `${path} was not installed from its tarball (resolved: ${entry.resolved ?? entry.link})`,
      )
    }
  }
  const node = oldestNode()
  const manifests = installedPackageJsons(join(dir, 'node_modules'))
  const refusing = enginesRefusing(manifests, node)
  if (refusing.length > 0)
    throw new Error(`installed packages refuse Node ${node}:\n  ${refusing.join('\n  ')}`)
  return `${manifests.length} packages, all accept Node ${node}`
}

async function step(name, action) {
  const t0 = Date.now()
  try {
    const detail = await action()
    console.log(`✔ ${name}${detail ? `: ${detail}` : ''} (${seconds(t0)})`)
  } catch (error) {
    console.error(`✖ ${name} failed after ${seconds(t0)}\n${error.message}`)
    error.reported = true
    throw error
  }
}

try {
  const packages = publicPackages()
  const packDir = mkdtempSync(join(tmpdir(), 'safe-place-pack-'))
  const installDir = mkdtempSync(join(tmpdir(), 'safe-place-install-'))
  temporary.push(packDir, installDir)
  if (realpathSync(installDir).startsWith(realpathSync(root))) {
    throw new Error(`${installDir} is inside the workspace; set TMPDIR elsewhere`)
  }
  let tarballs = []
  await step('changeset status', changesetStatus)
  await step('publish dry run', publishDryRun)
  await step('pack', async () => {
    tarballs = await pack(packages, packDir)
    return packages.map((p) => `${p.manifest.name}@${p.manifest.version}`).join(', ')
  })
  await step(`npm install into ${installDir}`, () => install(tarballs, installDir))
  await step('installed hub', () =>
    checkInstalledHub(installDir, {
      env: npmEnv,
      log: (line) => console.log(`  · ${line}`),
      onServer: (s) => {
        server = s
      },
    }),
  )
  await cleanUp()
  console.log(`Release check passed in ${seconds(started)}`)
  process.exit(0) // fetch's idle keep-alive sockets would hold the process a few seconds more
} catch (error) {
  if (!error.reported) console.error(`✖ ${error.message}`)
  await cleanUp()
  console.error(`Release check failed after ${seconds(started)}`)
  process.exit(1)
}
