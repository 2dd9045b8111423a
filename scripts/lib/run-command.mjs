// Runs one command for the release check and fails loudly: on a non-zero exit, a signal or a
// timeout, the error says which command, where, how it ended and the last lines it printed.
import { spawn } from 'node:child_process'

const tail = (text, lines = 40) => text.trimEnd().split('\n').slice(-lines).join('\n')

/**
 * Runs `command args` in `cwd`; resolves with its stdout, rejects with everything needed to see
 * what went wrong. Output is kept, not streamed: the check prints one line per step.
 */
export function runCommand(command, args, { cwd, env = process.env, timeoutMs = 120_000 } = {}) {
  const shown = [command, ...args].join(' ')
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(new Error(`could not run \`${shown}\` in ${cwd}: ${error.message}`))
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      if (code === 0) return resolve({ stdout, stderr })
      const how = signal
        ? `was killed (${signal}${signal === 'SIGKILL' ? `, after ${timeoutMs / 1000} s?` : ''})`
        : `exited with ${code}`
      const output = tail(`${stdout}\n${stderr}`)
      reject(new Error(`\`${shown}\` in ${cwd} ${how}:\n${output}`))
    })
  })
}
