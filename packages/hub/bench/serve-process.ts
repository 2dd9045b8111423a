/**
 * The hub as an operator runs it: `safe-place-hub serve` from the built package (`dist/cli.js`),
 * in its own process, on a fresh libSQL file in a temporary directory, `NODE_ENV=production`
 * with its keys from `SAFE_PLACE_KEYS` and `SAFE_PLACE_SIGNING_KEYS`, request logs as configured written to a file (as they
 * would go to a collector). The bench drives it only through its CLI and HTTP API, so it
 * measures whatever the hub's internals are. The first operator key is made with the CLI, as on
 * a new install. The hub stops with the bench however the bench ends (`exit-with-parent.mjs`).
 */
import { execFile, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url))
const preload = new URL('./exit-with-parent.mjs', import.meta.url).href

export interface ServeProcess {
  url: string
  pid: number
  /** The libSQL file the hub writes (the bench may read it, read-only). */
  databasePath: string
  operatorKey: string
  /** The last lines the hub logged, to show when something went wrong. */
  logTail(lines?: number): string
  /** The last warnings and errors it logged (not the request lines). */
  logProblems(lines?: number): string
  /** SIGTERM, as an operator stops it; waits for the exit, then removes its files. */
  stop(): Promise<void>
}

export interface ServeOptions {
  /** Extra environment: rate limits, `WEBHOOK_*`, `LOG_LEVEL`… */
  env: Record<string, string>
}

export async function startServe(options: ServeOptions): Promise<ServeProcess> {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`pnpm build\` first`)
  const dataDir = mkdtempSync(join(tmpdir(), 'sp-bench-serve-'))
  const databasePath = join(dataDir, 'hub.db')
  const logPath = join(dataDir, 'hub.log')
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_ENV: 'production',
    SAFE_PLACE_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    SAFE_PLACE_SIGNING_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    DATABASE_URL: `file:${databasePath}`,
    SAFE_PLACE_DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    ...options.env,
  }
  const removeFiles = () => rmSync(dataDir, { recursive: true, force: true })
  const logTail = (lines = 20) => {
    try {
      return readFileSync(logPath, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')
    } catch {
      return '(no log)'
    }
  }

  // pino levels: 40 warn, 50 error, 60 fatal; anything not JSON is a crash trace.
  const logProblems = (lines = 20) =>
    logTail(100_000)
      .split('\n')
      .filter((line) => {
        try {
          return (JSON.parse(line) as { level?: number }).level! >= 40
        } catch {
          return line.trim() !== ''
        }
      })
      .slice(-lines)
      .join('\n') || '(no warnings or errors)'

  let operatorKey: string
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [cli, 'api-key', 'add', '--name', 'bench', '--scope', 'operator'],
      { env: { ...env, LOG_LEVEL: 'warn' } },
    )
    operatorKey = (JSON.parse(stdout) as { secret: string }).secret
  } catch (error) {
    removeFiles()
    throw error
  }

  const log = openSync(logPath, 'a')
  const child = spawn(
    process.execPath,
    ['--import', preload, cli, 'serve', '--host', '127.0.0.1', '--port', '0'],
    { env, stdio: ['ignore', log, log, 'ipc'] },
  )
  closeSync(log)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000)
      await exited
      clearTimeout(killer)
    }
    removeFiles()
  }

  // `serve` logs `hub listening` with its URL once it accepts requests.
  const until = performance.now() + 30_000
  let url: string | undefined
  while (!url) {
    if (child.exitCode !== null || child.signalCode !== null || performance.now() > until) {
      const tail = logTail()
      await stop()
      throw new Error(`the hub did not start:\n${tail}`)
    }
    await new Promise((r) => setTimeout(r, 50))
    const line = logTail(50)
      .split('\n')
      .find((l) => l.includes('hub listening'))
    if (line) url = (JSON.parse(line) as { url: string }).url
  }
  return { url, pid: child.pid!, databasePath, operatorKey, logTail, logProblems, stop }
}
