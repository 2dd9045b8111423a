#!/usr/bin/env node
/** The `safe-place-hub` binary. */
import { runCli } from './cli/program'

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`error: ${(error as Error).message}\n`)
    process.exitCode = 1
  },
)
