/** `serve`: run the hub until SIGINT/SIGTERM, then stop cleanly. */
import type { Command } from 'commander'
import { loadConfig } from '../config'
import { startHub } from '../server'
import type { CliContext, GlobalOptions } from './context'

export function registerServe(
  program: Command,
  _ctx: CliContext,
  globals: () => GlobalOptions,
): void {
  program
    .command('serve')
    .description('Start the hub: applies migrations, starts delivery, serves the HTTP API')
    .option('--host <host>', 'address to listen on (HOST)')
    .option('--port <port>', 'port to listen on (PORT)')
    .option('--log-level <level>', 'fatal|error|warn|info|debug|trace|silent (LOG_LEVEL)')
    .action(async (options: { host?: string; port?: string; logLevel?: string }) => {
      const config = loadConfig(process.env, { ...globals(), ...options })
      const hub = await startHub(config)
      await new Promise<void>((resolve) => {
        const stop = () => resolve()
        process.once('SIGINT', stop)
        process.once('SIGTERM', stop)
      })
      await hub.close()
    })
}
