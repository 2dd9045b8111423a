/**
 * The hub as a real child process, `safe-place-hub serve` from the built package, on a
 * database file in `dataDir`: what an operator runs, so tests can SIGKILL it, restart it on
 * the same file, run several side by side and read everything it logged.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { promisify } from 'node:util'

const require = createRequire(import.meta.url)
/** The built CLI of `@safe-place/hub` (run `pnpm build` first). */
const hubCliPath = join(dirname(require.resolve('@safe-place/hub/package.json')), 'dist/cli.js')

export interface HubProcessOptions {
  dataDir: string
  /** 0 picks a free port; pass the previous port to restart on the same address. */
  port?: number
  /** Extra environment, e.g. `WEBHOOK_ALLOW_HTTP: '1'`. */
  env?: Record<string, string>
}

export interface HubProcess {
  url: string
  port: number
  child: ChildProcess
  /** Every line the process wrote to stdout and stderr, in order. */
  logs: string[]
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<number | NodeJS.Signals | null>
  kill(signal?: NodeJS.Signals): Promise<number | NodeJS.Signals | null>
}

/** The environment every test hub gets: its own files, quiet enough, loopback only. */
export function hubEnv(dataDir: string, env: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    DATABASE_URL: `file:${join(dataDir, 'hub.db')}`,
    SAFE_PLACE_DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    ...env,
  }
}

export async function startHubProcess(options: HubProcessOptions): Promise<HubProcess> {
  const child = spawn(
    process.execPath,
    [hubCliPath, 'serve', '--host', '127.0.0.1', '--port', String(options.port ?? 0)],
    { env: hubEnv(options.dataDir, options.env), stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const logs: string[] = []
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  )
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`hub did not start in 30 s:\n${logs.join('\n')}`)),
      30_000,
    )
    const onLine = (line: string) => {
      logs.push(line)
      if (!line.includes('hub listening')) return
      try {
        const { url } = JSON.parse(line) as { url?: string }
        if (url) {
          clearTimeout(timer)
          resolve(url)
        }
      } catch {
        // not a JSON log line; keep waiting
      }
    }
    createInterface({ input: child.stdout! }).on('line', onLine)
    createInterface({ input: child.stderr! }).on('line', (line) => logs.push(line))
    void exited.then((how) => {
      clearTimeout(timer)
      reject(new Error(`hub exited (${how}) before listening:\n${logs.join('\n')}`))
    })
  })
  return {
    url,
    port: Number(new URL(url).port),
    child,
    logs,
    exited,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      return exited
    },
  }
}

/** Runs one `safe-place-hub` command on the same files and returns its JSON output. */
async function hubCli<T = unknown>(
  dataDir: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<T> {
  const { stdout } = await promisify(execFile)(process.execPath, [hubCliPath, ...args], {
    env: hubEnv(dataDir, { LOG_LEVEL: 'warn', ...env }),
  })
  return JSON.parse(stdout) as T
}

/** The first operator key, made with the CLI as an operator would on a new install. */
export async function createOperatorKey(dataDir: string): Promise<string> {
  const created = await hubCli<{ secret: string }>(dataDir, [
    'api-key',
    'add',
    '--name',
    'system tests',
    '--scope',
    'operator',
  ])
  return created.secret
}
