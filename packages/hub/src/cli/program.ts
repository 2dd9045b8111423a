/**
 * The `safe-place-hub` program: global flags, the registered commands, and one place that turns
 * errors into a message on stderr and an exit code (0 ok, 1 failure, 2 bad usage or settings).
 */
import { Command, CommanderError } from 'commander'
import { ConfigError } from '../config'
import { HubError } from '../hub-error'
import { commandRegistrars } from './commands'
import { createCliContext, type GlobalOptions } from './context'

export interface CliIO {
  out(line: string): void
  err(line: string): void
}

const defaultIO: CliIO = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
}

function buildProgram(io: CliIO = defaultIO): Command {
  const program = new Command('safe-place-hub')
    .description('The Safe Place hub: report intake, storage, routing and delivery')
    .option(
      '--database-url <url>',
      'database URL (DATABASE_URL), e.g. file:./data/hub.db or libsql://…',
    )
    .option(
      '--data-dir <dir>',
      'data folder for the embedded database and key file (SAFE_PLACE_DATA_DIR)',
    )
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
  const globals = () => program.opts<GlobalOptions>()
  const ctx = createCliContext(globals, io.out)
  for (const register of commandRegistrars) register(program, ctx, globals)
  for (const command of program.commands) {
    command.exitOverride()
    for (const sub of command.commands) sub.exitOverride()
  }
  return program
}

/** Runs the CLI and resolves with the exit code (it never calls `process.exit` itself). */
export async function runCli(argv: readonly string[], io: CliIO = defaultIO): Promise<number> {
  const program = buildProgram(io)
  try {
    await program.parseAsync(argv, { from: 'user' })
    return 0
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.exitCode === 0
        ? 0
        : 2
    }
    if (error instanceof ConfigError) {
      io.err(`error: invalid setting ${error.message}`)
      return 2
    }
    if (error instanceof HubError) {
      io.err(`error: ${error.message}`)
      for (const d of error.details ?? []) io.err(`  ${d.path}: ${d.message}`)
      return error.code === 'validation_failed' ? 2 : 1
    }
    io.err(`error: ${(error as Error).message}`)
    return 1
  }
}
