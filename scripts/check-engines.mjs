#!/usr/bin/env node
// Node 20 must install cleanly: every published package, and every package it brings in at
// run time, must accept the oldest Node the project supports (the root package.json's
// `engines.node`, e.g. 20.19.0). A dependency that declares `engines: { node: ">=22" }` makes
// npm warn EBADENGINE on Node 20 (and fail with engine-strict), so we refuse it here.
//
// Run alone, it checks the workspace's production dependency tree (`pnpm ls --prod`); the
// release check also calls `enginesRefusing` on the tree npm installs from the tarballs.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import semver from 'semver'

const root = new URL('../', import.meta.url)

/** The oldest Node version the project supports, from the root `engines.node`. */
export function oldestNode() {
  const range = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).engines.node
  return semver.minVersion(range).version
}

/** `name@version: range` for each package.json whose `engines.node` refuses `nodeVersion`. */
export function enginesRefusing(packageJsonPaths, nodeVersion) {
  const refusing = new Set()
  for (const path of packageJsonPaths) {
    const pkg = JSON.parse(readFileSync(path, 'utf8'))
    const range = pkg.engines?.node
    if (typeof range !== 'string' || !range.trim()) continue
    if (!semver.satisfies(nodeVersion, range, { includePrerelease: true })) {
      refusing.add(`${pkg.name}@${pkg.version}: engines.node "${range}"`)
    }
  }
  return [...refusing].sort()
}

/** Every package.json under a node_modules folder (npm's layout, nested folders included). */
export function installedPackageJsons(nodeModules) {
  const found = []
  const visit = (dir) => {
    if (!existsSync(dir)) return
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue
      const path = join(dir, entry.name)
      if (entry.name.startsWith('@')) {
        visit(path)
        continue
      }
      if (existsSync(join(path, 'package.json'))) found.push(join(path, 'package.json'))
      visit(join(path, 'node_modules'))
    }
  }
  visit(nodeModules)
  return found
}

/** The published packages and their production dependencies, as pnpm installed them. */
function workspacePackageJsons() {
  const pnpm = process.env.npm_execpath?.endsWith('js')
    ? [process.execPath, [process.env.npm_execpath]]
    : ['pnpm', []]
  const json = execFileSync(
    pnpm[0],
    [...pnpm[1], 'ls', '-r', '--filter', './packages/*', '--prod', '--depth', 'Infinity', '--json'],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  )
  const paths = new Set()
  const walk = (deps) => {
    for (const dep of Object.values(deps ?? {})) {
      const path = join(dep.path, 'package.json')
      // Optional dependencies for other platforms are listed but not installed here.
      if (paths.has(path) || !existsSync(path)) continue
      paths.add(path)
      walk(dep.dependencies)
    }
  }
  for (const project of JSON.parse(json)) {
    if (project.private) continue
    paths.add(join(project.path, 'package.json'))
    walk(project.dependencies)
  }
  return [...paths]
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const node = oldestNode()
  const paths = workspacePackageJsons()
  const refusing = enginesRefusing(paths, node)
  if (refusing.length > 0) {
    console.error(`These packages would not install cleanly on Node ${node}:`)
    for (const line of refusing) console.error(`  ${line}`)
    process.exit(1)
  }
  console.log(`${paths.length} published packages and dependencies accept Node ${node}.`)
}
